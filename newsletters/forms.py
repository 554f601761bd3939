"""Forms for subscribing and for changing what you get."""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.forms import HONEYPOT_FIELD, HoneypotField
from newsletters.models import Topic


class TopicChoiceField(forms.ModelMultipleChoiceField):
    widget = forms.CheckboxSelectMultiple

    def label_from_instance(self, topic):
        return topic.name


class SubscribeForm(forms.Form):
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=_("We will send you an email to confirm it is yours."),
        error_messages={
            "required": _("Enter your email address"),
            "invalid": _("Enter an email address in the correct format, like name@example.org"),
        },
    )
    topics = TopicChoiceField(
        label=_("What do you want to get?"),
        queryset=Topic.objects.none(),
        required=False,
        help_text=_("Select all that apply."),
    )

    def __init__(self, *args, topics, recommendation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.recommendation = recommendation
        self.fields["topics"].queryset = topics
        if recommendation is not None:
            # Following one recommendation is a subscription of its own: no topics to choose.
            del self.fields["topics"]
        self.fields[HONEYPOT_FIELD] = HoneypotField()
        self.fields["email"].widget.attrs.update({"autocomplete": "email", "spellcheck": "false"})

    def clean(self):
        cleaned = super().clean()
        if self.recommendation is None and "topics" in self.fields and not cleaned.get("topics"):
            self.add_error("topics", _("Select at least one topic"))
        return cleaned


class PreferencesForm(forms.Form):
    topics = TopicChoiceField(label=_("Topics"), queryset=Topic.objects.none(), required=False)
    recommendations = forms.MultipleChoiceField(
        label=_("Recommendations you follow"),
        choices=[],
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Untick a recommendation to stop getting its updates."),
    )

    def __init__(self, *args, topics, references, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["topics"].queryset = topics
        if references:
            self.fields["recommendations"].choices = [(reference, reference) for reference in references]
        else:
            del self.fields["recommendations"]
