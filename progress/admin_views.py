"""The admin upload for the CSV import: the same importer as `manage.py import_progress`."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse

from progress.exports import ACTION_COLUMNS, RECOMMENDATION_DERIVED_COLUMNS, RECOMMENDATION_IMPORT_COLUMNS
from progress.importer import MAX_FILE_BYTES, import_csv


def can_import(user):
    return user.is_active and (user.is_superuser or user.has_perm("progress.import_progress"))


class ImportForm(forms.Form):
    file = forms.FileField(
        label="CSV file", help_text="A recommendations file or a priority actions file, saved as UTF-8."
    )
    check_only = forms.BooleanField(label="Check the file without importing it", required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError("The file is too big. It must be smaller than 2 MB.")
        return upload


def import_view(request):
    if not can_import(request.user):
        raise PermissionDenied
    result = None
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        result = import_csv(
            form.cleaned_data["file"].read(), user=request.user, dry_run=form.cleaned_data["check_only"]
        )
    status = 400 if result is not None and not result.ok else 200
    context = {
        "form": form,
        "result": result,
        "checked_only": bool(form.is_bound and form.is_valid() and form.cleaned_data["check_only"]),
        "recommendation_columns": RECOMMENDATION_IMPORT_COLUMNS,
        "derived_columns": RECOMMENDATION_DERIVED_COLUMNS,
        "action_columns": ACTION_COLUMNS,
        "header_title": "Import progress CSV",
        "header_icon": "upload",
    }
    return TemplateResponse(request, "progress/admin/import.html", context, status=status)
