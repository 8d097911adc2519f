"""A time offset in a video, stored as whole seconds and edited as ``h:mm:ss``."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

TIMECODE = re.compile(r"^\s*(?:(?:(\d+):)?(\d{1,2}):)?(\d+)\s*$")


def parse_timecode(value):
    match = TIMECODE.match(str(value))
    if not match:
        raise ValidationError(_("Gebruik minuten:seconden, bijvoorbeeld 3:25, of uren:minuten:seconden."))
    hours, minutes, seconds = (int(part or 0) for part in match.groups())
    if (minutes >= 60 and hours) or (seconds >= 60 and (minutes or hours or ":" in str(value))):
        raise ValidationError(_("Minuten en seconden gaan tot 59."))
    return hours * 3600 + minutes * 60 + seconds


class TimecodeFormField(forms.CharField):
    def prepare_value(self, value):
        if isinstance(value, int):
            from .models import format_timecode

            return format_timecode(value)
        return value

    def to_python(self, value):
        value = super().to_python(value)
        return None if value in self.empty_values else parse_timecode(value)


class TimecodeField(models.PositiveIntegerField):
    def formfield(self, **kwargs):
        # Skip IntegerField.formfield: its min/max arguments don't fit a text field.
        return models.Field.formfield(self, **{"form_class": TimecodeFormField, **kwargs})
