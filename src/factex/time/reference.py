"""The reference date against which partial and relative dates are resolved."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_TIME = re.compile(r"(?<=^\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}\S*$")


@dataclass(frozen=True)
class Reference:
    """A reference date, possibly without a year (a dateline like `11 ноября`)."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str) -> Reference:
        """Read `YYYY-MM-DD`; raise ValueError with a readable message otherwise."""
        match = _ISO.match(value.strip())
        if not match:
            raise ValueError(f"not a date in the form YYYY-MM-DD: {value!r}")
        year, month, day = (int(g) for g in match.groups())
        try:
            dt.date(year, month, day)
        except ValueError as err:  # 2025-02-30, 2025-13-01
            raise ValueError(f"not a valid date: {value!r} ({err})") from None
        return cls(year, month, day)

    @classmethod
    def of(cls, value: object) -> Reference | None:
        """A document's own reference date from a table cell, a dict item or a `pipe`
        context: `YYYY-MM-DD` (a time after it, `2025-11-11T09:30:00+03:00`, is
        ignored), a `datetime.date`, a Reference; None when the value is missing (None,
        empty, NaN, NaT). Raise ValueError naming the value otherwise."""
        if value is None or isinstance(value, Reference):
            return value
        if isinstance(value, dt.date):  # datetime and pandas' Timestamp too
            if value != value:  # NaT
                return None
            return cls(value.year, value.month, value.day)
        if isinstance(value, float) and value != value:  # NaN: a missing cell
            return None
        if not isinstance(value, str):
            raise ValueError(f"not a date: {value!r} (a {type(value).__name__})")
        if not value.strip():
            return None
        return cls.parse(_TIME.sub("", value.strip()))

    @property
    def known(self) -> bool:
        return self.month is not None

    def date(self) -> dt.date | None:
        """The full calendar date, when year, month and day are all known."""
        if self.year is None or self.month is None or self.day is None:
            return None
        return dt.date(self.year, self.month, self.day)

    def iso(self) -> str | None:
        """ISO form: `2025-11-11`, or `--11-11` without a year, or None."""
        if self.month is None:
            return None
        if self.year is None:
            return f"--{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")
        return f"{self.year:04d}-{self.month:02d}" + (f"-{self.day:02d}" if self.day else "")
