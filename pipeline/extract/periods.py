"""Periods written in prose: explicit financial years, "the year to March 2017", "last year".

Finds every mention with its span; which figure a mention belongs to is decided by the reader.
Also decides the article's own year (its focus): the financial year it is about.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pipeline import financial_year as fy
from pipeline.extract.matching import finditer_in, windows, word_positions

_YEAR = r"(?:19|20)\d{2}"
_DAY = r"(?:\d{1,2}(?:st|nd|rd|th)?)"
MONTH_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sept sep oct nov dec".split()
)
MONTH = "(?:" + "|".join(sorted(MONTH_WORDS, key=lambda w: (-len(w), w))) + r")\.?"  # longest first

# All patterns match the lower-cased text (see matching.py).
# Explicit financial years: 2016/17, 2016-17, 2016/2017, 2014 -15, 2019 to 2020, FY2016/17.
_EXPLICIT = re.compile(rf"(?P<a>{_YEAR})\s*(?:/|-|–|—|\bto\b)\s*(?P<b>{_YEAR}|\d{{2}})(?![\w/]|[.,]\d)")
# Two-digit forms only where a financial year is clearly meant: "in 16/17", "the 16/17 figures".
_SHORT = re.compile(r"(?<![\w/])(?P<a>\d{2})/(?P<b>\d{2})(?![\w/])")
_SHORT_BEFORE = re.compile(r"\b(?:in|for|of|during|year|the)\s$")
# "the year to March 2017", "the 12 months ending 31 March 2017", "year ended March 2017"
_YEAR_TO_MARCH = re.compile(
    rf"(?:year|12\s+months|twelve\s+months)\s+(?:to|ending|ended|up\s+to|until)\s+(?:the\s+end\s+of\s+)?(?:{_DAY}\s+)?march(?:\s+{_DAY})?,?\s+(?P<y>{_YEAR})\b"
)
# "between April 1, 2018 and March 31, 2019", "from April 2018 to March 2019", "April 2018 - March 2019"
_APRIL_TO_MARCH = re.compile(
    rf"(?:(?:between|from)\s+)?(?:{_DAY}\s+)?april(?:\s+{_DAY})?,?\s+(?P<a>{_YEAR})\s*(?:and|to|until|-|–)\s*(?:the\s+end\s+of\s+)?(?:{_DAY}\s+)?march(?:\s+{_DAY})?,?\s+(?P<b>{_YEAR})\b"
)
# Dates are not periods; their numbers are not counts.
DATE = re.compile(
    rf"\b(?:{_DAY}\s+(?:of\s+)?{MONTH}(?:,?\s+{_YEAR})?|{MONTH}\s+{_DAY}(?:,?\s+{_YEAR})?(?!\d)|{MONTH},?\s+{_YEAR}|\d{{1,2}}/\d{{1,2}}/\d{{2,4}})\b",
)

_RELATIVE = {
    # group name: relation (years from the year the sentence is about, or "focus": the article's year)
    "previous": -1,
    "next": +1,
    "focus": "focus",
}
_RELATIVE_RE = re.compile(
    r"(?P<previous>the\s+(?:previous|preceding|prior)\s+(?:financial\s+)?(?:year|12\s+months|twelve\s+months)"
    r"|the\s+(?:financial\s+)?year\s+(?:before|prior|earlier)|(?:a|the)\s+year\s+(?:before|earlier))\b"
    r"|(?P<next>(?:a|one)\s+year\s+(?:later|on)|the\s+(?:following|next)\s+(?:financial\s+)?year)\b"
    r"|(?P<focus>(?:the\s+)?(?:last|past|latest|most\s+recent)\s+(?:full\s+)?financial\s+year"
    r"|(?:the\s+)?(?:last|past)\s+(?:year|12\s+months|twelve\s+months)|last\s+year(?:'s|’s)?|this\s+year(?:'s|’s)?)\b"
)

# Words before a period that make it the base of a comparison, not the period of the figure:
# "a rise of 15 per cent from 2015/16", "up 9% on last year", "compared with 2015/16".
_BASE_BEFORE = re.compile(r"\b(?:from|on|compared\s+(?:with|to)|than(?:\s+in)?|against|over|since|versus|vs\.?)\s+(?:in\s+|during\s+)?$")
# The year of a comparison's base figure: "the rise from 1,895 in 2015/16", "compared with 603 in
# 2014/15". It is that figure's own year, and tells the article's year (the one after it).
_BASE_FIGURE_BEFORE = re.compile(r"\b(?:from|compar(?:ed|es|ing)\s+(?:with|to)|than|against|versus|vs\.?)\s+\d[\d,]*\s+(?:in\s+|during\s+)$")
# "since 2014/15": the start of several years, which says nothing of the article's year
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:in\s+|during\s+)?$")
_CALENDAR_YEAR = re.compile(rf"{_YEAR}\b(?!\s*(?:/|-|–|to)\s*\d)")
_CALENDAR_BEFORE = re.compile(r"\b(?:in|during|throughout|for)\s+$")


@dataclass(frozen=True)
class PeriodMention:
    start: int
    end: int
    period: str | None  # the financial year, for explicit mentions
    relation: int | str | None  # for relative mentions: -1, +1 or "focus"
    base: bool  # the base of a comparison ("from 2015/16", "on the previous year")
    calendar: bool = False  # a calendar year ("in 2017"): not a financial year
    # a named year a one-year comparison starts from ("up 9% on 2015/16", "up from 1,895 in
    # 2015/16"): the article's year is the one after it
    year_before: bool = False
    since: bool = False  # the start of several years ("since 2015/16"): the article's year is later


def find_periods(low: str) -> list[PeriodMention]:
    """Period mentions in the lower-cased text, in order; where two overlap the more specific wins."""
    found: list[PeriodMention] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, period: str | None, relation, calendar: bool = False) -> None:
        if any(start < e and s < end for s, e in taken):
            return
        taken.append((start, end))
        base = bool(_BASE_BEFORE.search(low, max(0, start - 30), start))
        since = base and bool(_SINCE_BEFORE.search(low, max(0, start - 30), start))
        year_before = base and not since or bool(_BASE_FIGURE_BEFORE.search(low, max(0, start - 40), start))
        found.append(PeriodMention(start, end, period, relation, base, calendar, year_before, since))

    march = word_positions(low, ("march",))
    if march:
        for m in finditer_in(_APRIL_TO_MARCH, low, windows(march, before=70, after=25, length=len(low))):
            if int(m["b"]) == int(m["a"]) + 1:
                add(m.start(), m.end(), fy.format_period(int(m["a"])), None)
        for m in finditer_in(_YEAR_TO_MARCH, low, windows(march, before=60, after=25, length=len(low))):
            add(m.start(), m.end(), fy.format_period(int(m["y"]) - 1), None)
    for m in _EXPLICIT.finditer(low):
        start = m.start()
        if start and (low[start - 1].isalnum() or low[start - 1] in "/£$") and low[max(0, start - 2):start] != "fy":
            continue
        period = fy.parse_financial_year(f"{m['a']}/{m['b']}")
        if period:
            add(start, m.end(), period, None)
    for m in _SHORT.finditer(low):
        if _SHORT_BEFORE.search(low, max(0, m.start() - 10), m.start()):
            period = fy.parse_financial_year(f"{m['a']}/{m['b']}")
            if period:
                add(m.start(), m.end(), period, None)
    anchors = word_positions(low, ("year", "months"))
    for m in finditer_in(_RELATIVE_RE, low, windows(anchors, before=40, after=20, length=len(low))):
        add(m.start(), m.end(), None, _RELATIVE[m.lastgroup])
    for m in _CALENDAR_YEAR.finditer(low):
        start = m.start()
        if (start and low[start - 1].isalnum()) or not _CALENDAR_BEFORE.search(low, max(0, start - 15), start):
            continue
        if not any(start < e and s < m.end() for s, e in taken) and not DATE.match(low, start):
            add(start, m.end(), None, None, calendar=True)
    found.sort(key=lambda p: p.start)
    return found


def focus_period(mentions: list[PeriodMention], published: date | None) -> str | None:
    """The financial year the article is about, or None where the text cannot tell.

    The latest year it names; a year a one-year comparison starts from ("up 15% on 2015/16",
    "up from 1,895 in 2015/16") names the year after it. Failing that, the last full financial
    year before publication. A named year after the last full year before publication cannot
    be a year of recorded figures yet, so publication wins then. The start of several years
    ("up 70 per cent since 2017/18") names no year, but the article's year comes after it.
    """
    named, after = [], None
    for mention in mentions:
        if not mention.period:
            continue
        if mention.since:
            after = max(after or mention.period, mention.period)
        else:
            named.append(fy.shift(mention.period, 1) if mention.year_before else mention.period)
    latest_full = fy.last_full_before(published) if published else None
    focus = max(named) if named else latest_full
    if focus and latest_full and focus > latest_full:
        focus = latest_full
    if focus and after and focus <= after:
        focus = latest_full if latest_full and latest_full > after else None
    return focus
