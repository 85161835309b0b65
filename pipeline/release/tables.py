"""The published tables: their keys, links and free-text columns, and how their rows are ordered.

Column names, order and descriptions come from the pandera models in pipeline/schemas.py, so the
CSV, the Parquet and datapackage.json cannot drift from the contract.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd
import pandera.pandas as pa

from pipeline import schemas


@dataclass(frozen=True)
class ForeignKey:
    fields: list[str]
    table: str
    table_fields: list[str]


@dataclass(frozen=True)
class TableSpec:
    name: str
    model: type[pa.DataFrameModel]
    title: str
    description: str
    key: list[str]  # primary key where the table has one; rows are sorted by it
    foreign_keys: list[ForeignKey] = field(default_factory=list)
    # Free text that may come from outside (article sentences, notes, titles): neutralised in the
    # CSV against spreadsheet formula injection. Identifiers and numbers never are.
    free_text: list[str] = field(default_factory=list)

    @property
    def columns(self) -> list[str]:
        return schemas.columns(self.model)

    @property
    def sort_by(self) -> list[str]:
        return self.key or self.columns


_AREA = ForeignKey(["area_id"], "areas", ["area_id"])
_METRIC = ForeignKey(["metric"], "metrics", ["metric"])
_SOURCE = ForeignKey(["source_id"], "sources", ["source_id"])

TABLES: list[TableSpec] = [
    TableSpec(
        "observations", schemas.Observations, "Observations",
        "One row per area x financial year x metric: the value the sources support, how many sources state it, and its status.",
        key=["area_id", "period", "metric"], foreign_keys=[_AREA, _METRIC], free_text=["note"],
    ),
    TableSpec(
        "claims", schemas.Claims, "Claims",
        "Every number a source states, with the sentence or table cell it was read from: the audit trail behind observations.",
        key=["claim_id"], foreign_keys=[_SOURCE, _AREA, _METRIC], free_text=["evidence", "note"],
    ),
    TableSpec(
        "sources", schemas.Sources, "Sources",
        "One row per document read: article, FOI table or page cited by a compilation, with the checksum of the raw file.",
        key=["source_id"], free_text=["title", "publisher", "url"],
    ),
    TableSpec(
        "areas", schemas.Areas, "Areas",
        "Police force areas, nations, England and Wales, and the UK, with ONS GSS codes.",
        key=["area_id"], free_text=["area_name"],
    ),
    TableSpec(
        "metrics", schemas.Metrics, "Metrics",
        "The metric vocabulary: what each metric counts and its unit.",
        key=["metric"], free_text=["title", "description"],
    ),
    TableSpec(
        "quality", schemas.Quality, "Quality report",
        "The arithmetic checks run across sources (changes, shares, subsets, sums, bounds, jumps) and their results.",
        key=[], foreign_keys=[_AREA, _METRIC], free_text=["values", "expected", "detail"],
    ),
]

TABLES_BY_NAME = {spec.name: spec for spec in TABLES}


def column_kind(model: type[pa.DataFrameModel], column: str) -> str:
    """string, number, integer, boolean or date: how a column is typed in CSV, Parquet and datapackage.

    Dates are held as ISO strings in memory; a column is a date when its model checks it against
    schemas.ISO_DATE.
    """
    spec = model.to_schema().columns[column]
    dtype = str(spec.dtype)
    if dtype.startswith("float"):
        return "number"
    if dtype.startswith("int"):
        return "integer"
    if dtype == "bool":
        return "boolean"
    if any(check.name == "str_matches" and check.statistics.get("pattern") == schemas.ISO_DATE for check in spec.checks):
        return "date"
    return "string"


def _sort_text(value) -> str:
    return "" if value is None or (not isinstance(value, str) and pd.isna(value)) else str(value)


def prepare(spec: TableSpec, frame: pd.DataFrame) -> pd.DataFrame:
    """The table in contract column order, rows sorted by key, index reset.

    Sorting is on the text of the key (numbers as written), so the order never depends on how the
    rows happened to be built.
    """
    frame = frame[spec.columns]
    keys = list(zip(*(frame[column].map(_sort_text).tolist() for column in spec.sort_by)))
    order = sorted(range(len(frame)), key=keys.__getitem__)
    return frame.iloc[order].reset_index(drop=True)


def with_claim_counts(sources: pd.DataFrame, claims: pd.DataFrame) -> pd.DataFrame:
    """sources with n_claims = how many rows of `claims` each source has (0 for none)."""
    counts = claims["source_id"].value_counts()
    sources = sources.copy()
    sources["n_claims"] = [int(counts.get(source_id, 0)) for source_id in sources["source_id"]]
    return sources
