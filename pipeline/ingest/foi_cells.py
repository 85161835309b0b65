"""Reading what a force wrote in one FOI table cell or label.

Numbers with footnote marks ("1,483*"), suppression markers (`*`, `<5`, `[x]`), blanks, age band
labels ("0-5", "11 and under", "16+", "13"), period labels ("2024/25 (to date)") and Home Office
offence codes (71/17, 088/05, 08805, 88A). Pure functions; the words and markers come from
foi_vocabulary.yaml. Numbers themselves are parsed by values.parse_number, like every other table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from pipeline.financial_year import parse_financial_year
from pipeline.ingest import values

VOCABULARY_FILE = Path(__file__).with_name("foi_vocabulary.yaml")

OK = "ok"
SUPPRESSED = "suppressed"
NOT_RECORDED = "not_recorded"
BLANK_MEANINGS = ("zero", "not_recorded")


@dataclass(frozen=True)
class Vocabulary:
    age_metrics: dict[str, tuple[int, int]]
    age_base_metric: str
    suppressed_markers: tuple[str, ...]
    not_recorded_markers: tuple[str, ...]
    footnote_marks: str
    partial_year_words: tuple[str, ...]
    long_note_status: dict[str, tuple[str, ...]]


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    data = yaml.safe_load(VOCABULARY_FILE.read_text(encoding="utf-8"))
    return Vocabulary(
        age_metrics={metric: (int(low), int(high)) for metric, (low, high) in data["age_metrics"].items()},
        age_base_metric=data["age_base_metric"],
        suppressed_markers=tuple(data["suppressed_markers"]),
        not_recorded_markers=tuple(data["not_recorded_markers"]),
        footnote_marks=data["footnote_marks"],
        partial_year_words=tuple(data["partial_year_words"]),
        long_note_status={status: tuple(words) for status, words in data["long_note_status"].items()},
    )


def marker_form(text: str) -> str:
    """How markers are compared: case-folded, without spaces ("< 5" is "<5")."""
    return "".join(text.casefold().split())


@dataclass(frozen=True)
class Markers:
    """What the cells of one table may hold besides numbers (from its layout, or the defaults)."""

    suppressed: tuple[str, ...]
    not_recorded: tuple[str, ...]
    blank: str | None  # "zero", "not_recorded", or None: a blank cell is then an error

    def describe(self) -> str:
        parts = [f"suppressed: {', '.join(self.suppressed) or 'none'}", f"not recorded: {', '.join(self.not_recorded) or 'none'}"]
        return "; ".join(parts)


@dataclass(frozen=True)
class Reading:
    """One cell as read: a number (status ok), or no number and why (status suppressed/not_recorded).

    `reason` is set instead when the cell cannot be read at all (an error).
    """

    status: str = OK
    value: float | None = None
    note: str | None = None
    percent: bool = False  # written with a % sign; its metric's unit decides what it means
    blank: bool = False  # an empty cell, read as the layout's `blank:` says
    reason: str | None = None


def _footnote_pattern(marks: str) -> re.Pattern:
    return re.compile(
        r"^(?P<number>.*?\d)\s*(?P<mark>[" + re.escape(marks) + r"]+|\[(?:note\s*)?\w{1,3}\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+)$",
        re.IGNORECASE,
    )


_PERCENT = re.compile(r"^(?P<number>.*?\d)\s*%$")


def read_cell(text: str, markers: Markers) -> Reading:
    """A table cell as the force wrote it, read by the layout's markers. Never a zero for a marker."""
    shown = text.strip()
    if not shown:
        if markers.blank == "zero":
            return Reading(value=0.0, note="blank cell, read as zero as the layout says", blank=True)
        if markers.blank == "not_recorded":
            return Reading(NOT_RECORDED, note="blank cell: not recorded, as the layout says", blank=True)
        return Reading(reason="blank cell: the layout must say what a blank means (blank: zero or blank: not_recorded)")
    form = marker_form(shown)
    if form in {marker_form(m) for m in markers.suppressed}:
        return Reading(SUPPRESSED, note=f"the force showed {shown!r} (a small number, suppressed)")
    if form in {marker_form(m) for m in markers.not_recorded}:
        return Reading(NOT_RECORDED, note=f"the force showed {shown!r} (not recorded)")
    number, note, percent = shown, None, False
    footnote = _footnote_pattern(vocabulary().footnote_marks).match(number)
    if footnote:
        number, note = footnote["number"], f"footnote mark {footnote['mark']!r} after the number in the source"
    if match := _PERCENT.match(number):
        number, percent = match["number"], True
    value, reason = values.parse_number(number)
    if reason:
        return Reading(reason=f"{shown!r} is not a number, nor a marker the layout names ({markers.describe()})")
    return Reading(value=value, note=note, percent=percent)


def long_value_status(note: str) -> str | None:
    """The status an empty long-template value gets from its note, or None when the note says neither."""
    text = note.casefold()
    for status in (SUPPRESSED, NOT_RECORDED):
        if any(word in text for word in vocabulary().long_note_status[status]):
            return status
    return None


# --- age bands --------------------------------------------------------------------------------

