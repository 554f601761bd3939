"""Form questions become translatable, and a translatable "Site text" snippet holds
the words shown on every page (issue 7, every public page in the borough's languages).

Existing questions take their page's locale and a key of their own, in three steps,
because a unique key cannot be added to existing rows in one.
"""

import uuid

import django.db.models.deletion
from django.db import migrations, models


def give_questions_a_locale_and_key(apps, schema_editor):
    FormField = apps.get_model("home", "FormField")
    for question in FormField.objects.select_related("page"):
        question.locale_id = question.page.locale_id
        question.translation_key = uuid.uuid4()
        question.save(update_fields=["locale", "translation_key"])


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="formfield",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name="formfield",
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        ),
        migrations.RunPython(give_questions_a_locale_and_key, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="formfield",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="formfield",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="formfield",
            unique_together={("translation_key", "locale")},
        ),
        migrations.CreateModel(
            name="SiteText",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("partnership_name", models.CharField(max_length=120)),
                ("helpline_name", models.CharField(max_length=120)),
                ("helpline_hours", models.CharField(max_length=200)),
                ("emergency_text", models.CharField(max_length=200)),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
                (
                    "site",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE, related_name="+", to="wagtailcore.site"
                    ),
                ),
            ],
            options={
                "verbose_name": "site text",
                "verbose_name_plural": "site text",
                "abstract": False,
                "unique_together": {("translation_key", "locale")},
            },
        ),
    ]
