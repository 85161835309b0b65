"""Tables inside articles: blocks of lines whose cells are separated by "|" or tabs.

    Year | Offences | Change on previous year        Force | 2012/13 | 2013/14 | Change
    2015/16 | 731 | +19%                             Derbyshire | 688 | 745 | +8%

The header row says what each column holds (a financial year, a metric, a change, the area or
year labels); the first cell of each row says what the row is about (a year or an area). Every
number cell is then a claim for its row and column. A column nobody can read (an age band of no
metric, "rate per 1,000") gives no claims; an en dash alone means no figure; a "Change" column is
the change in the row's later year. Rows about several areas ("Total", a region) are left out.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from pipeline import financial_year as fy
from pipeline.extract.ages import find_ages
from pipeline.extract.areas import find_areas
from pipeline.extract.lexicon import Lexicon
from pipeline.extract.patterns import CHANGE_OF, OFFENCES, ONLINE, PER_DAY

_RULE_LINE = re.compile(r"^[\s|:\-–—+]*$")  # a markdown rule line: |---|---|
_CELL_NUMBER = re.compile(
    r"(?P<sign>[+\-−–])?\s*(?P<number>\d{1,3}(?:,\d{3})+|\d+)(?P<decimals>\.\d+)?\s*(?P<pct>%|per\s*cent)?\s*[*†‡]?\s*$"
)
_YEAR_LABEL = re.compile(r"\b(?:year|period|financial\s+year)\b")
_AREA_LABEL = re.compile(r"\b(?:force|forces|police\s+force|area|region|nation|country)\b")
_CHANGE_LABEL = re.compile(r"\b(?:change|rise|increase|fall|difference)\b|%")
_ONLINE_LABEL = re.compile(r"\b(?:online|internet|cyber)\b")
_COUNT_LABEL = re.compile(r"\b(?:offences|crimes|cases|total|number|recorded)\b")
_PER_DAY_LABEL = re.compile(r"\b(?:per\s+day|a\s+day|daily)\b")
_TOTAL_ROW = re.compile(r"^\s*(?:total|all\s+forces|sum|region|overall)\b")
_FY_IN_CELL = re.compile(r"(?:19|20)\d{2}\s*(?:/|-|–|to)\s*(?:\d{2}|(?:19|20)\d{2})|\b\d{2}/\d{2}\b")


class Cell(NamedTuple):
    start: int  # offsets of the cell's text (stripped) in the article
    end: int
    text: str


class Table(NamedTuple):
    start: int  # offsets of the whole block
    end: int
    header: list[Cell]
    rows: list[list[Cell]]


class TableClaim(NamedTuple):
    start: int  # offsets of the number as written in its cell
    end: int
    value: float
    metric: str
    area_id: str | None  # None: the area the article is about at the table
    period: str | None  # None: the year the article is about at the table
    row_line: tuple[int, int]  # the row's line, for evidence
    rule: str


def find_tables(text: str) -> list[Table]:
    """Blocks of two or more consecutive lines that each have a cell separator."""
    tables = []
    block: list[tuple[int, int]] = []
    position = 0
    for line in text.splitlines(keepends=True):
        content = line.rstrip("\r\n")
        span = (position, position + len(content))
        position += len(line)
        if ("|" in content or "\t" in content.strip()) and not _RULE_LINE.match(content):
            block.append(span)
            continue
        if _RULE_LINE.match(content) and content.strip() and block:
            continue  # |---|---| under a markdown header
        _close(text, block, tables)
        block = []
    _close(text, block, tables)
    return tables


def _close(text: str, block: list[tuple[int, int]], tables: list[Table]) -> None:
    if len(block) < 2:
        return
    lines = [_cells(text, start, end) for start, end in block]
    width = len(lines[0])
    if width < 2 or any(len(cells) != width for cells in lines[1:]):
        return  # ragged: not a table we can read safely
    tables.append(Table(block[0][0], block[-1][1], lines[0], lines[1:]))


def _cells(text: str, start: int, end: int) -> list[Cell]:
    """The cells of one line, each with its stripped text's offsets; outer "|" are borders."""
    bounds = [start] + [m.start() for m in re.finditer(r"\||\t", text[start:end])]
    bounds = [start] + [start + b for b in bounds[1:]] + [end]
    cells = []
    for left, right in zip(bounds, bounds[1:]):
        cell_start = left if left == start else left + 1
        raw = text[cell_start:right]
        stripped = raw.strip()
        offset = cell_start + (len(raw) - len(raw.lstrip()))
        cells.append(Cell(offset, offset + len(stripped), stripped))
    line = text[start:end].strip()
    if line.startswith("|"):
        cells = cells[1:]
    if line.endswith("|"):
        cells = cells[:-1]
    return cells


