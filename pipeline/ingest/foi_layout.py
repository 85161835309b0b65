"""The layout description that sits beside a wide FOI table: <source_id>.yaml.

It says where in the force's own table the figures are and what they mean, so the table itself is
kept exactly as the force sent it. The format is documented in README.md ("Adding a curated FOI
table"); in short:

    area: Gwent              # optional; default: the source's area in sources.csv
    period: 2016/17          # optional defaults for every table (a table may set its own)
    metric: offences
    suppressed: ["*", "<5"]  # optional; cell texts meaning a withheld small number
    not_recorded: ["n/a"]    # optional; cell texts meaning the force does not hold it
    blank: zero              # zero | not_recorded; without it a blank cell is an error
    tables:                  # one or more tables in the file
      - sheet: Sheet1        # XLSX only (default: the first sheet)
        header_row: 3        # the row of column labels (or the text of its first label cell)
        label_column: A      # the column of row labels (default A)
        rows: periods        # an axis: periods, metrics, ages or parts (see below)
        columns: {kind: metrics, labels: {Offences: offences}}
      - lines: A             # one answer per line, "2022/23 - 10"
        metric: offences
      - cells:               # single cells, e.g. a total the force gave in a line of prose
          - {cell: B2, period: 2024/25, metric: offences}

Axes: `periods` (labels are financial years; `partial:` lists part years), `metrics`
(`labels:` maps each label to a metric), `ages` (labels are age bands; `total:` the total
column, `unknown:` labels of unknown age), `parts` (a breakdown such as gender or offence type;
`labels:` lists every part or says `offence_codes`; `total:` the row holding the stated total;
`complete: true` when the parts add up to the whole). Every axis may `skip:` labels (e.g. a
force's "Sum:" row). Reading this file only checks its own shape; whether it fits the table is
checked when the table is read (pipeline/ingest/foi_wide.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from pipeline import problems as P
from pipeline.ingest import foi_cells, values
from pipeline.ingest.common import read_text
from pipeline.ingest.foi_grid import column_number, parse_cell_ref
from pipeline.reference import Reference

AXIS_KINDS = ("periods", "metrics", "ages", "parts")
OFFENCE_CODES = "offence_codes"

_COMMON_KEYS = {"title", "note", "sheet", "area", "period", "metric", "suppressed", "not_recorded", "blank"}
_TABLE_KEYS = {
    "grid": _COMMON_KEYS | {"header_row", "label_column", "last_row", "last_column", "rows", "columns"},
    "lines": _COMMON_KEYS | {"lines", "first_row", "last_row"},
    "cells": _COMMON_KEYS | {"cells"},
}
_AXIS_KEYS = {
    "periods": {"kind", "partial", "skip"},
    "metrics": {"kind", "labels", "skip"},
    "ages": {"kind", "total", "unknown", "skip"},
    "parts": {"kind", "labels", "total", "complete", "skip"},
}
_TOP_KEYS = {"area", "period", "metric", "suppressed", "not_recorded", "blank", "tables", "note", "title"}


# --- YAML with line numbers -------------------------------------------------------------------

class Mapping(dict):
    """A YAML mapping that remembers the line of itself and of each key (1-based)."""

    def __init__(self, *args, line: int = 0, **kwargs):
        super().__init__(*args, **kwargs)
        self.line = line
        self.key_lines: dict[str, int] = {}

    def line_of(self, key: str) -> int:
        return self.key_lines.get(key, self.line)


class _Loader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> Mapping:
    loader.flatten_mapping(node)
    mapping = Mapping(line=node.start_mark.line + 1)
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float)):
            raise yaml.constructor.ConstructorError(None, None, "a key must be plain text", key_node.start_mark)
        key = str(key)
        if key in mapping:
            raise yaml.constructor.ConstructorError(None, None, f"key {key!r} appears twice", key_node.start_mark)
        mapping[key] = loader.construct_object(value_node, deep=True)
        mapping.key_lines[key] = key_node.start_mark.line + 1
    return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


# --- the layout, as read ----------------------------------------------------------------------

@dataclass(frozen=True)
class Axis:
    kind: str
    line: int  # where the axis is described in the YAML
    labels: dict[str, str] | tuple[str, ...] | str = ()  # metrics: label -> metric; parts: labels or OFFENCE_CODES
    total: str | None = None
    unknown: tuple[str, ...] = ()
    partial: tuple[str, ...] = ()  # periods
    skip: tuple[str, ...] = ()
    complete: bool = False


@dataclass(frozen=True)
class CellSpec:
    row: int
    column: int
    ref: str
    period: str
    metric: str
    area_id: str | None
    line: int


@dataclass(frozen=True)
class TableSpec:
    kind: str  # grid | lines | cells
    line: int
    title: str
    sheet: str | None
    area_id: str | None
    period: str | None
    metric: str | None
    markers: foi_cells.Markers
    header_row: int | str | None = None
    label_column: int = 1
    last_row: int | None = None
    last_column: int | None = None
    first_row: int = 1
    rows: Axis | None = None
    columns: Axis | None = None
    lines_column: int | None = None
    cells: tuple[CellSpec, ...] = ()


@dataclass
class Layout:
    shown: str
    tables: list[TableSpec] = field(default_factory=list)


def label_form(label: object) -> str:
    """How labels are matched: case-folded, spaces collapsed ("Unknown  age" is "unknown age")."""
    return " ".join(str(label).casefold().split())


class _Reader:
    """Pulls typed values out of YAML mappings, turning every misfit into a Problem with its line."""

    def __init__(self, shown: str, reference: Reference):
        self.shown = shown
        self.reference = reference
        self.problems: list[P.Problem] = []

    def bad(self, line: int, reason: str, value: object = None) -> None:
        self.problems.append(P.error(self.shown, reason, row=line, value=None if value is None else str(value)))

    def keys(self, mapping: Mapping, allowed: set[str], what: str) -> None:
        for key in mapping:
            if key not in allowed:
                self.bad(mapping.line_of(key), f"unknown key {key!r} in {what}; known keys: {', '.join(sorted(allowed))}")

    def text(self, mapping: Mapping, key: str) -> str | None:
        value = mapping.get(key)
        if value is None:
            return None
        if isinstance(value, (dict, list, bool)):
            self.bad(mapping.line_of(key), f"{key} must be a single text or number")
            return None
        return str(value).strip()

    def texts(self, mapping: Mapping, key: str) -> tuple[str, ...] | None:
        value = mapping.get(key)
        if value is None:
            return None
        if isinstance(value, (str, int, float)) and not isinstance(value, bool):
            value = [value]
        if not isinstance(value, list) or any(isinstance(v, (dict, list, bool)) or v is None for v in value):
            self.bad(mapping.line_of(key), f"{key} must be a list of quoted texts, e.g. [\"*\", \"<5\", \"[x]\"]")
            return None
        return tuple(str(v).strip() for v in value)

    def row_number(self, mapping: Mapping, key: str) -> int | None:
        value = mapping.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            self.bad(mapping.line_of(key), f"{key} must be a row number (1 or more)", value)
            return None
        return value

    def column(self, mapping: Mapping, key: str) -> int | None:
        value = mapping.get(key)
        if value is None:
            return None
        number = column_number(str(value)) if isinstance(value, str) else None
        if number is None:
            self.bad(mapping.line_of(key), f"{key} must be a column letter such as A", value)
        return number

    def area(self, mapping: Mapping) -> str | None:
        text = self.text(mapping, "area")
        if text is None:
            return None
        area_id, reason = values.parse_area(self.reference, text)
        if reason:
            self.bad(mapping.line_of("area"), reason, text)
        return area_id

    def period(self, mapping: Mapping) -> str | None:
        text = self.text(mapping, "period")
        if text is None:
            return None
        period, reason = values.parse_period(text)
        if reason:
            self.bad(mapping.line_of("period"), reason, text)
        return period

    def metric(self, mapping: Mapping, key: str = "metric", text: str | None = None, line: int | None = None) -> str | None:
        text = self.text(mapping, key) if text is None else text
        if text is None:
            return None
        metric, reason = values.parse_metric(self.reference, text)
        if reason:
            self.bad(line or mapping.line_of(key), reason, text)
        return metric

    def markers(self, mapping: Mapping, inherited: foi_cells.Markers) -> foi_cells.Markers:
        suppressed = self.texts(mapping, "suppressed")
        not_recorded = self.texts(mapping, "not_recorded")
        blank = self.text(mapping, "blank")
        if blank is not None and blank not in foi_cells.BLANK_MEANINGS:
            self.bad(mapping.line_of("blank"), f"blank must be one of {', '.join(foi_cells.BLANK_MEANINGS)}", blank)
            blank = None
        return foi_cells.Markers(
            suppressed=inherited.suppressed if suppressed is None else suppressed,
            not_recorded=inherited.not_recorded if not_recorded is None else not_recorded,
            blank=inherited.blank if blank is None else blank,
        )

    def axis(self, table: Mapping, key: str) -> Axis | None:
        value = table.get(key)
        if value is None:
            return None
        line = table.line_of(key)
        spec = Mapping(kind=value, line=line) if isinstance(value, str) else value  # `rows: periods` is short for {kind: periods}
        if not isinstance(spec, Mapping) or spec.get("kind") not in AXIS_KINDS:
            self.bad(line, f"{key} must name its kind: one of {', '.join(AXIS_KINDS)}", None if isinstance(value, dict) else value)
            return None
        kind = spec["kind"]
        self.keys(spec, _AXIS_KEYS[kind], f"a {kind} axis")
        labels: dict[str, str] | tuple[str, ...] | str = ()
        if kind == "metrics":
            raw = spec.get("labels")
            if not isinstance(raw, Mapping) or not raw:
                self.bad(spec.line_of("labels"), "a metrics axis needs labels: each label as the table writes it, mapped to a metric")
            else:
                labels = {label: self.metric(raw, text=str(metric), line=raw.line_of(label)) for label, metric in raw.items()}
        elif kind == "parts":
            raw = spec.get("labels")
            if raw == OFFENCE_CODES:
                labels = OFFENCE_CODES
            else:
                labels = self.texts(spec, "labels") or ()
                if not labels:
                    self.bad(spec.line_of("labels"), f"a parts axis needs labels: every part as the table writes it, or {OFFENCE_CODES}")
        complete = spec.get("complete", False)
        if not isinstance(complete, bool):
            self.bad(spec.line_of("complete"), "complete must be true or false", complete)
            complete = False
        partial = ()
        for text in self.texts(spec, "partial") or ():
            period, reason = values.parse_period(text)
            if reason:
                self.bad(spec.line_of("partial"), reason, text)
            else:
                partial += (period,)
        return Axis(
            kind=kind, line=line, labels=labels, total=self.text(spec, "total"),
            unknown=self.texts(spec, "unknown") or (), partial=partial,
            skip=self.texts(spec, "skip") or (), complete=complete,
        )

    def cells(self, table: Mapping) -> tuple[CellSpec, ...]:
        value = table.get("cells")
        if not isinstance(value, list) or not value or not all(isinstance(item, Mapping) for item in value):
            self.bad(table.line_of("cells"), "cells must be a list of {cell: B2, period: 2016/17, metric: offences}")
            return ()
        specs = []
        for item in value:
            self.keys(item, {"cell", "period", "metric", "area", "note"}, "a cell")
            ref = self.text(item, "cell") or ""
            where = parse_cell_ref(ref)
            if where is None:
                self.bad(item.line_of("cell"), "cell must be a cell reference such as B2", ref or None)
            period, metric = self.period(item), self.metric(item)
            if period is None and "period" not in item:
                self.bad(item.line, "a cell needs its period")
            if metric is None and "metric" not in item:
                self.bad(item.line, "a cell needs its metric")
            if where and period and metric:
                specs.append(CellSpec(where[0], where[1], ref.strip().upper(), period, metric, self.area(item), item.line))
        return tuple(specs)

    def table(self, spec: Mapping, number: int, inherited: foi_cells.Markers, defaults: dict, xlsx: bool) -> TableSpec | None:
        kind = "lines" if "lines" in spec else "cells" if "cells" in spec else "grid"
        self.keys(spec, _TABLE_KEYS[kind], f"a {kind} table" if kind != "grid" else "a table")
        sheet = self.text(spec, "sheet")
        if sheet is not None and not xlsx:
            self.bad(spec.line_of("sheet"), "sheet is for XLSX tables; a CSV file has no sheets")
        common = dict(
            kind=kind, line=spec.line, title=self.text(spec, "title") or f"table {number}", sheet=sheet,
            area_id=self.area(spec) or defaults["area_id"], period=self.period(spec) or defaults["period"],
            metric=self.metric(spec) or defaults["metric"],
            markers=self.markers(spec, inherited), last_row=self.row_number(spec, "last_row"),
        )
        if kind == "lines":
            column = self.column(spec, "lines")
            if common["metric"] is None:
                self.bad(spec.line, "a lines table needs metric: the metric every line states")
            return TableSpec(**common, lines_column=column, first_row=self.row_number(spec, "first_row") or 1)
        if kind == "cells":
            return TableSpec(**common, cells=self.cells(spec))
        header = spec.get("header_row")
        if header is None:
            self.bad(spec.line, "a table needs header_row: the row of column labels (its number, or the text of its first label cell)")
        elif isinstance(header, bool) or not isinstance(header, (int, str)) or (isinstance(header, int) and header < 1):
            self.bad(spec.line_of("header_row"), "header_row must be a row number or the text of the header's first label cell", header)
            header = None
        rows, columns = self.axis(spec, "rows"), self.axis(spec, "columns")
        for name, axis in (("rows", rows), ("columns", columns)):
            if axis is None and name not in spec:
                self.bad(spec.line, f"a table needs {name}: what its {name} hold ({', '.join(AXIS_KINDS)})")
        if rows and columns and rows.kind == columns.kind:
            self.bad(spec.line_of("columns"), f"rows and columns cannot both be {rows.kind}")
        return TableSpec(
            **common, header_row=header, label_column=self.column(spec, "label_column") or 1,
            last_column=self.column(spec, "last_column"), rows=rows, columns=columns,
        )


def read_layout(path: Path, shown: str, reference: Reference, *, xlsx: bool) -> tuple[Layout | None, list[P.Problem]]:
    """The layout in `path`, or None with the reasons it cannot be used (each with its YAML line)."""
    text, problems = read_text(path, shown)
    if text is None:
        return None, problems
    try:
        data = yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
        reason = getattr(exc, "problem", None) or str(exc)
        hint = " (quote markers such as \"*\" and \"[x]\")" if "alias" in str(reason) or "anchor" in str(reason) else ""
        return None, [P.error(shown, f"is not valid YAML: {reason}{hint}", row=mark.line + 1 if mark else None)]
    if not isinstance(data, Mapping):
        return None, [P.error(shown, "must be a YAML mapping with a `tables:` list (see README: Adding a curated FOI table)")]
    reader = _Reader(shown, reference)
    reader.keys(data, _TOP_KEYS, "the layout")
    vocabulary = foi_cells.vocabulary()
    markers = reader.markers(data, foi_cells.Markers(vocabulary.suppressed_markers, vocabulary.not_recorded_markers, None))
    defaults = {"area_id": reader.area(data), "period": reader.period(data), "metric": reader.metric(data)}
    tables = data.get("tables")
    if not isinstance(tables, list) or not tables or not all(isinstance(t, Mapping) for t in tables):
        reader.bad(data.line_of("tables"), "tables must be a list of one or more tables")
        tables = []
    layout = Layout(shown)
    for number, spec in enumerate(tables, start=1):
        table = reader.table(spec, number, markers, defaults, xlsx)
        if table is not None:
            layout.tables.append(table)
    if reader.problems:
        return None, reader.problems
    return layout, []

