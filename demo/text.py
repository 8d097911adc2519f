"""Bilingual demo text and the StreamField JSON built from it.

Content is written once as Dutch/English pairs (``T``). The Dutch side is stored
on the pages; the pairs feed wagtail-localize's translation memory, segment by
segment, so the English pages come out of the same text.
"""

import uuid
from dataclasses import dataclass
from html import escape
from typing import NamedTuple

BLOCK_ID_NAMESPACE = uuid.UUID("6f1d8a52-4c1e-4f7e-9a57-2b1f0c3d7e90")


class T(NamedTuple):
    """One string in Dutch and English."""

    nl: str
    en: str


@dataclass(frozen=True)
class Html:
    """Rich text as paragraphs (a string or ``T``) and lists (``("ul", items)``)."""

    parts: tuple

    def render(self, lang):
        return "".join(self._render_part(part, lang) for part in self.parts)

    @staticmethod
    def _render_part(part, lang):
        if isinstance(part, tuple) and part and part[0] in ("ul", "ol"):
            tag, items = part
            return (
                f"<{tag}>" + "".join(f"<li>{escape(pick(item, lang))}</li>" for item in items) + f"</{tag}>"
            )
        return f"<p>{escape(pick(part, lang))}</p>"

    def strings(self):
        for part in self.parts:
            items = part[1] if isinstance(part, tuple) and part and part[0] in ("ul", "ol") else [part]
            yield from (item for item in items if isinstance(item, T))


@dataclass(frozen=True)
class Ref:
    """A link to another seeded page, by its key in the seed's page register."""

    key: str


def html(*parts):
    return Html(parts)


def pick(value, lang):
    return getattr(value, lang) if isinstance(value, T) else value


def localize(value, lang="nl", pages=None):
    """``value`` with every ``T`` in ``lang``, ``Html`` as markup and ``Ref`` as a page id."""
    if isinstance(value, T):
        return value.nl if lang == "nl" else value.en
    if isinstance(value, Html):
        return value.render(lang)
    if isinstance(value, Ref):
        return pages[value.key].pk
    if isinstance(value, dict):
        return {key: localize(item, lang, pages) for key, item in value.items()}
    if isinstance(value, list):
        return [localize(item, lang, pages) for item in value]
    return value


def translations(*values):
    """``{dutch: english}`` for every ``T`` in ``values``, as wagtail-localize sees the text."""
    found = {}
    for value in values:
        if isinstance(value, T):
            found[value.nl] = value.en
        elif isinstance(value, Html):
            found.update(translations(*value.strings()))
        elif isinstance(value, dict):
            found.update(translations(*value.values()))
        elif isinstance(value, list | tuple):
            found.update(translations(*value))
    return found


def stream(key, blocks, pages=None):
    """StreamField JSON for ``blocks`` (``(type, value)`` pairs) with stable block ids.

    Ids derive from ``key`` and the position, so a rerun stores exactly the same JSON.
    """
    return [
        {
            "type": kind,
            "value": localize(value, "nl", pages),
            "id": str(uuid.uuid5(BLOCK_ID_NAMESPACE, f"{key}/{i}")),
        }
        for i, (kind, value) in enumerate(blocks)
    ]
