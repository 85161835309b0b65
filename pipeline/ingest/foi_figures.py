"""The figures read from one FOI table, checked together with pandera before they become claims.

Both FOI formats (the long template and the wide layouts) first turn their cells into `Figure`s,
reporting the cells they cannot read. This module then checks what only makes sense across the
whole table, in one lazy pandera pass so every problem is reported at once: each key (area,
period, metric) stated once; values inside their unit's range (no negative count, no share above
1, no fall below -100 per cent); periods in canonical form; a value present exactly when the
status says the force gave one. Failures come back as Problems naming the cell they came from,
worded by pipeline.ingest.values like every other table's.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from pipeline import problems as P
from pipeline.financial_year import PERIOD_PATTERN
from pipeline.ingest import values
from pipeline.ingest.common import claim_row
from pipeline.ingest.foi_cells import NOT_RECORDED, OK, SUPPRESSED
from pipeline.reference import Reference
from pipeline.schemas import UNITS


@dataclass(frozen=True)
class Figure:
    """One figure a table states (or withholds), with the cell it came from."""

    area_id: str
    period: str
    metric: str
    value: float | None
    status: str  # ok, suppressed or not_recorded
    evidence: str
    locator: str
    rule: str
    file: str  # where a problem about this figure is reported (file, row, column, cell text)
    row: int | None
    column: str | None
    cell: str | None
    qualifier: str = "exact"
    note: str | None = None

    def claim(self, reference: Reference, source_id: str) -> dict:
        return claim_row(
            reference,
            claim_id=f"{source_id}:{self.area_id}:{self.period}:{self.metric}",
            source_id=source_id,
            source_type="foi_table",
            area_id=self.area_id,
            period=self.period,
            metric=self.metric,
            value=self.value,
            qualifier=self.qualifier,
            evidence=self.evidence,
            locator=self.locator,
            rule=self.rule,
            status=self.status,
            note=self.note,
        )


class FoiFigures(pa.DataFrameModel):
    """The figures of one FOI table, one row per figure (index: the figure's position)."""

    area_id: Series[str]
    period: Series[str] = pa.Field(str_matches=PERIOD_PATTERN)
    metric: Series[str]
    unit: Series[str] = pa.Field(isin=UNITS)  # the metric's unit; missing when the metric is unknown
    value: Series[float] = pa.Field(nullable=True)
    status: Series[str] = pa.Field(isin=[OK, SUPPRESSED, NOT_RECORDED])
    minimum: Series[float] = pa.Field(nullable=True)  # the unit's range, from data/reference/units.csv
    maximum: Series[float] = pa.Field(nullable=True)

    @pa.dataframe_check(name="value_in_unit_range")
    def value_in_unit_range(cls, df: pd.DataFrame) -> Series[bool]:
        value = df["value"]
        above = df["minimum"].isna() | (value >= df["minimum"])
        below = df["maximum"].isna() | (value <= df["maximum"])
        return value.isna() | (above & below)

    @pa.dataframe_check(name="value_given_unless_withheld")
    def value_given_unless_withheld(cls, df: pd.DataFrame) -> Series[bool]:
        return (df["status"] == OK) == df["value"].notna()

    class Config:
        strict = True
        coerce = True
        unique = ["area_id", "period", "metric"]
        name = "foi_figures"


def figures_frame(figures: list[Figure], reference: Reference) -> pd.DataFrame:
    units = [reference.metric_units.get(f.metric) for f in figures]
    ranges = [reference.unit_ranges.get(unit, (None, None)) for unit in units]
    return pd.DataFrame(
        {
            "area_id": [f.area_id for f in figures],
            "period": [f.period for f in figures],
            "metric": [f.metric for f in figures],
            "unit": units,
            "value": pd.Series([f.value for f in figures], dtype="float64"),
            "status": [f.status for f in figures],
            "minimum": pd.Series([low for low, _ in ranges], dtype="float64"),
            "maximum": pd.Series([high for _, high in ranges], dtype="float64"),
        }
    )


def check_figures(figures: list[Figure], reference: Reference) -> list[P.Problem]:
    """Every problem across the table's figures, one per figure and check (none when all is well)."""
    if not figures:
        return []
    try:
        FoiFigures.validate(figures_frame(figures, reference), lazy=True)
    except pa.errors.SchemaErrors as exc:
        return _problems(exc.failure_cases, figures, reference)
    return []


def _problems(cases: pd.DataFrame, figures: list[Figure], reference: Reference) -> list[P.Problem]:
    first_of: dict[tuple, Figure] = {}
    for figure in figures:
        first_of.setdefault((figure.area_id, figure.period, figure.metric), figure)
    found: dict[tuple[int, str], P.Problem] = {}
    # A row-wise check reports one case per column of the failing row: one Problem per row and check.
    for case in cases.itertuples(index=False):
        if case.index is None or pd.isna(case.index):
            continue
        figure = figures[int(case.index)]
        key = (int(case.index), str(case.check))
        if key not in found:
            reason = _reason(str(case.check), case.column, figure, first_of, reference)
            found[key] = reason and P.error(figure.file, reason, row=figure.row, column=figure.column, value=figure.cell)
    return [problem for problem in found.values() if problem]


def _reason(check: str, column: str | None, figure: Figure, first_of: dict, reference: Reference) -> str | None:
    if check == "multiple_fields_uniqueness":
        first = first_of[(figure.area_id, figure.period, figure.metric)]
        if first is figure:
            return None  # reported at each later statement of the key, which names this one
        return f"duplicate key: {figure.area_id} {figure.period} {figure.metric} is already stated at {first.locator}"
    if check == "value_in_unit_range":
        return values.check_range(reference, figure.metric, figure.value) or f"value {figure.value:g} out of range for {figure.metric}"
    if column == "unit":
        return values.parse_metric(reference, figure.metric)[1] or f"metric {figure.metric!r} has no unit"
    if column == "period":
        return values.parse_period(figure.period)[1] or f"period {figure.period!r} is not in the form 2016/17"
    if check == "value_given_unless_withheld":
        return f"status {figure.status} does not fit value {figure.value!r}: a value is given exactly when the status is ok"
    return f"check {check} failed on column {column}"
