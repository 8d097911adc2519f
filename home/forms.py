"""The admin form of every page: times in Dutch time, also on the nights the clocks change.

Editors type a wall time in Europe/Amsterdam; Django stores UTC. Django refuses a
wall time that occurs twice (the night the clocks go back) or not at all (the
night they go forward) with an error naming neither. Here the editor gets the
reason in Dutch and, for the publishing schedule, a choice that resolves it.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.forms.models import formfield_for_dbfield
from wagtail.admin.panels import FieldPanel, PublishingPanel
from wagtail.contrib.forms.forms import WagtailAdminFormPageForm

SUMMER, WINTER, LATER = "zomertijd", "wintertijd", "later"
SCHEDULE_FIELDS = ("go_live_at", "expire_at")
AMBIGUOUS, MISSING = "ambiguous", "missing"
ONE_MINUTE = datetime.timedelta(minutes=1)


def choice_field_name(name):
    return f"{name}_dst"


def wall_time_kind(naive, tz):
    """AMBIGUOUS when ``naive`` happens twice in ``tz``, MISSING when never, else None."""
    first, second = naive.replace(fold=0, tzinfo=tz), naive.replace(fold=1, tzinfo=tz)
    if first.utcoffset() == second.utcoffset():
        return None
    # A wall time that exists survives a round trip through UTC.
    round_trip = first.astimezone(datetime.UTC).astimezone(tz).replace(tzinfo=None)
    return AMBIGUOUS if round_trip == naive else MISSING


def clock_change(naive, tz):
    """The wall-clock span around ``naive`` that is repeated or skipped, e.g. 02:00 and 03:00."""
    kind = wall_time_kind(naive, tz)
    start = naive.replace(second=0, microsecond=0)
    while wall_time_kind(start - ONE_MINUTE, tz) == kind:
        start -= ONE_MINUTE
    offsets = [naive.replace(fold=fold, tzinfo=tz).utcoffset() for fold in (0, 1)]
    return start, start + abs(offsets[1] - offsets[0])


def explanation(kind, naive, tz, with_choice):
    start, end = clock_change(naive, tz)
    params = {
        "date": formats.date_format(naive, "l j F Y"),
        "time": naive.strftime("%H:%M"),
        "start": start.strftime("%H:%M"),
        "end": end.strftime("%H:%M"),
    }
    if kind == AMBIGUOUS:
        fact = _(
            "Op %(date)s gaat de klok om %(end)s een uur terug naar %(start)s: %(time)s komt die nacht "
            "twee keer voor."
        )
        advice = _("Kies hieronder welke %(time)s je bedoelt.")
    else:
        fact = _(
            "Op %(date)s bestaat %(start)s–%(end)s niet: om %(start)s gaat de klok een uur vooruit naar %(end)s."
        )
        advice = _("Kies hieronder %(end)s, of vul een andere tijd in.")
    if not with_choice:
        advice = _("Vul een tijd voor %(start)s of vanaf %(end)s in.")
    return f"{fact % params} {advice % params}"


def choices_for(kind, naive, tz):
    def label(text, moment):
        return text % {"time": f"{moment:%H:%M}", "zone": moment.tzname()}

    if kind == AMBIGUOUS:
        first, second = (naive.replace(fold=fold, tzinfo=tz) for fold in (0, 1))
        return [
            (SUMMER, label(_("%(time)s zomertijd (%(zone)s, eerste keer)"), first)),
            (WINTER, label(_("%(time)s wintertijd (%(zone)s, tweede keer)"), second)),
        ]
    later = clock_change(naive, tz)[1].replace(tzinfo=tz)
    return [(LATER, label(_("%(time)s zomertijd (%(zone)s), direct na de klokwissel"), later))]


class LocalDateTimeField(forms.DateTimeField):
    """A date and time typed in the current time zone, with ``dst_choice`` deciding the nights the clocks change.

    ``dst_choice`` is SUMMER or WINTER for a time that occurs twice, LATER to take the
    first time after a skipped hour. Without a fitting choice the field explains the night;
    ``offers_choice`` says whether the form shows the choice (publishing times do).
    """

    dst_choice = None
    offers_choice = False

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError as error:
            if error.code != "ambiguous_timezone":
                raise
            return self.resolve(error.params["datetime"], error)

    def resolve(self, naive, error):
        tz = timezone.get_current_timezone()
        kind = wall_time_kind(naive, tz)
        # In UTC: Python never finds a folded local time equal to the same moment elsewhere.
        if kind == AMBIGUOUS and self.dst_choice in (SUMMER, WINTER):
            return naive.replace(fold=int(self.dst_choice == WINTER), tzinfo=tz).astimezone(datetime.UTC)
        if kind == MISSING and self.dst_choice == LATER:
            return clock_change(naive, tz)[1].replace(tzinfo=tz).astimezone(datetime.UTC)
        if kind is None:
            raise error
        message = explanation(kind, naive, tz, self.offers_choice)
        raise ValidationError(message, code=f"dst_{kind}", params={"datetime": naive})


def local_formfield(db_field, **kwargs):
    if isinstance(db_field, models.DateTimeField):
        kwargs.setdefault("form_class", LocalDateTimeField)
    return formfield_for_dbfield(db_field, **kwargs)


class ClockChangeChoiceField(forms.ChoiceField):
    """Hidden until a scheduled time falls in the hour the clocks change; then radio buttons."""

    def __init__(self):
        super().__init__(
            required=False,
            label=_("Welke tijd bedoel je?"),
            choices=[(SUMMER, SUMMER), (WINTER, WINTER), (LATER, LATER)],
            widget=forms.HiddenInput,
        )


class LocalTimesFormMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in SCHEDULE_FIELDS:
            if name not in self.fields:
                self.fields.pop(choice_field_name(name), None)
                continue
            self.fields[name].offers_choice = True
            if self.is_bound:
                self.fields[name].dst_choice = self.data.get(self.add_prefix(choice_field_name(name)))
            self._offer_choice_for_stored_time(name)

    def _offer_choice_for_stored_time(self, name):
        """A stored 02:30 of the night the clocks go back shows which of the two it is."""
        value = self.initial.get(name)
        if not value:
            return
        local = timezone.localtime(value)
        naive = local.replace(tzinfo=None)
        if wall_time_kind(naive, local.tzinfo) == AMBIGUOUS:
            self.offer_choice(name, naive, initial=WINTER if local.fold else SUMMER)

    def offer_choice(self, name, naive, initial=None):
        field = self.fields[choice_field_name(name)]
        kind = wall_time_kind(naive, timezone.get_current_timezone())
        field.choices = choices_for(kind, naive, timezone.get_current_timezone())
        field.widget = forms.RadioSelect(choices=field.choices)
        if initial:
            field.initial = initial

    def clean(self):
        cleaned_data = super().clean()
        errors = self.errors.as_data()
        for name in SCHEDULE_FIELDS:
            for error in errors.get(name, []):
                if error.code in (f"dst_{AMBIGUOUS}", f"dst_{MISSING}"):
                    self.offer_choice(name, error.params["datetime"])
        return cleaned_data


class LocalTimesPageForm(LocalTimesFormMixin, WagtailAdminPageForm):
    """``base_form_class`` of every page type (see ``home.models.BasePage``)."""

    go_live_at_dst = ClockChangeChoiceField()
    expire_at_dst = ClockChangeChoiceField()

    class Meta(WagtailAdminPageForm.Meta):
        formfield_callback = local_formfield


class LocalTimesFormPageForm(LocalTimesFormMixin, WagtailAdminFormPageForm):
    """The same for form pages (the contact desk), which keep Wagtail's form-field checks."""

    go_live_at_dst = ClockChangeChoiceField()
    expire_at_dst = ClockChangeChoiceField()

    class Meta(WagtailAdminFormPageForm.Meta):
        formfield_callback = local_formfield


class ClockChangePanel(FieldPanel):
    """Shows the clock-change choice only when the form offers it."""

    def __init__(self, field_name, **kwargs):
        kwargs.setdefault("disable_comments", True)
        super().__init__(field_name, **kwargs)

    class BoundPanel(FieldPanel.BoundPanel):
        def is_shown(self):
            bound_field = self.bound_field
            return super().is_shown() and bound_field is not None and not bound_field.field.widget.is_hidden


class LocalTimesPublishingPanel(PublishingPanel):
    """Wagtail's go-live and expiry fields, each followed by its clock-change choice."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        if "children" not in kwargs:  # not when Wagtail clones the panel
            go_live, expire = self.children
            self.children = [
                go_live,
                ClockChangePanel(choice_field_name("go_live_at")),
                expire,
                ClockChangePanel(choice_field_name("expire_at")),
            ]
