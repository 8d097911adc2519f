"""Caption files: read WebVTT or SRT, check every cue, write clean WebVTT.

Cue text ends up in the browser's WebVTT parser and in our transcript view; we
keep only WebVTT's own tags (b, i, u, v, c, lang) and escape everything else, so
``<script>`` in a cue is shown as text and never interpreted.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

TIMING = re.compile(
    r"^(?P<start>(?:\d+:)?\d{1,2}:\d{2}[.,]\d{3})\s+-->\s+(?P<end>(?:\d+:)?\d{1,2}:\d{2}[.,]\d{3})(?P<settings>.*)$"
)
ALLOWED_TAG = re.compile(r"</?(?:b|i|u|c(?:\.[\w.-]+)?|v(?:\s[^>]*)?|lang(?:\s[^>]*)?)>")
MAX_CAPTION_BYTES = 2 * 1024 * 1024


class CaptionError(ValueError):
    """A caption file we cannot accept; the message names the line."""


@dataclass
class Cue:
    start: float
    end: float
    text: str
    settings: str = ""


def decode(raw):
    """UTF-8 (with or without BOM), else Windows-1252/Latin-1 as old subtitle tools write."""
    if len(raw) > MAX_CAPTION_BYTES:
        raise CaptionError(_("Het ondertitelbestand is groter dan 2 MB."))
    for encoding in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CaptionError(
        _("De tekenset van het bestand is onleesbaar.")
    )  # pragma: no cover - latin-1 decodes all


def parse_seconds(stamp):
    parts = stamp.replace(",", ".").split(":")
    seconds = float(parts[-1])
    minutes = int(parts[-2])
    hours = int(parts[-3]) if len(parts) == 3 else 0
    if minutes > 59 or seconds >= 60:
        raise ValueError(stamp)
    return hours * 3600 + minutes * 60 + seconds


def format_stamp(seconds):
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{millis:03d}"


def clean_text(text):
    """Escape everything except WebVTT's own markup."""
    pieces, last = [], 0
    for match in ALLOWED_TAG.finditer(text):
        pieces.append(_escape(text[last : match.start()]))
        pieces.append(match.group(0))
        last = match.end()
    pieces.append(_escape(text[last:]))
    return "".join(pieces)


def _escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def parse(raw):
    """Return the cues of a WebVTT or SRT file, raising CaptionError with the line number."""
    lines = decode(raw).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    is_vtt = lines[0].startswith("WEBVTT")
    if lines[0].strip() and not is_vtt and not TIMING.match(lines[0]) and not lines[0].strip().isdigit():
        raise CaptionError(_("Regel 1: dit is geen WebVTT- of SRT-bestand."))
    cues, number = [], 1 if is_vtt else 0
    while number < len(lines):
        cue, number = _read_block(lines, number, is_vtt)
        if cue:
            cues.append(cue)
    if not cues:
        raise CaptionError(_("Het bestand bevat geen enkele ondertitel."))
    return cues


def _read_block(lines, number, is_vtt):
    """Read one block starting at ``number``; return (cue or None, next line index)."""
    while number < len(lines) and not lines[number].strip():
        number += 1
    if number >= len(lines):
        return None, number
    block_start = number
    if is_vtt and lines[number].startswith(("NOTE", "STYLE", "REGION")):
        return None, _skip_block(lines, number)
    if "-->" not in lines[number] and not _looks_like_timing(lines[number]):
        number += 1  # a cue identifier (SRT's counter or a WebVTT id)
    if number >= len(lines) or not (timing := TIMING.match(lines[number].strip())):
        raise CaptionError(
            _("Regel %(line)d: hier hoort een tijdcode als 00:01:02.500 --> 00:01:05.000.")
            % {"line": number + 1}
        )
    try:
        start, end = parse_seconds(timing["start"]), parse_seconds(timing["end"])
    except ValueError:
        raise CaptionError(_("Regel %(line)d: ongeldige tijd.") % {"line": number + 1}) from None
    if end <= start:
        raise CaptionError(_("Regel %(line)d: de eindtijd ligt niet na de begintijd.") % {"line": number + 1})
    end_of_block = _skip_block(lines, number)
    text = "\n".join(line.strip() for line in lines[number + 1 : end_of_block])
    if not text:
        raise CaptionError(_("Regel %(line)d: de ondertitel heeft geen tekst.") % {"line": block_start + 1})
    return Cue(start, end, clean_text(text), timing["settings"].strip() if is_vtt else ""), end_of_block


def _looks_like_timing(line):
    return bool(re.match(r"^\s*\d+:\d+.*-", line))


def _skip_block(lines, number):
    while number < len(lines) and lines[number].strip():
        number += 1
    return number


def to_webvtt(cues):
    blocks = ["WEBVTT"]
    for cue in cues:
        timing = f"{format_stamp(cue.start)} --> {format_stamp(cue.end)}"
        blocks.append(f"{timing} {cue.settings}".rstrip() + "\n" + cue.text)
    return "\n\n".join(blocks) + "\n"


def chapters_webvtt(chapters, duration):
    """A WebVTT chapters track from (start seconds, title) pairs; each ends where the next begins."""
    if not chapters:
        return "WEBVTT\n"
    starts = [start for start, _title in chapters]
    ends = starts[1:] + [max(duration or 0, (starts[-1] if starts else 0) + 1)]
    cues = [
        Cue(start, end, _escape(title))
        for (start, title), end in zip(chapters, ends, strict=True)
        if end > start
    ]
    return to_webvtt(cues) if cues else "WEBVTT\n"