_AGE_NOISE = re.compile(r"\b(?:aged|age|ages|years?|yrs?|year olds?|olds?)\b")
_AGE_FORMS: list[tuple[re.Pattern, object]] = [
    (re.compile(r"^(\d+)$"), lambda a: (a, a)),
    (re.compile(r"^(\d+)\s*(?:-|–|—|to)\s*(\d+)$"), lambda a, b: (a, b) if a <= b else None),
    (re.compile(r"^(\d+)\s*(?:and|or|&)\s*(?:under|below|younger)$"), lambda a: (0, a)),
    (re.compile(r"^(?:under|below|less than|younger than)\s*(\d+)$"), lambda a: (0, a - 1) if a >= 1 else None),
    (re.compile(r"^(\d+)\s*(?:\+|plus|and over|or over|and above|and older|or older)$"), lambda a: (a, None)),
    (re.compile(r"^(?:over|older than)\s*(\d+)$"), lambda a: (a + 1, None)),
]


def parse_age_band(label: str) -> tuple[int, int | None] | None:
    """An age label as (youngest, oldest) whole years, oldest None when open-ended; None if not a band.

    "0-5" (0, 5); "6 to 10" (6, 10); "13" (13, 13); "11 and under" (0, 11); "under 1" (0, 0);
    "16 and over" / "16+" (16, None).
    """
    text = _AGE_NOISE.sub(" ", label.casefold())
    text = " ".join(text.split())
    for pattern, build in _AGE_FORMS:
        match = pattern.match(text)
        if match:
            return build(*(int(group) for group in match.groups()))
    return None


def band_text(band: tuple[int, int | None]) -> str:
    low, high = band
    if high is None:
        return f"{low} and over"
    return str(low) if low == high else f"{low}-{high}"


def exact_cover(bands: dict[str, tuple[int, int | None]], youngest: int, oldest: int) -> list[str] | None:
    """The labels of the bands that together cover exactly ages youngest..oldest, or None.

    A single band equal to the range is used alone; otherwise every band lying inside the range
    must tile it without gap or overlap. Bands reaching outside the range are never cut down:
    "11 and under" never stands in for 10 and under.
    """
    for label, band in bands.items():
        if band == (youngest, oldest):
            return [label]
    inside = sorted(
        ((band, label) for label, band in bands.items() if band[1] is not None and band[0] >= youngest and band[1] <= oldest),
    )
    expected = youngest
    for (low, high), _ in inside:
        if low != expected:
            return None
        expected = high + 1
    if not inside or expected != oldest + 1:
        return None
    return [label for _, label in inside]


def overlapping(bands: dict[str, tuple[int, int | None]]) -> tuple[str, str] | None:
    """Two labels whose bands overlap, or None (overlapping bands cannot be summed safely)."""
    ordered = sorted(bands.items(), key=lambda item: item[1][0])
    for (label_a, (_, high_a)), (label_b, (low_b, _)) in zip(ordered, ordered[1:]):
        if high_a is None or low_b <= high_a:
            return label_a, label_b
    return None


# --- periods and offence codes ----------------------------------------------------------------

_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")


def read_period_label(label: str) -> tuple[str | None, bool, str | None]:
    """A period label as (period, partial, reason): "2024/25 (to date)" is (2024/25, True, None).

    Footnote marks are ignored; a label naming a part of a year is partial (never a full-year
    figure); anything else that is not a financial year gives a reason.
    """
    text = label.strip()
    words = vocabulary().partial_year_words
    partial = any(word in text.casefold() for word in words)
    core = _BRACKETED.sub(" ", text).strip().rstrip(vocabulary().footnote_marks).strip()
    if partial:
        for word in sorted(words, key=len, reverse=True):
            core = re.sub(re.escape(word), " ", core, flags=re.IGNORECASE)
        core = core.strip(" -–:,")
    period = parse_financial_year(core)
    if period is None:
        return None, partial, f"{label!r} is not a financial year (write it like 2016/17)"
    return period, partial, None


_LINE = re.compile(r"^(?P<label>.+?)\s+[-–—:=]\s+(?P<value>\S.*)$|^(?P<label2>.+?):\s*(?P<value2>\S.*)$")


def split_line(text: str) -> tuple[str, str] | None:
    """A one-answer line "2022/23 - 10" (or "2022/23: 10") as (label, value); None if not such a line."""
    match = _LINE.match(text.strip())
    if not match:
        return None
    if match["label"] is not None:
        return match["label"].strip(), match["value"].strip()
    return match["label2"].strip(), match["value2"].strip()


_HO_CODE = re.compile(r"^\s*(?:(?P<five>\d{5})|(?P<main>\d{1,3})(?P<letter>[A-Za-z])?(?:\s*/\s*(?P<sub>\d{1,2}))?)(?![\w/])")


def offence_code(label: str) -> str | None:
    """The Home Office offence code a label starts with, in one form: 088/05 and 08805 are 88/05,
    71/17 stays 71/17, 88a is 88A. None when the label does not start with a code."""
    match = _HO_CODE.match(label)
    if not match:
        return None
    if match["five"]:
        return f"{int(match['five'][:3])}/{match['five'][3:]}"
    code = str(int(match["main"])) + (match["letter"] or "").upper()
    if match["sub"]:
        code += f"/{int(match['sub']):02d}"
    return code
