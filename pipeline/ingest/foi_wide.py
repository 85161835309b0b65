"""Wide FOI tables (CSV or XLSX as the force sent them) melted into figures by their layout.

A table is read in three steps. Each label on each axis is classified (a period, a metric, an age
band, a part of a breakdown, a total, or a row to skip); a label the layout does not account for is
an error, because guessing what an unexpected row means is how a "Sum:" row gets published as a
total. Every cell inside the table is then read (a number, a marker, or an error). Finally the
figures are made: one per cell where both axes say what the cell is; for age tables, the age
metrics from bands covering exactly their ages (summed where several bands do); for breakdowns, only
the stated total, never a total recomputed from its parts.

Locators are `file:row:column` with the spreadsheet's row number and column letter
(`foi/x.csv:7:C`, `foi/x.xlsx#Sheet1:7:C`); a sum lists its cells (`foi/x.csv:9:B+9:C`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline import problems as P
from pipeline.ingest import foi_cells
from pipeline.ingest.foi_cells import NOT_RECORDED, OK, SUPPRESSED, Reading
from pipeline.ingest.foi_figures import Figure
from pipeline.ingest.foi_grid import Grid, column_letter, read_csv_grid, read_xlsx_sheets
from pipeline.ingest.foi_layout import OFFENCE_CODES, Axis, Layout, TableSpec, label_form
from pipeline.reference import Reference


def read_wide_table(path: Path, shown: str, layout: Layout, reference: Reference, source_area: str | None) -> tuple[list[Figure], list[P.Problem]]:
    """Every figure the layout finds in the table file, with every problem (nothing is guessed)."""
    if path.suffix.lower() == ".xlsx":
        grids, problems = read_xlsx_sheets(path, shown, [table.sheet for table in layout.tables])
    else:
        grid, problems = read_csv_grid(path, shown)
        grids = {None: grid} if grid else {}
    figures = []
    for table in layout.tables:
        grid = grids.get(table.sheet)
        if grid is None:
            continue  # the file or sheet could not be read: already reported
        area_id = table.area_id or source_area
        if area_id is None:
            problems.append(P.error(layout.shown, "no area: name it in the layout (area:) or in sources.csv", row=table.line))
            continue
        reader = _TableReader(grid, table, layout.shown, reference, area_id)
        reader.read()
        figures.extend(reader.figures)
        problems.extend(reader.problems)
    return figures, problems


def same_label(named: str, label: str, *, by_code: bool = False) -> bool:
    """Whether a table label is the one a layout names: the same text (ignoring case and spacing),
    or, for offence types, the same Home Office code however written (088/05, 08805)."""
    if label_form(named) == label_form(label):
        return True
    code = foi_cells.offence_code(label) if by_code else None
    return code is not None and foi_cells.offence_code(named) == code


@dataclass(frozen=True)
class Entry:
    """One label on one axis: a row (axis "rows", index = row number) or a column."""

    axis: str
    index: int
    label: str
    role: str  # period, partial, metric, band, total, unknown, part, skip
    period: str | None = None
    metric: str | None = None
    band: tuple[int, int | None] | None = None


class _TableReader:
    def __init__(self, grid: Grid, table: TableSpec, layout_shown: str, reference: Reference, area_id: str):
        self.grid, self.table, self.layout_shown = grid, table, layout_shown
        self.reference, self.area_id = reference, area_id
        self.figures: list[Figure] = []
        self.problems: list[P.Problem] = []
        self.readings: dict[tuple[int, int], Reading] = {}
        self.header: int | None = None

    # --- reporting ---

    def cell_error(self, row: int, column: int, reason: str) -> None:
        text = self.grid.text(row, column)
        self.problems.append(P.error(self.grid.shown, reason, row=row, column=column_letter(column), value=text or None))

    def layout_error(self, reason: str, line: int | None = None) -> None:
        self.problems.append(P.error(self.layout_shown, f"{self.table.title}: {reason}", row=line or self.table.line))

    def warn(self, reason: str, row: int | None = None, column: int | None = None) -> None:
        self.problems.append(P.warning(self.grid.shown, reason, row=row, column=column_letter(column) if column else None))

    # --- cells ---

    def reading(self, row: int, column: int) -> Reading | None:
        """The cell as read, or None after reporting why it cannot be read."""
        if (row, column) not in self.readings:
            if (row, column) in self.grid.unsaved_formulas:
                reading = Reading(reason="holds a formula with no saved value; open the file in a spreadsheet program and save it")
            else:
                reading = foi_cells.read_cell(self.grid.text(row, column), self.table.markers)
            if reading.reason:
                self.cell_error(row, column, reading.reason)
            self.readings[(row, column)] = reading
        reading = self.readings[(row, column)]
        return None if reading.reason else reading

    def in_unit(self, reading: Reading, metric: str, row: int, column: int) -> Reading | None:
        """A % cell read in its metric's unit: 9% is 9 for a percent metric, 0.09 for a proportion."""
        if not reading.percent:
            return reading
        unit = self.reference.metric_units[metric]
        if unit == "percent":
            return reading
        if unit == "proportion":
            note = "; ".join(filter(None, [reading.note, "written as a percentage, stored as a proportion"]))
            return Reading(reading.status, reading.value / 100, note)
        self.cell_error(row, column, f"a percentage where {metric} is a {unit}")
        return None

    def add(self, period: str | None, metric: str | None, cells: list[tuple[int, int]], evidence: str, rule: str, area_id: str | None = None) -> None:
        """A figure from one cell, or from the sum of several (suppressed if any part is)."""
        if period is None or metric is None:
            return  # reported once by the caller
        readings = []
        for row, column in cells:
            reading = self.reading(row, column)
            if reading is None:
                return
            if len(cells) == 1:
                reading = self.in_unit(reading, metric, row, column)
                if reading is None:
                    return
            elif reading.percent:
                self.cell_error(row, column, "a percentage cannot be summed with other cells")
                return
            readings.append(reading)
        statuses = {r.status for r in readings}
        status = SUPPRESSED if SUPPRESSED in statuses else NOT_RECORDED if NOT_RECORDED in statuses else OK
        refs = [f"{column_letter(c)}{r}" for r, c in cells]
        if len(cells) == 1:
            note = readings[0].note
        else:
            withheld = [f"{ref} shown as {self.grid.text(*cell)!r}" for ref, cell, r in zip(refs, cells, readings) if r.status != OK]
            note = f"sum of {' + '.join(refs)}" + (f"; not summed: {', '.join(withheld)}" if withheld else "")
            blanks = [ref for ref, r in zip(refs, readings) if r.blank]
            if blanks and status == OK:
                note += f"; blank read as zero: {', '.join(blanks)}"
        value = sum(r.value for r in readings) if status == OK else None
        row, column = cells[0]
        locator = f"{self.grid.shown}:" + "+".join(f"{r}:{column_letter(c)}" for r, c in cells)
        self.figures.append(
            Figure(
                area_id=area_id or self.area_id, period=period, metric=metric, value=value, status=status,
                evidence=evidence, locator=locator, rule=rule, file=self.grid.shown, row=row,
                column=column_letter(column), cell=self.grid.text(row, column) or None, note=note,
            )
        )

    def describe(self, row: int, column: int, *labels: str) -> str:
        shown_labels = ", ".join(label for label in labels if label)
        text = self.grid.text(row, column)
        return f"{column_letter(column)}{row} {repr(text) if text else '(blank)'}" + (f" ({shown_labels})" if shown_labels else "")

    # --- the three kinds of table ---

    def read(self) -> None:
        {"lines": self.read_lines, "cells": self.read_cells, "grid": self.read_grid}[self.table.kind]()

    def read_lines(self) -> None:
        table, column = self.table, self.table.lines_column
        last = table.last_row or self.grid.last_row
        for row in range(table.first_row, last + 1):
            text = self.grid.text(row, column)
            if not text:
                continue
            parts = foi_cells.split_line(text)
            if parts is None:
                self.cell_error(row, column, "is not a 'period - number' line; set first_row and last_row to the lines")
                continue
            label, value_text = parts
            period, partial, reason = foi_cells.read_period_label(label)
            if reason:
                self.cell_error(row, column, reason)
                continue
            reading = foi_cells.read_cell(value_text, table.markers)
            if reading.reason:
                self.cell_error(row, column, reading.reason)
                continue
            if partial:
                self.warn(f"{label!r} is part of a year: not a full-year figure, so not a claim", row, column)
                continue
            self.readings[(row, column)] = reading
            self.add(period, table.metric, [(row, column)], f"{column_letter(column)}{row} {text!r}", "foi_wide:line")

    def read_cells(self) -> None:
        for spec in self.table.cells:
            label = self.grid.text(spec.row, self.table.label_column) if spec.column != self.table.label_column else ""
            evidence = self.describe(spec.row, spec.column, label)
            self.add(spec.period, spec.metric, [(spec.row, spec.column)], evidence, "foi_wide:cell", spec.area_id)

    def read_grid(self) -> None:
        table = self.table
        header = self.header = self.find_header()
        if header is None:
            return
        columns = self.column_entries(header)
        rows = self.row_entries(header, {e.index for e in columns})
        entries = {"rows": rows, "columns": columns}
        self.check_named_labels(entries)
        if P.errors(self.problems):
            return  # labels the layout does not account for: no cell can be given a meaning
        if not rows or not columns:
            self.layout_error(f"no table found below header row {header}")
            return
        kept_rows = [e for e in rows if e.role != "skip"]
        kept_columns = [e for e in columns if e.role != "skip"]
        for row_entry in kept_rows:  # every cell inside the table must be readable, claimed or not
            for column_entry in kept_columns:
                self.reading(row_entry.index, column_entry.index)
        for entry in rows + columns:
            if entry.role == "partial":
                where = (entry.index, table.label_column) if entry.axis == "rows" else (header, entry.index)
                self.warn(f"{entry.label!r} is part of a year: not a full-year figure, so its cells are not claims", *where)
        kinds = {table.rows.kind: "rows", table.columns.kind: "columns"}
        if "ages" in kinds:
            other = "columns" if kinds["ages"] == "rows" else "rows"
            self.melt_ages(entries[kinds["ages"]], entries[other])
        elif "parts" in kinds:
            other = "columns" if kinds["parts"] == "rows" else "rows"
            self.melt_parts(entries[kinds["parts"]], entries[other])
        else:
            self.melt_plain(kept_rows, kept_columns)

    # --- labels ---

    def find_header(self) -> int | None:
        table, grid = self.table, self.grid
        if isinstance(table.header_row, int):
            if not any(r == table.header_row for r, _ in grid.cells):
                self.layout_error(f"header row {table.header_row} is empty in {grid.shown}", None)
                return None
            return table.header_row
        wanted = label_form(table.header_row)
        for (row, column), text in sorted(grid.cells.items()):
            if column == table.label_column and label_form(text) == wanted:
                return row
        self.layout_error(f"header not found: no cell in column {column_letter(table.label_column)} of {grid.shown} reads {table.header_row!r}")
        return None

    def column_entries(self, header: int) -> list[Entry]:
        table, grid = self.table, self.grid
        last = table.last_column or grid.last_column_in(header)
        entries = []
        for column in range(table.label_column + 1, last + 1):
            label = grid.text(header, column)
            if label:
                entry = self.classify(table.columns, "columns", column, label, (header, column))
                if entry:
                    entries.append(entry)
        return entries

    def row_entries(self, header: int, columns: set[int]) -> list[Entry]:
        table, grid = self.table, self.grid
        entries, row = [], header + 1
        while row <= (table.last_row or grid.last_row):
            label = grid.text(row, table.label_column)
            if not label:
                if table.last_row is None:
                    stray = [c for c in columns if grid.text(row, c)]
                    if stray:
                        self.cell_error(row, stray[0], f"has figures in the table's columns but no label in column {column_letter(table.label_column)}; name it in the layout or set last_row")
                    break
            else:
                entry = self.classify(table.rows, "rows", row, label, (row, table.label_column))
                if entry:
                    entries.append(entry)
            row += 1
        return entries

    def classify(self, axis: Axis, name: str, index: int, label: str, cell: tuple[int, int]) -> Entry | None:
        form = label_form(label)
        if form in {label_form(s) for s in axis.skip}:
            return Entry(name, index, label, "skip")
        if axis.total and form == label_form(axis.total):
            return Entry(name, index, label, "total")
        if axis.kind == "periods":
            period, partial, reason = foi_cells.read_period_label(label)
            if reason:
                self.cell_error(*cell, f"{reason}; list the label under skip if it is not a year")
                return None
            return Entry(name, index, label, "partial" if partial or period in axis.partial else "period", period=period)
        if axis.kind == "metrics":
            for mapped, metric in axis.labels.items():
                if label_form(mapped) == form:
                    return Entry(name, index, label, "metric", metric=metric)
            self.cell_error(*cell, f"label {label!r} is not among the layout's metric labels ({', '.join(axis.labels)}) nor in skip")
            return None
        if axis.kind == "ages":
            if form in {label_form(u) for u in axis.unknown}:
                return Entry(name, index, label, "unknown")
            band = foi_cells.parse_age_band(label)
            if band is None:
                self.cell_error(*cell, f"unknown age band {label!r}: not a band such as 0-5, 11 and under, 16+ or 13; list it under unknown, total or skip")
                return None
            return Entry(name, index, label, "band", band=band)
        if self.is_part(axis, label):
            return Entry(name, index, label, "part")
        expected = "a label starting with a Home Office offence code" if axis.labels == OFFENCE_CODES else f"one of {', '.join(axis.labels)}"
        self.cell_error(*cell, f"label {label!r} is not a part the layout names ({expected}), nor its total, nor in skip")
        return None

    @staticmethod
    def is_part(axis: Axis, label: str) -> bool:
        if axis.labels == OFFENCE_CODES:
            return foi_cells.offence_code(label) is not None
        return any(same_label(part, label, by_code=True) for part in axis.labels)

    def check_named_labels(self, entries: dict[str, list[Entry]]) -> None:
        """Labels the layout names (metrics, parts, totals) must be in the table, or it does not fit."""
        for name in ("rows", "columns"):
            axis: Axis = getattr(self.table, name)
            named = [axis.total] if axis.total else []
            if axis.kind == "metrics" or (axis.kind == "parts" and axis.labels != OFFENCE_CODES):
                named.extend(axis.labels)
            for label in named:
                if not any(same_label(label, entry.label, by_code=axis.kind == "parts") for entry in entries[name]):
                    self.layout_error(f"the layout names {name[:-1]} {label!r}, which the table does not have", axis.line)

    # --- figures ---

    def fixed(self, entry_a: Entry, entry_b: Entry | None = None) -> tuple[str | None, str | None]:
        """(period, metric) of a cell from its labels, falling back to the table's fixed ones."""
        period = next((e.period for e in (entry_a, entry_b) if e and e.role == "period"), None) or self.table.period
        metric = next((e.metric for e in (entry_a, entry_b) if e and e.role == "metric"), None) or self.table.metric
        return period, metric

    def require(self, period: str | None, metric: str | None) -> bool:
        if period is None:
            self.layout_error("no period: make one axis periods, or give the table a period")
        if metric is None:
            self.layout_error("no metric: make one axis metrics, or give the table a metric")
        return period is not None and metric is not None

    @staticmethod
    def cell(a: Entry, b: Entry) -> tuple[int, int]:
        return (a.index, b.index) if a.axis == "rows" else (b.index, a.index)

    def melt_plain(self, rows: list[Entry], columns: list[Entry]) -> None:
        """Periods x metrics (either way round): each cell is a figure."""
        for row_entry in rows:
            for column_entry in columns:
                if "partial" in (row_entry.role, column_entry.role):
                    continue
                period, metric = self.fixed(row_entry, column_entry)
                if not self.require(period, metric):
                    return
                row, column = row_entry.index, column_entry.index
                self.add(period, metric, [(row, column)], self.describe(row, column, row_entry.label, column_entry.label), "foi_wide:cell")

    def melt_parts(self, parts: list[Entry], other: list[Entry]) -> None:
        """A breakdown (gender, offence type): only the stated total row is a figure."""
        total = next((e for e in parts if e.role == "total"), None)
        members = [e for e in parts if e.role == "part"]
        if total is None:
            self.warn(f"{self.table.title}: the breakdown has no total {'row' if parts[0].axis == 'rows' else 'column'}, so it gives no claim (a total is never recomputed from its parts)")
            return
        for entry in other:
            if entry.role in ("skip", "partial"):
                continue
            self.check_total(total, entry, members)
            period, metric = self.fixed(entry)
            if not self.require(period, metric):
                return
            cell = self.cell(total, entry)
            self.add(period, metric, [cell], self.describe(*cell, total.label, entry.label), "foi_wide:total")

    def check_total(self, total: Entry, line: Entry, members: list[Entry]) -> None:
        """A stated total below its parts, or equal to the parts shown while some are withheld,
        is not the force's total: most likely a 'Sum:' line that ignores suppressed cells."""
        readings = [self.readings.get(self.cell(m, line)) for m in members]
        stated = self.readings.get(self.cell(total, line))
        if stated is None or stated.status != OK or any(r is None or r.reason for r in readings):
            return
        shown = sum(r.value for r in readings if r.status == OK)
        withheld = sum(1 for r in readings if r.status == SUPPRESSED)
        row, column = self.cell(total, line)
        if shown > stated.value:
            self.cell_error(row, column, f"the total {stated.value:g} is smaller than the sum of its parts ({shown:g})")
        elif withheld and shown == stated.value and shown > 0:
            self.cell_error(row, column, f"the total equals the sum of the parts shown ({shown:g}) although {withheld} part(s) are suppressed: it looks like a sum that ignores suppressed cells; name the force's stated total as total and this line under skip")

    def melt_ages(self, ages: list[Entry], other: list[Entry]) -> None:
        """Age bands x (periods | one metric | a breakdown): offences from the stated total, the
        age metrics from bands covering exactly their ages."""
        vocabulary = foi_cells.vocabulary()
        bands = {e.label: e.band for e in ages if e.role == "band"}
        if clash := foi_cells.overlapping(bands):
            self.layout_error(f"age bands {clash[0]!r} and {clash[1]!r} overlap, so they cannot be summed; list one under skip")
            return
        total = next((e for e in ages if e.role == "total"), None)
        counted = [e for e in ages if e.role in ("band", "unknown")]
        by_label = {e.label: e for e in counted}
        covers = {metric: foi_cells.exact_cover(bands, low, high) for metric, (low, high) in vocabulary.age_metrics.items()}
        covers = {metric: labels for metric, labels in covers.items() if labels}
        used = {label for labels in covers.values() for label in labels}
        if unused := [e for e in counted if e.label not in used]:
            ranges = ", ".join(f"{foi_cells.band_text(band)} = {metric}" for metric, band in vocabulary.age_metrics.items())
            first = unused[0]
            where = (first.index, self.table.label_column) if first.axis == "rows" else (self.header, first.index)
            self.warn(f"{self.table.title}: age labels {', '.join(repr(e.label) for e in unused)} match none of our age metrics exactly ({ranges}); their cells are not claims", *where)
        parts = [e for e in other if e.role == "part"]
        parts_total = next((e for e in other if e.role == "total"), None)
        if parts_total is not None:
            for entry in counted + ([total] if total else []):
                self.check_total(parts_total, entry, parts)
        for line, label in self.age_lines(other, bool(covers), total is not None):
            period, base = self.fixed(line[0])
            if not self.require(period, base):
                return
            if base != vocabulary.age_base_metric:
                self.layout_error(f"age bands break down {vocabulary.age_base_metric}, but this table's figures are {base}")
                return
            if total is not None and len(line) == 1:
                self.check_total(total, line[0], counted)
                cell = self.cell(total, line[0])
                self.add(period, base, [cell], self.describe(*cell, total.label, label), "foi_wide:total")
            for metric, labels in covers.items():
                cells = [self.cell(by_label[band], entry) for entry in line for band in labels]
                refs = " + ".join(f"{column_letter(c)}{r} {self.grid.text(r, c)!r}" for r, c in cells)
                self.add(period, metric, cells, f"{' + '.join(labels)} ({label}): {refs}", "foi_wide:cell" if len(cells) == 1 else "foi_wide:age_bands")

    def age_lines(self, other: list[Entry], has_covers: bool, has_total: bool) -> list[tuple[list[Entry], str]]:
        """The lines across the age bands that figures are read from, each with its label: every
        period (or metric) line; for a breakdown, its total line, or the sum of its parts when the
        layout says they are complete (offences is then not claimed: never recomputed)."""
        axis = getattr(self.table, other[0].axis)
        if axis.kind != "parts":
            return [([e], e.label) for e in other if e.role in ("period", "metric")]
        total = next((e for e in other if e.role == "total"), None)
        if total is not None:
            return [([total], total.label)]
        parts = [e for e in other if e.role == "part"]
        if has_total:
            self.warn(f"{self.table.title}: the breakdown has no total line, so its total column gives no offences claim (a total is never recomputed from its parts)")
        if axis.complete and parts:
            return [(parts, " + ".join(p.label for p in parts))]
        if has_covers:
            self.warn(f"{self.table.title}: the breakdown has no total line and its parts are not marked complete: true, so no age figures are claimed")
        return []
