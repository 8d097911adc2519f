"""Form fields whose help text and errors are tied to the input (WCAG 1.3.1, 3.3.1)."""

from django import template

register = template.Library()

AUTOCOMPLETE = {"email": "email", "tel": "tel", "url": "url"}


@register.simple_tag
def description_ids(field):
    """Ids of the help text and error elements that describe ``field``, space-separated."""
    parts = {"helptext": field.help_text, "errors": field.errors}
    return " ".join(f"{field.auto_id}_{name}" for name, present in parts.items() if present)


@register.simple_tag
def described_widget(field):
    """``field``'s widget; a single input also carries ``aria-describedby`` (a fieldset does so itself)."""
    attrs = {}
    if not field.use_fieldset and (ids := description_ids(field)):
        attrs["aria-describedby"] = ids
    input_type = getattr(field.field.widget, "input_type", "")
    if input_type in AUTOCOMPLETE:
        attrs["autocomplete"] = AUTOCOMPLETE[input_type]
    return field.as_widget(attrs=attrs)
