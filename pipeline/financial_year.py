"""UK financial years (1 April to 31 March), written `2016/17` in every published table.

This module reads the forms contributors type into tables ("2016-17", "2016/2017", "16/17") and
does the date arithmetic. Reading periods in prose ("last year", "the year to March 2017") is the
extractor's job (pipeline/extract/periods.py), which builds on these functions.
"""

from __future__ import annotations

import re
from datetime import date

PERIOD_PATTERN = r"^\d{4}/\d{2}$"

# 2016/17, 2016-17, 2016–17, 2016/2017, 2016-2017, 2016 -17, 2016 to 2017, 16/17, FY2016/17
_FORM = re.compile(
    r"""^\s*(?:FY\s*)?
        (?P<first>\d{4}|\d{2})
        \s*(?:/|-|–|—|\bto\b)\s*
        (?P<second>\d{4}|\d{2})
        \s*$""",
    re.IGNORECASE | re.VERBOSE,
)


def parse_financial_year(text: object) -> str | None:
    """The canonical `YYYY/YY` for a financial-year string, or None if it is not one.

    The two years must be consecutive: "2016/18" and "2016" are not financial years.
    """
    if not isinstance(text, str):
        return None
    match = _FORM.match(text)
    if not match:
        return None
    first, second = match["first"], match["second"]
    if len(first) == 2:
        if len(second) != 2:
            return None
        start = 2000 + int(first)  # two-digit forms only occur for this century's releases
    else:
        start = int(first)
    end_two_digits = int(second) % 100
    if (start + 1) % 100 != end_two_digits:
        return None
    if len(second) == 4 and int(second) != start + 1:
        return None
    if not 1990 <= start <= 2099:
        return None
    return format_period(start)


def format_period(start_year: int) -> str:
    return f"{start_year}/{(start_year + 1) % 100:02d}"


def start_year(period: str) -> int:
    return int(period[:4])


def period_bounds(period: str) -> tuple[date, date]:
    """First and last day of a financial year: 2016/17 -> (2016-04-01, 2017-03-31)."""
    year = start_year(period)
    return date(year, 4, 1), date(year + 1, 3, 31)


def shift(period: str, years: int) -> str:
    """The financial year `years` before (negative) or after (positive) `period`."""
    return format_period(start_year(period) + years)


def containing(day: date) -> str:
    """The financial year a date falls in."""
    return format_period(day.year if day.month >= 4 else day.year - 1)


def last_full_before(day: date) -> str:
    """The last financial year that had ended by `day` (an article published 2017-09-10 -> 2016/17)."""
    return shift(containing(day), -1)


def days_in(period: str) -> int:
    first, last = period_bounds(period)
    return (last - first).days + 1
