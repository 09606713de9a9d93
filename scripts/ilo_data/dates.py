"""Partial dates (YYYY, YYYY-MM, YYYY-MM-DD): the precision of a date is the source's, kept as is."""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

PARTIAL_DATE_PATTERN = r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"
_PARTIAL_DATE = re.compile(PARTIAL_DATE_PATTERN)


@dataclass(frozen=True, order=True)
class PartialDate:
    year: int
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year"

    def earliest(self) -> dt.date:
        """First calendar day the partial date can mean."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        """Last calendar day the partial date can mean."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month:
            text += f"-{self.month:02d}"
        if self.day:
            text += f"-{self.day:02d}"
        return text


def parse_partial(text: str | None) -> PartialDate | None:
    """'' -> None; a well-formed real date -> PartialDate; anything else -> ValueError."""
    if text is None or text == "":
        return None
    if not _PARTIAL_DATE.match(text):
        raise ValueError(f"not a date of the form YYYY, YYYY-MM or YYYY-MM-DD: {text!r}")
    parts = [int(p) for p in text.split("-")]
    if parts[0] < dt.MINYEAR:
        raise ValueError(f"no such calendar year (the calendar starts at year 1): {text!r}")
    date = PartialDate(*parts)
    if date.day:
        try:
            dt.date(date.year, date.month, date.day)
        except ValueError:
            raise ValueError(f"no such calendar day: {text!r}") from None
    return date
