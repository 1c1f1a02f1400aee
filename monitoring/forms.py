from django import forms
from django.utils.translation import gettext_lazy as _

from monitoring.models import Mention, Outlet, Topic


class QuickMentionForm(forms.ModelForm):
    """The fields a specialist fills while reading the news; the rest can follow later."""

    class Meta:
        model = Mention
        fields = ["outlet", "published_on", "headline", "url", "tone", "topic", "press_release"]
        widgets = {
            "published_on": forms.DateInput(attrs={"type": "date"}),
            "tone": forms.RadioSelect,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["outlet"].queryset = Outlet.objects.filter(is_active=True)
        self.fields["topic"].queryset = Topic.objects.filter(is_active=True)
        self.fields["press_release"].queryset = self.fields["press_release"].queryset.order_by(
            "-first_published_at"
        )

    def clean_url(self):
        url = self.cleaned_data["url"]
        if url and Mention.objects.filter(url=url).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("This link is already in the log."))
        return url


class ReportPeriodForm(forms.Form):
    start = forms.DateField(
        label=_("Start of the period"), widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("End of the period"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            raise forms.ValidationError(_("The start of the period must be before its end."))
        if start and end and (end - start).days > 366 * 5:
            raise forms.ValidationError(_("Choose a period of at most five years."))
        return cleaned
