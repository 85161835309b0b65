"""Claims -> observations: one row per (area_id, period, metric).

First version (issue 2): agreeing claims merge; an exact value supersedes a consistent bound;
disagreeing exact values are not silently picked: the observation says `conflict` and lists them.
"""

from __future__ import annotations

import pandas as pd

from pipeline.financial_year import period_bounds
from pipeline.ingest.common import frame
from pipeline.reference import Reference
from pipeline.schemas import Observations, columns

OBSERVATION_COLUMNS = columns(Observations)
KEY = ["area_id", "period", "metric"]


def _consistent(bound_qualifier: str, bound: float, value: float) -> bool:
    return {
        "more_than": value > bound,
        "at_least": value >= bound,
        "fewer_than": value < bound,
        "at_most": value <= bound,
        "approximately": abs(value - bound) <= 0.05 * abs(bound) + 0.5,
    }.get(bound_qualifier, value == bound)


def build_observations(claims: pd.DataFrame, reference: Reference) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(observations, claims with `used` set)."""
    claims = claims.copy()
    claims["used"] = False
    usable = claims[(claims["status"] == "ok") & claims["value"].notna()]
    areas = reference.areas.set_index("area_id")
    rows = []
    for (area_id, period, metric), group in usable.groupby(KEY, sort=True):
        exact = group[group["qualifier"] == "exact"]
        if not exact.empty:
            candidates = exact
        else:
            candidates = group
        by_value = candidates.groupby("value")["source_id"].nunique().sort_values(ascending=False)
        chosen = float(by_value.index[0])
        chosen_claims = candidates[candidates["value"] == chosen]
        qualifier = chosen_claims["qualifier"].iloc[0]
        others = group[~group.index.isin(chosen_claims.index)]
        disagreeing = others[[not _consistent(q, v, chosen) for q, v in zip(others["qualifier"], others["value"])]]
        source_ids = sorted(set(chosen_claims["source_id"]))
        if not disagreeing.empty:
            status = "conflict"
            listed = "; ".join(f"{v:g} ({q}) from {s}" for v, q, s in disagreeing[["value", "qualifier", "source_id"]].itertuples(index=False))
            note = f"sources disagree; also stated: {listed}; value shown is the one most sources state"
        else:
            status = "corroborated" if len(source_ids) >= 2 else "single_source"
            note = None
        low = high = None
        if qualifier in ("more_than", "at_least"):
            low = chosen
        elif qualifier in ("fewer_than", "at_most"):
            high = chosen
        start, end = period_bounds(period)
        area = areas.loc[area_id]
        rows.append({
            "area_id": area_id, "area_name": area["area_name"], "area_type": area["area_type"],
            "area_code": area["area_code"] or None, "period": period,
            "period_start": start.isoformat(), "period_end": end.isoformat(), "metric": metric,
            "value": chosen, "value_low": low, "value_high": high,
            "unit": reference.metric_units[metric], "qualifier": qualifier, "value_kind": "reported",
            "n_sources": len(source_ids), "source_ids": ";".join(source_ids), "status": status, "note": note,
        })
        claims.loc[chosen_claims.index, "used"] = True
    return frame(rows, OBSERVATION_COLUMNS), claims
