"""Create or update pages and objects so that a second run finds nothing to change.

A page is looked up under its parent, compared field by field with what the
seed wants, and only saved and published when something differs.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from modelcluster.fields import ParentalManyToManyField
from wagtail.fields import StreamField

from .text import stream


def upsert_page(parent, model, lookup, fields, pages=None):
    """``(page, status)`` for the ``model`` child of ``parent`` matching ``lookup``.

    ``fields`` may hold StreamField blocks as ``(type, value)`` pairs, child
    relations as lists of dicts, and many-to-many fields as lists of objects.
    """
    page = model.objects.child_of(parent).filter(**lookup).first()
    wanted = prepare(model, fields, page_key(lookup), pages)
    if page is None:
        page = model(**lookup)
        assign(page, wanted)
        parent.add_child(instance=page)
        return publish(page), "created"
    if edited_by_a_person(page):
        return page, "unchanged"  # an editor's work wins over the demo text, also on the next `make run`
    changed = {name: value for name, value in wanted.items() if differs(page, name, value)}
    if not changed and page.live:
        return page, "unchanged"
    assign(page, changed)
    return publish(page), "updated"


def edited_by_a_person(page):
    """The seed saves revisions without a user; any revision with one is an editor's."""
    return page.revisions.exclude(user=None).exists()


def publish(page):
    """Publish a new revision; return the page as stored, not the stale instance in hand."""
    page.save_revision().publish()
    return type(page).objects.get(pk=page.pk)


def page_key(lookup):
    return "/".join(f"{name}={plain(value)}" for name, value in sorted(lookup.items()))


def prepare(model, fields, key, pages):
    """StreamField blocks to stored JSON with ids stable for this page and field."""
    return {
        name: stream(f"{model._meta.label_lower}/{key}/{name}", value, pages)
        if isinstance(model._meta.get_field(name), StreamField)
        else value
        for name, value in fields.items()
    }


def assign(page, values):
    for name, value in values.items():
        field = page._meta.get_field(name)
        if field.one_to_many:  # a child relation such as chapters or form fields
            value = [field.related_model(sort_order=i, **row) for i, row in enumerate(value)]
        setattr(page, name, value)


def differs(page, name, value):
    field = page._meta.get_field(name)
    current = getattr(page, name)
    if isinstance(field, StreamField):
        return normalised(current.get_prep_value()) != normalised(value)
    if isinstance(field, ParentalManyToManyField):
        return {obj.pk for obj in current.all()} != {obj.pk for obj in value}
    if field.one_to_many:
        rows = list(current.all())
        return len(rows) != len(value) or any(
            plain(getattr(obj, key)) != plain(wanted)
            for obj, row in zip(rows, value, strict=True)
            for key, wanted in row.items()
        )
    if isinstance(field, models.ForeignKey):
        return getattr(page, field.attname) != plain(value)
    return current != value


def plain(value):
    return value.pk if isinstance(value, models.Model) else value


def normalised(data):
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def upsert_object(model, lookup, fields):
    """``(object, status)`` for a plain model row, saved only when a field differs."""
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        return model.objects.create(**lookup, **fields), "created"
    changed = {name: value for name, value in fields.items() if getattr(obj, name) != value}
    if not changed:
        return obj, "unchanged"
    for name, value in changed.items():
        setattr(obj, name, value)
    obj.save(update_fields=list(changed))
    return obj, "updated"