def read_table(table: Table, lexicon: Lexicon, lead_metric: str | None) -> list[TableClaim]:
    """Claims from one table. `lead_metric` is what the sentence introducing it counts, if it says."""
    columns = [_column(cell, lexicon, lead_metric) for cell in table.header]
    label = next((i for i, c in enumerate(columns) if c[0] in ("year_label", "area_label", "unknown")), 0)
    years_as_rows = columns[label][0] == "year_label" or all(_row_period(row[label].text) for row in table.rows)
    column_years = [c[1] for c in columns if c[0] == "year"]
    later_year = max(column_years) if column_years else None
    claims = []
    for row in table.rows:
        row_label = row[label]
        row_period = _row_period(row_label.text) if years_as_rows else None
        row_area = None
        if not years_as_rows:
            if _TOTAL_ROW.match(row_label.text.lower()):
                continue
            areas = [a for a in find_areas(row_label.text, row_label.text.lower(), lexicon) if a.kind == "area"]
            if len(areas) != 1:
                continue  # a region, a total or an unknown name: not one area of ours
            row_area = areas[0].area_id
        elif row_period is None:
            continue
        for index, (cell, (kind, meaning)) in enumerate(zip(row, columns)):
            if index == label or kind in ("year_label", "area_label", "skip", "unknown"):
                continue
            number = _CELL_NUMBER.match(cell.text)
            if not number or not cell.text.strip():
                continue
            value = float(number["number"].replace(",", "") + (number["decimals"] or ""))
            if number["sign"] in ("-", "−", "–"):
                value = -value
            if kind == "year":
                metric, period = lead_metric or OFFENCES, meaning
                if number["pct"]:
                    continue
            elif kind == "change":
                metric, period = meaning, row_period or later_year
                if not number["pct"] and "%" not in table.header[index].text and "per cent" not in table.header[index].text.lower():
                    continue  # an absolute change ("+73"), not a percentage
            else:
                metric, period = meaning, row_period
                if number["pct"] or value < 0:
                    continue
            line = (row[0].start, row[-1].end)
            claims.append(TableClaim(cell.start, cell.end, value, metric, row_area, period, line, f"table:{kind}"))
    return claims


def _row_period(label: str) -> str | None:
    match = _FY_IN_CELL.search(label)
    return fy.parse_financial_year(match.group()) if match else None


def _column(cell: Cell, lexicon: Lexicon, lead_metric: str | None) -> tuple[str, str | None]:
    """(kind, meaning): ("year", "2016/17"), ("change", metric), ("count", metric), or a label."""
    label = cell.text.lower()
    period = _row_period(cell.text)
    if period and not _CHANGE_LABEL.search(label):
        return "year", period
    base = ONLINE if _ONLINE_LABEL.search(label) else (lead_metric or OFFENCES)
    if _CHANGE_LABEL.search(label):
        change = CHANGE_OF.get(base)
        return ("change", change) if change else ("skip", None)
    if _YEAR_LABEL.search(label):
        return "year_label", None
    if _AREA_LABEL.search(label):
        return "area_label", None
    ages = find_ages(label, lexicon)
    if ages:
        metric = lexicon.age_metrics.get((ages[0].youngest, ages[0].oldest))
        return ("count", metric) if metric else ("skip", None)
    if _PER_DAY_LABEL.search(label):
        return "count", PER_DAY
    if _ONLINE_LABEL.search(label):
        return "count", ONLINE
    if _COUNT_LABEL.search(label):
        return "count", base
    return "unknown", None
