"""pandera models of the published tables: the data contract of DATA_MODEL.md, as code.

One DataFrameModel per table, columns in contract order (`ordered`), nothing extra (`strict`).
Field descriptions feed datapackage.json, so they are written for researchers.
Validate with `Model.validate(df, lazy=True)` and keep the returned (coerced) frame;
`describe_failures` turns pandera's failure cases into messages naming row and column.

Dates are held as ISO strings (`YYYY-MM-DD`) in memory and written as dates to Parquet.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

from pipeline.financial_year import PERIOD_PATTERN

ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"
SOURCE_TYPES = ["article", "foi_table", "compilation"]
AREA_TYPES = ["police_force_area", "police_force", "nation", "england_and_wales", "uk"]
UNITS = ["count", "percent", "proportion", "per_day"]
QUALIFIERS = ["exact", "approximately", "more_than", "at_least", "fewer_than", "at_most"]
VALUE_KINDS = ["reported", "derived"]
OBSERVATION_STATUSES = ["corroborated", "single_source", "conflict_resolved", "conflict"]
CHECK_RESULTS = ["ok", "mismatch", "unchecked"]
# Claim statuses (an extension of DATA_MODEL.md, which has no column saying whether a claim may
# be used): ok = usable; needs_review = the extractor was unsure, kept out of observations until a
# reviewer accepts it; rejected = a reviewer rejected it; suppressed / not_recorded = the source
# gave no number for this key (an FOI cell shown as `*`, `<5`, or "not recorded").
CLAIM_STATUSES = ["ok", "needs_review", "rejected", "suppressed", "not_recorded"]


def _text(description: str, *, nullable: bool = False, **checks) -> pa.Field:
    return pa.Field(description=description, nullable=nullable, **checks)


class Areas(pa.DataFrameModel):
    area_id: Series[str] = _text("Stable slug of the area, e.g. `gwent`, `uk`.", unique=True)
    area_name: Series[str] = _text("Canonical name, e.g. `Dyfed-Powys`.")
    area_type: Series[str] = _text(
        "`police_force_area`, `police_force` (no territory), `nation`, `england_and_wales` or `uk`.",
        isin=AREA_TYPES,
    )
    nation: Series[str] = _text("The nation the area lies in; empty for BTP, England and Wales, and the UK.", nullable=True)
    area_code: Series[str] = _text("ONS GSS code where one exists (PFA Dec 2023, nation, E&W or UK code).", nullable=True, str_matches=r"^[EWSNK]\d{8}$")

    class Config:
        strict = True
        ordered = True
        coerce = True
        name = "areas"


class Metrics(pa.DataFrameModel):
    metric: Series[str] = _text("Metric identifier, used in observations and claims.", unique=True)
    unit: Series[str] = _text("`count`, `percent`, `proportion` or `per_day`.", isin=UNITS)
    title: Series[str] = _text("Short human title of the metric.")
    description: Series[str] = _text("What the metric counts.")

    class Config:
        strict = True
        ordered = True
        coerce = True
        name = "metrics"


class Sources(pa.DataFrameModel):
    source_id: Series[str] = _text("Identifier of the document: an article's file stem, an FOI table's id, or a compilation url's id.", unique=True)
    source_type: Series[str] = _text("`article`, `foi_table` or `compilation`.", isin=SOURCE_TYPES)
    title: Series[str] = _text("Title of the document, where known.", nullable=True)
    publisher: Series[str] = _text("Who published it (a newsroom, or the police force answering an FOI request), where known.", nullable=True)
    published: Series[str] = _text("Date published or responded, where known (ISO date).", nullable=True, str_matches=ISO_DATE)
    url: Series[str] = _text("Public address of the document, where known.", nullable=True)
    sha256: Series[str] = _text("SHA-256 of the raw file the source was read from.", str_matches=r"^[0-9a-f]{64}$")
    path: Series[str] = _text("The raw file, relative to data/raw/.")
    n_claims: Series[int] = pa.Field(description="Number of claims read from this source.", ge=0)

    class Config:
        strict = True
        ordered = True
        coerce = True
        name = "sources"


class Claims(pa.DataFrameModel):
    claim_id: Series[str] = _text("Stable identifier of the statement; review decisions refer to it.", unique=True)
    source_id: Series[str] = _text("The source that states it (see sources).")
    source_type: Series[str] = _text("`article`, `foi_table` or `compilation`.", isin=SOURCE_TYPES)
    area_id: Series[str] = _text("Area the statement is about (see areas).")
    period: Series[str] = _text("Financial year `YYYY/YY`.", str_matches=PERIOD_PATTERN)
    metric: Series[str] = _text("Metric (see metrics).")
    value: Series[float] = pa.Field(description="The number stated, in `unit`; empty where the source gave none (suppressed, not recorded).", nullable=True)
    unit: Series[str] = _text("Unit of `value`.", isin=UNITS)
    qualifier: Series[str] = _text("`exact`, `approximately`, `more_than`, `at_least`, `fewer_than` or `at_most`.", isin=QUALIFIERS)
    evidence: Series[str] = _text("The sentence or table cell the number was read from.")
    locator: Series[str] = _text("Where: `start-end` character offsets of the number in the article text, or `file:row:column` in a table.")
    rule: Series[str] = _text("The extraction rule or table mapping that produced the claim (`review:...` when a reviewer's decision changed it).")
    check: Series[str] = _text("Result of the arithmetic checks: `ok`, `mismatch` or `unchecked`.", isin=CHECK_RESULTS)
    used: Series[bool] = pa.Field(description="Whether the claim's value is the one published in observations.")
    status: Series[str] = _text("`ok`, `needs_review` (kept out of observations until accepted), `rejected`, `suppressed` or `not_recorded`.", isin=CLAIM_STATUSES)
    note: Series[str] = _text("Why the claim is as it is: a reviewer's correction, a suppression marker, an extractor's doubt.", nullable=True)

    class Config:
        strict = True
        ordered = True
        coerce = True
        name = "claims"


class Observations(pa.DataFrameModel):
    area_id: Series[str] = _text("Stable slug of the area (see areas).")
    area_name: Series[str] = _text("Canonical name of the area.")
    area_type: Series[str] = _text("Type of area.", isin=AREA_TYPES)
    area_code: Series[str] = _text("ONS GSS code where one exists.", nullable=True)
    period: Series[str] = _text("Financial year `YYYY/YY` (1 April to 31 March).", str_matches=PERIOD_PATTERN)
    period_start: Series[str] = _text("First day of the financial year.", str_matches=ISO_DATE)
    period_end: Series[str] = _text("Last day of the financial year.", str_matches=ISO_DATE)
    metric: Series[str] = _text("Metric (see metrics).")
    value: Series[float] = pa.Field(description="The number, in `unit`.")
    value_low: Series[float] = pa.Field(description="Lower limit of the interval the true value lies in, where one is known.", nullable=True)
    value_high: Series[float] = pa.Field(description="Upper limit of the interval the true value lies in, where one is known.", nullable=True)
    unit: Series[str] = _text("Unit of `value`.", isin=UNITS)
    qualifier: Series[str] = _text("How exact `value` is: `exact`, `approximately`, `more_than`, `at_least`, `fewer_than`, `at_most`.", isin=QUALIFIERS)
    value_kind: Series[str] = _text("`reported` (a source states it) or `derived` (computed; formula in `note`).", isin=VALUE_KINDS)
    n_sources: Series[int] = pa.Field(description="How many independent sources state this value.", ge=0)
    source_ids: Series[str] = _text("`;`-joined ids of the sources stating this value, sorted.")
    status: Series[str] = _text("`corroborated`, `single_source`, `conflict_resolved` or `conflict`.", isin=OBSERVATION_STATUSES)
    note: Series[str] = _text("Formula of a derived value, or how a conflict between sources was resolved.", nullable=True)

    class Config:
        strict = True
        ordered = True
        coerce = True
        unique = ["area_id", "period", "metric"]
        name = "observations"


QUALITY_RESULTS = ["ok", "warning", "error"]
# The checks of the reconcile stage (pipeline/reconcile/checks.py, README "How values are chosen").
QUALITY_CHECKS = [
    "conflict",  # sources disagree on one key; the row says how the conflict policy decided
    "bound_vs_exact",  # a bound or hedge ("more than 300") against the exact value of the same key
    "change_vs_counts",  # a stated change against the two years' counts
    "share_vs_counts",  # a stated share against count / total
    "per_day_vs_total",  # a stated daily rate against the year's count / days in the year
    "subset_le_total",  # under 1 <= aged 4 and under <= aged 10 and under <= offences; online <= offences
    "parts_vs_total",  # forces vs their nation, nations vs the UK, England and Wales vs its parts
    "jump",  # a year-on-year change beyond +-60% that no source states
    "value_in_range",  # a value outside its unit's range (a negative count)
    "derivations_agree",  # two derivations of one value disagree, so none is published
]


class Quality(pa.DataFrameModel):
    check: Series[str] = _text(
        "Which check: `conflict`, `bound_vs_exact`, `change_vs_counts`, `share_vs_counts`, `per_day_vs_total`, "
        "`subset_le_total`, `parts_vs_total`, `jump`, `value_in_range` or `derivations_agree` (see the README).",
        isin=QUALITY_CHECKS,
    )
    area_id: Series[str] = _text("Area checked (for a sum of areas, the total's area).", nullable=True)
    period: Series[str] = _text("Financial year checked (for a change or a jump, the later year).", nullable=True)
    metric: Series[str] = _text("Metric checked: the stated change, share, rate or part, or the total of a sum.", nullable=True)
    values: Series[str] = _text("The figures compared, as `metric period=value` (or `area=value`) pairs joined by `; `; a conflict lists each value with its sources.")
    expected: Series[str] = _text("What the check expected: the computed value and its formula, and the tolerance the stated figure's rounding or hedge allowed.")
    result: Series[str] = _text("`ok`, `warning` or `error` (impossible data: it blocks the release).", isin=QUALITY_RESULTS)
    sources: Series[str] = _text("`;`-joined ids of the sources whose figures were compared.", nullable=True)
    detail: Series[str] = _text("A sentence saying what was found, and for a conflict what was chosen and why.", nullable=True)

    class Config:
        strict = True
        ordered = True
        coerce = True
        name = "quality"


PUBLISHED_TABLES: dict[str, type[pa.DataFrameModel]] = {
    "observations": Observations,
    "claims": Claims,
    "sources": Sources,
    "areas": Areas,
    "metrics": Metrics,
    "quality": Quality,
}


def columns(model: type[pa.DataFrameModel]) -> list[str]:
    """The model's columns in contract order."""
    return list(model.to_schema().columns)


def empty(model: type[pa.DataFrameModel]) -> pd.DataFrame:
    """A frame with the model's columns and no rows."""
    return pd.DataFrame({name: pd.Series(dtype=object) for name in columns(model)})


def describe_failures(exc: pa.errors.SchemaErrors, *, limit: int = 50) -> list[str]:
    """Readable lines for pandera failure cases: `row N, column C: check failed (value V)`."""
    lines = []
    cases = exc.failure_cases
    for case in cases.head(limit).itertuples(index=False):
        where = []
        if case.index is not None and not (isinstance(case.index, float) and pd.isna(case.index)):
            where.append(f"row {case.index}")
        if case.column is not None:
            where.append(f"column {case.column}")
        location = ", ".join(where) or str(case.schema_context)
        lines.append(f"{location}: {case.check} failed (value {case.failure_case!r})")
    if len(cases) > limit:
        lines.append(f"... and {len(cases) - limit} more failures")
    return lines
