"""Reading one contributor table cell: areas, periods, metrics, numbers and qualifiers.

Shared by the curated compilation, the FOI templates, the manifests and the review decisions so every table is held to the same rules
and its problems are worded the same way. Each function returns (parsed value, reason) where the
reason is None when the cell is good.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlparse

from pipeline.financial_year import parse_financial_year
from pipeline.reference import Reference
from pipeline.schemas import QUALIFIERS

_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")


def parse_area(reference: Reference, text: str) -> tuple[str | None, str | None]:
    if not text:
        return None, "area is empty"
    area_id = reference.resolve_area(text)
    if area_id is None:
        return None, f"unknown area {text!r}: not an area name or alias in data/reference/aliases.csv"
    return area_id, None


def parse_period(text: str) -> tuple[str | None, str | None]:
    period = parse_financial_year(text)
    if period is None:
        return None, f"period {text!r} is not a financial year (write it like 2016/17)"
    return period, None


def parse_metric(reference: Reference, text: str) -> tuple[str | None, str | None]:
    if text not in reference.metric_units:
        known = ", ".join(sorted(reference.metric_units))
        return None, f"unknown metric {text!r}; known metrics: {known}"
    return text, None


def parse_number(text: str) -> tuple[float | None, str | None]:
    """A plain number: digits with optional thousands commas and decimals, optional sign."""
    cleaned = text.strip()
    if not _NUMBER.match(cleaned):
        return None, f"{text!r} is not a number"
    return float(cleaned.replace(",", "")), None


def parse_qualifier(text: str) -> tuple[str | None, str | None]:
    if not text:
        return "exact", None
    if text not in QUALIFIERS:
        return None, f"unknown qualifier {text!r}; use one of {', '.join(QUALIFIERS)}"
    return text, None


def parse_date(column: str, text: str) -> tuple[date | None, str | None]:
    """An ISO date cell (published, responded, decided)."""
    try:
        return date.fromisoformat(text), None
    except ValueError:
        return None, f"{column} is not an ISO date (YYYY-MM-DD)"


def parse_url(text: str) -> tuple[str | None, str | None]:
    """The address of a cited page: http or https only."""
    if urlparse(text).scheme not in ("http", "https"):
        return None, f"url {text!r} is not an http(s) address"
    return text, None


def check_range(reference: Reference, metric: str, value: float) -> str | None:
    """The reason a value is impossible for its metric's unit, or None."""
    unit = reference.metric_units[metric]
    if reference.in_range(unit, value):
        return None
    if unit == "count" and value < 0:
        return f"negative count {value:g} for {metric}"
    return f"{value:g} is outside the range of {unit} ({reference.describe_range(unit)}) for {metric}"


def row_evidence(cells: dict[str, str], qualifier: str) -> str:
    """The evidence text of a long-format table row: "gwent 2016/17 offences = 314 (more_than); note: ..."."""
    evidence = f"{cells['area']} {cells['period']} {cells['metric']} = {cells['value'] or '(none given)'}"
    if qualifier != "exact":
        evidence += f" ({qualifier})"
    if cells.get("note"):
        evidence += f"; note: {cells['note']}"
    return evidence
