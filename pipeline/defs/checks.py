"""Asset checks on the invariants a researcher relies on, and the gates in front of the release.

Every check here is blocking: when one fails, the run fails and nothing downstream of the checked
asset runs. `release` is downstream of claims and observations, so any failure means no release.
A blocking check does not undo the asset it checks (that asset is already stored), which is why
`inputs_valid` and `reconciliation_valid` sit on `observations`: an input with errors is left out,
the other inputs still reach claims and observations, and only the release is refused.

The invariants are plain functions (frame in, offending rows out) so tests can call them directly.
"""

import dagster as dg
import pandas as pd

from pipeline import problems as P
from pipeline.defs.frames import preview
from pipeline.defs.resources import ProjectPathsResource
from pipeline.ingest.common import Ingested
from pipeline.reconcile import Reconciled
from pipeline.reference import Reference

SAMPLE_ROWS = 20
OBSERVATION_KEY = ["area_id", "period", "metric"]


# ---- invariants: plain functions returning the offending rows (empty frame = invariant holds) ----


def duplicate_keys(frame: pd.DataFrame, key: list[str]) -> pd.DataFrame:
    return frame[frame.duplicated(key, keep=False)].sort_values(key)


def unknown_values(frame: pd.DataFrame, column: str, known: pd.Series) -> pd.DataFrame:
    return frame[~frame[column].isin(set(known))]


def unknown_source_ids(frame: pd.DataFrame, column: str, known: pd.Series, *, joined: bool = False) -> pd.DataFrame:
    """Rows naming a source not in `known`; `joined` for `;`-joined lists such as observations.source_ids."""
    known_ids = set(known)
    if not joined:
        return frame[~frame[column].isin(known_ids)]
    missing = [any(part not in known_ids for part in str(ids).split(";")) for ids in frame[column]]
    return frame[missing]


def out_of_range(frame: pd.DataFrame, reference: Reference, columns: tuple[str, ...] = ("value",)) -> pd.DataFrame:
    """Rows where a number lies outside its unit's range (a negative count, a share above 1...)."""
    bad = []
    for _, row in frame.iterrows():
        unit = row["unit"]
        if unit not in reference.unit_ranges:
            bad.append(True)
            continue
        bad.append(any(pd.notna(row[c]) and not reference.in_range(unit, float(row[c])) for c in columns if c in row))
    return frame[bad] if len(frame) else frame


# ---- check results ----


def rows_result(offending: pd.DataFrame, ok: str, failed: str, columns: list[str]) -> dg.AssetCheckResult:
    if offending.empty:
        return dg.AssetCheckResult(passed=True, description=ok, metadata={"failures": 0})
    return dg.AssetCheckResult(
        passed=False,
        description=f"{len(offending)} {failed}",
        metadata={"failures": len(offending), "sample": preview(offending[[c for c in columns if c in offending.columns]], SAMPLE_ROWS)},
    )


def problems_result(problems: list[P.Problem], ok: str, failed: str) -> dg.AssetCheckResult:
    found = P.errors(problems)
    if not found:
        return dg.AssetCheckResult(passed=True, description=ok, metadata={"errors": 0})
    report = P.format_report(found)
    return dg.AssetCheckResult(
        passed=False,
        description=f"{len(found)} {failed}:\n{report}",
        metadata={"errors": len(found), "report": dg.MetadataValue.md(f"```\n{report}\n```")},
    )


CLAIM_COLUMNS_SHOWN = ["claim_id", "source_id", "area_id", "period", "metric", "value", "unit", "locator"]
OBSERVATION_COLUMNS_SHOWN = ["area_id", "period", "metric", "value", "value_low", "value_high", "unit", "source_ids"]
_DIMENSIONS = {"areas": dg.AssetIn("areas"), "metrics": dg.AssetIn("metrics")}


# ---- checks on claims ----


@dg.asset_check(asset="claims", blocking=True, description="Every claim's source_id is a row of the sources table.")
def claims_source_known(claims: Ingested) -> dg.AssetCheckResult:
    offending = unknown_source_ids(claims.claims, "source_id", claims.sources["source_id"])
    return rows_result(offending, "every claim's source is in sources", "claims name a source missing from sources", CLAIM_COLUMNS_SHOWN)


