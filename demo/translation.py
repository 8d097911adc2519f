"""Translate seeded content with wagtail-localize, as a translator in the admin would.

The source is extracted into segments, each segment gets its translation in
the translation memory, and wagtail-localize builds the translated object.
Nothing is written when the source and the translations are as before.
"""

from django.core.management.base import CommandError

from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, TranslationSource
from wagtail_localize.strings import StringValue


def translate(instance, locale, strings, user=None):
    """``(translation, status)`` of ``instance`` in ``locale``; ``strings`` maps source text to translated text."""
    previous = TranslationSource.objects.filter(
        object_id=instance.translation_key, locale_id=instance.locale_id
    )
    previous_json = previous.values_list("content_json", flat=True).first()
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    strings_changed = store_strings(source, locale, strings, user)
    existing = instance.get_translation_or_none(locale)
    if existing and not strings_changed and source.content_json == previous_json and is_live(existing):
        return existing, "unchanged"
    # wagtail-localize publishes pages on commit: too late for the caller, never inside a test's
    # transaction. So it saves a draft and the page is published here.
    translation, created = source.create_or_update_translation(
        locale, user=user, publish=not isinstance(instance, Page)
    )
    if isinstance(translation, Page):
        translation.get_latest_revision().publish(user=user)
    return translation, "created" if created else "updated"


def store_strings(source, locale, strings, user):
    """Put the translation of every segment of ``source`` in the memory; True if any was new or changed."""
    changed = False
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    missing = [
        s.string.as_value().render_text()
        for s in segments
        if s.string.as_value().render_text() not in strings
    ]
    if missing:
        raise CommandError(f"No {locale.language_code} translation for: {missing}")
    for segment in segments:
        data = StringValue.from_plaintext(strings[segment.string.as_value().render_text()]).data
        translation, created = StringTranslation.objects.get_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": data, "translation_type": "manual", "last_translated_by": user},
        )
        if created:
            changed = True
        elif translation.data != data:
            translation.data = data
            translation.save(update_fields=["data", "updated_at"])
            changed = True
    return changed


def is_live(instance):
    return getattr(instance, "live", True)
