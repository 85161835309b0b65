"""Writing one published table as CSV and as Parquet, byte for byte the same for the same rows.

CSV (RFC 4180): UTF-8 without BOM, CRLF line ends, a header row, fields quoted only when needed,
empty for a missing value. Numbers are written plainly and losslessly: a whole number as an
integer (64667, not 64667.0), any other number as the shortest decimal that reads back as exactly
the same double (0.05, 205.71, 33.33). Booleans are `true`/`false`, dates ISO `YYYY-MM-DD`.

Free-text cells that a spreadsheet would run as a formula (starting with = + - @, a tab or a
carriage return) get a leading apostrophe in the CSV only; the Parquet copy keeps the text as the
source wrote it, and numbers are never touched.

Parquet: one column per field with explicit Arrow types (dates as date32), no pandas metadata and
no timestamps, so identical rows give identical files.
"""

from __future__ import annotations

import csv
import math
from datetime import date
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.release.tables import TableSpec, column_kind

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
ARROW_TYPES = {"string": pa.string(), "number": pa.float64(), "integer": pa.int64(), "boolean": pa.bool_(), "date": pa.date32()}


def is_missing(value) -> bool:
    if value is None:
        return True
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def format_number(value) -> str:
    """A float as plain, lossless text: 64667.0 -> '64667', 0.05 -> '0.05', 1/3 -> '0.3333333333333333'."""
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"cannot publish the non-finite number {number!r}")
    if number.is_integer() and abs(number) < 1e16:  # beyond, repr() switches to an exponent
        return str(int(number))
    return repr(number)


def neutralise_formula(text: str) -> str:
    """Text a spreadsheet would treat as a formula, prefixed with an apostrophe (OWASP CSV injection)."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def format_cell(value, kind: str, *, free_text: bool = False) -> str:
    if is_missing(value):
        return ""
    if kind == "number":
        return format_number(value)
    if kind == "integer":
        return str(int(value))
    if kind == "boolean":
        return "true" if bool(value) else "false"
    text = value.isoformat() if isinstance(value, date) else str(value)
    return neutralise_formula(text) if free_text else text


def write_csv(spec: TableSpec, frame: pd.DataFrame, path: Path) -> None:
    kinds = {column: column_kind(spec.model, column) for column in spec.columns}
    free_text = set(spec.free_text)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(spec.columns)
        cells = [
            [format_cell(value, kinds[column], free_text=column in free_text) for value in frame[column].tolist()]
            for column in spec.columns
        ]
        writer.writerows(zip(*cells))


def _arrow_values(values: list, kind: str) -> list:
    out = []
    for value in values:
        if is_missing(value):
            out.append(None)
        elif kind == "date":
            out.append(value if isinstance(value, date) else date.fromisoformat(str(value)))
        elif kind == "number":
            out.append(float(value))
        elif kind == "integer":
            out.append(int(value))
        elif kind == "boolean":
            out.append(bool(value))
        else:
            out.append(str(value))
    return out


def arrow_table(spec: TableSpec, frame: pd.DataFrame) -> pa.Table:
    fields, arrays = [], []
    for column in spec.columns:
        spec_column = spec.model.to_schema().columns[column]
        kind = column_kind(spec.model, column)
        fields.append(pa.field(column, ARROW_TYPES[kind], nullable=spec_column.nullable))
        arrays.append(pa.array(_arrow_values(frame[column].tolist(), kind), type=ARROW_TYPES[kind]))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def write_parquet(spec: TableSpec, frame: pd.DataFrame, path: Path) -> None:
    pq.write_table(arrow_table(spec, frame), path, compression="zstd")
