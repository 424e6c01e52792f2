"""The headline and the agency dateline (`МОСКВА, 11 ноября. /ТАСС/`)."""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence

from .record import Dateline
from .time.calendar import MONTH_PATTERN, month_number
from .time.reference import Reference

_PLACE = r"[А-ЯЁ][А-ЯЁ-]+(?:[ -]+[А-ЯЁ][А-ЯЁ-]+)*"
_DATELINE = re.compile(
    rf"(?P<place>{_PLACE})\s*[,.]\s*"
    rf"(?P<day>\d{{1,2}})\s+(?P<month>{MONTH_PATTERN})(?:\s+(?P<year>\d{{4}})(?:\s*(?:года|г\.))?)?"
    r"\s*[.,]?\s*"
    r"(?:/\s*(?P<slash>[^/\n]{2,40}?)\s*/"
    r"|\((?P<paren>[^)\n]{2,40})\)"
    r"|[—–-]\s*(?P<dash>[А-ЯЁA-Z][^.\n]{1,30}?)(?=\.))",
)
_SMALL_WORDS = {"на", "де", "ла", "ле", "дель", "эль", "об"}
_SENTENCE_END = re.compile(r"[.!?…]\s*$")


def _title_case(place: str) -> str:
    def word(part: str) -> str:
        low = part.lower()
        return low if low in _SMALL_WORDS else low[:1].upper() + low[1:]

    return " ".join("-".join(word(p) for p in w.split("-")) for w in place.split())


def find_dateline(
    text: str, paragraphs: Sequence[tuple[int, int]], limit: int = 8
) -> Dateline | None:
    """The dateline at the start of one of the first paragraphs, if any."""
    for start, stop in paragraphs[:limit]:
        match = _DATELINE.match(text, start, stop)
        if match is None:
            continue
        month = month_number(match["month"])
        year = int(match["year"]) if match["year"] else None
        day = int(match["day"])
        # A leap year stands in for an unknown one, so `29 февраля` stays possible.
        valid = month and 1 <= day <= calendar.monthrange(year or 2024, month)[1]
        date = Reference(year, month, day).iso() if valid else None
        agency = (match["slash"] or match["paren"] or match["dash"] or "").strip() or None
        return Dateline(_title_case(match["place"]), date, agency, match.start(), match.end())
    return None


def find_title(
    text: str, paragraphs: Sequence[tuple[int, int]], dateline: Dateline | None
) -> str | None:
    """The headline: a short first paragraph, not the dateline, with text after it."""
    if len(paragraphs) < 2:
        return None
    start, stop = paragraphs[0]
    if dateline is not None and dateline.start < stop:
        return None
    line = text[start:stop]
    if len(line) > 250 or (_SENTENCE_END.search(line) and len(line) > 120):
        return None
    return line


def dateline_reference(dateline: Dateline | None) -> Reference:
    """The reference the dateline gives: full when it has a year, else day and month."""
    if dateline is None or dateline.date is None:
        return Reference()
    if dateline.date.startswith("--"):
        month, day = dateline.date[2:].split("-")
        return Reference(None, int(month), int(day))
    return Reference.parse(dateline.date)