@dg.asset_check(asset="claims", blocking=True, additional_ins=_DIMENSIONS, description="Every claim's area_id is in areas and its metric in metrics.")
def claims_area_and_metric_known(claims: Ingested, areas: pd.DataFrame, metrics: pd.DataFrame) -> dg.AssetCheckResult:
    frame = claims.claims
    offending = pd.concat([unknown_values(frame, "area_id", areas["area_id"]), unknown_values(frame, "metric", metrics["metric"])]).drop_duplicates("claim_id")
    return rows_result(offending, "every area and metric is known", "claims name an unknown area or metric", CLAIM_COLUMNS_SHOWN)


@dg.asset_check(asset="claims", blocking=True, description="Every claimed value lies inside its unit's range (data/reference/units.csv).")
def claims_value_in_range(claims: Ingested, paths: ProjectPathsResource) -> dg.AssetCheckResult:
    offending = out_of_range(claims.claims, Reference.load(paths.paths()))
    return rows_result(offending, "every value is inside its unit's range", "claimed values lie outside their unit's range", CLAIM_COLUMNS_SHOWN)


# ---- checks on observations ----


@dg.asset_check(asset="observations", blocking=True, description="(area_id, period, metric) identifies one observation.")
def observation_key_unique(observations: Reconciled) -> dg.AssetCheckResult:
    offending = duplicate_keys(observations.observations, OBSERVATION_KEY)
    return rows_result(offending, "the key is unique", "observations share a key with another", OBSERVATION_COLUMNS_SHOWN)


@dg.asset_check(asset="observations", blocking=True, additional_ins={"claims": dg.AssetIn("claims")}, description="Every source an observation cites is a row of the sources table.")
def observations_source_known(observations: Reconciled, claims: Ingested) -> dg.AssetCheckResult:
    offending = unknown_source_ids(observations.observations, "source_ids", claims.sources["source_id"], joined=True)
    return rows_result(offending, "every cited source is in sources", "observations cite a source missing from sources", OBSERVATION_COLUMNS_SHOWN)


@dg.asset_check(asset="observations", blocking=True, additional_ins=_DIMENSIONS, description="Every observation's area_id is in areas and its metric in metrics.")
def observations_area_and_metric_known(observations: Reconciled, areas: pd.DataFrame, metrics: pd.DataFrame) -> dg.AssetCheckResult:
    frame = observations.observations
    offending = pd.concat([unknown_values(frame, "area_id", areas["area_id"]), unknown_values(frame, "metric", metrics["metric"])])
    offending = offending[~offending.index.duplicated()]
    return rows_result(offending, "every area and metric is known", "observations name an unknown area or metric", OBSERVATION_COLUMNS_SHOWN)


@dg.asset_check(asset="observations", blocking=True, description="Every value and interval limit lies inside its unit's range.")
def observations_value_in_range(observations: Reconciled, paths: ProjectPathsResource) -> dg.AssetCheckResult:
    offending = out_of_range(observations.observations, Reference.load(paths.paths()), ("value", "value_low", "value_high"))
    return rows_result(offending, "every value is inside its unit's range", "observations lie outside their unit's range", OBSERVATION_COLUMNS_SHOWN)


@dg.asset_check(
    asset="observations",
    blocking=True,
    additional_ins={"claims": dg.AssetIn("claims")},
    description="No raw input had errors. An input with errors is left out of claims and observations; "
    "this check then fails the run so that no release is published without it.",
)
def inputs_valid(claims: Ingested) -> dg.AssetCheckResult:
    return problems_result(claims.problems, "every input was read", "errors in the raw inputs (each input named was left out)")


def reconciliation_errors(reconciled: Reconciled) -> list[P.Problem]:
    """Impossible data found by reconciliation: its error problems, else the quality report's error rows."""
    found = P.errors(reconciled.problems)
    if found:
        return found
    return [
        P.error("quality", f"{row.check} failed for {row.area_id} {row.period} {row.metric}: {row.detail or row.values} (sources {row.sources})")
        for row in reconciled.quality[reconciled.quality["result"] == "error"].itertuples(index=False)
    ]


@dg.asset_check(asset="observations", blocking=True, description="Reconciliation found no impossible data (a subset above its total, a negative count...).")
def reconciliation_valid(observations: Reconciled) -> dg.AssetCheckResult:
    return problems_result(reconciliation_errors(observations), "no impossible data", "impossible values found when reconciling sources")
