"""The rules of "What support can I get?": who a service may be for, as structured fields
editors keep on each service page, and the visitor's answers matched against them.

Matching is deliberately generous: an unanswered question, or "I don't know", never rules a
service out; it only adds "check whether…" to the result. A "no" or an age outside the
range does. The result is guidance, never a decision: the page says so.

Answers arrive in the query string of a GET form (it works without JavaScript) and go no
further than this request: the finder stores nothing, the analytics capture keeps no query
parameter but the search box's `q`, and the results page is sent with `no-store`.
"""

from dataclasses import dataclass, field

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from cms.regions import Region
from cms.widgets import PlainSelect

MAX_AGE = 120


class RegionListField(models.CharField):
    """A set of Region values kept as one comma-separated column (the same on SQLite and
    PostgreSQL), edited as checkboxes."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 400)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def from_db_value(self, value, expression, connection):
        return self.to_python(value)

    def to_python(self, value):
        if isinstance(value, list | tuple):
            return [item for item in value if item in Region.values]
        return [item for item in (value or "").split(",") if item in Region.values]

    def get_prep_value(self, value):
        return ",".join(self.to_python(value))

    def value_to_string(self, obj):
        return self.get_prep_value(self.value_from_object(obj))

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=Region.choices,
            required=False,
            label=self.verbose_name,
            help_text=self.help_text,
            widget=forms.CheckboxSelectMultiple,
        )

    def validate(self, value, model_instance):
        return  # only known regions survive to_python


@dataclass(frozen=True)
class EligibilityRules:
    """A service's finder rules, as the listing cache keeps them."""

    listed: bool = False
    min_age: int | None = None
    max_age: int | None = None
    disability: bool = False
    children: bool = False
    registered: bool = False
    displaced: bool = False
    regions: tuple = ()

    @classmethod
    def of(cls, service):
        return cls(
            listed=service.finder_listed,
            min_age=service.finder_min_age,
            max_age=service.finder_max_age,
            disability=service.finder_disability,
            children=service.finder_children,
            registered=service.finder_registered,
            displaced=service.finder_displaced,
            regions=tuple(service.finder_regions or ()),
        )

    def conditions(self):
        """What the rules say, in words, for the result list."""
        lines = []
        if self.min_age is not None and self.max_age is not None:
            lines.append(_("Aged %(min)s to %(max)s") % {"min": self.min_age, "max": self.max_age})
        elif self.min_age is not None:
            lines.append(_("Aged %(min)s or over") % {"min": self.min_age})
        elif self.max_age is not None:
            lines.append(_("Aged %(max)s or under") % {"max": self.max_age})
        if self.disability:
            lines.append(_("With disability status"))
        if self.children:
            lines.append(_("Families with children under 18"))
        if self.registered:
            lines.append(_("Families registered in the social-assistance database"))
        if self.displaced:
            lines.append(_("With the status of an internally displaced person"))
        if self.regions:
            names = ", ".join(str(Region(region).label) for region in self.regions)
            lines.append(_("In: %(regions)s") % {"regions": names})
        return lines


class Answer(models.TextChoices):
    YES = "yes", pgettext_lazy("answer", "Yes")
    NO = "no", pgettext_lazy("answer", "No")
    UNKNOWN = "unknown", _("I don't know")


YES_NO_QUESTIONS = {
    "disability": _("Do you have disability status?"),
    "children": _("Are there children under 18 in your family?"),
    "registered": _(
        "Is your family registered in the database of socially vulnerable families "
        "(social-assistance database)?"
    ),
    "displaced": _("Do you have the status of an internally displaced person?"),
}


class FinderForm(forms.Form):
    """The questionnaire: every question optional; labels in the active language."""

    age = forms.IntegerField(
        label=_("How old are you?"),
        required=False,
        min_value=0,
        max_value=MAX_AGE,
        widget=forms.NumberInput(attrs={"inputmode": "numeric", "min": 0, "max": MAX_AGE}),
        error_messages={
            "invalid": _("Write your age in whole years, for example 67."),
            "min_value": _("Write your age in whole years, for example 67."),
            "max_value": _("Write your age in whole years, for example 67."),
        },
    )
    region = forms.ChoiceField(label=_("Where do you live?"), required=False, widget=PlainSelect)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].choices = [("", _("Anywhere in Georgia"))] + list(Region.choices)
        for name, question in YES_NO_QUESTIONS.items():
            self.fields[name] = forms.ChoiceField(
                label=question,
                required=False,
                choices=Answer.choices,
                widget=forms.RadioSelect,
            )

    def answers(self):
        """The valid answers; an invalid one counts as unanswered (and shows its error)."""
        self.is_valid()
        data = self.cleaned_data
        return Answers(
            age=data.get("age"),
            region=data.get("region") or "",
            **{name: data.get(name) or "" for name in YES_NO_QUESTIONS},
        )


@dataclass(frozen=True)
class Answers:
    age: int | None = None
    region: str = ""
    disability: str = ""
    children: str = ""
    registered: str = ""
    displaced: str = ""

    @property
    def given(self):
        return self.age is not None or any(
            getattr(self, name) for name in ("region", *YES_NO_QUESTIONS)
        )


@dataclass(frozen=True)
class Match:
    """A service that may apply, with the conditions the visitor should still check."""

    service: object
    conditions: list
    to_check: list = field(default_factory=list)


def match(rules: EligibilityRules, answers: Answers):
    """None when an answer rules the service out, else the conditions left to check."""
    if not rules.listed:
        return None
    to_check = []
    if rules.min_age is not None or rules.max_age is not None:
        if answers.age is None:
            to_check.append("age")
        elif (rules.min_age is not None and answers.age < rules.min_age) or (
            rules.max_age is not None and answers.age > rules.max_age
        ):
            return None
    for name in YES_NO_QUESTIONS:
        if not getattr(rules, name):
            continue
        answer = getattr(answers, name)
        if answer == Answer.NO:
            return None
        if answer != Answer.YES:
            to_check.append(name)
    if rules.regions:
        if not answers.region:
            to_check.append("region")
        elif answers.region not in rules.regions:
            return None
    return to_check
