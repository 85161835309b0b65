"""Small claim and source frames for the reconcile tests (test_reconcile_*, test_checks*, test_derive*)."""

from __future__ import annotations

import itertools

import pandas as pd

from pipeline.ingest.common import CLAIM_COLUMNS, SOURCE_COLUMNS, claim_row, frame
from pipeline.reconcile import Reconciled, reconcile

_ids = itertools.count()


def claim(reference, source_id, area_id, period, metric, value, qualifier="exact", *,
          source_type="article", status="ok", claim_id=None) -> dict:
    number = next(_ids)
    return claim_row(
        reference,
        claim_id=claim_id or f"{source_id}:{area_id}:{period}:{metric}:{number}",
        source_id=source_id, source_type=source_type, area_id=area_id, period=period, metric=metric,
        value=value, qualifier=qualifier, evidence=f"{metric} {value}", locator=f"{number}-{number + 4}",
        rule="test", status=status,
    )


def sources_for(claims: pd.DataFrame, published: dict[str, str] | None = None) -> pd.DataFrame:
    published = published or {}
    rows = []
    for source_id, source_type in claims[["source_id", "source_type"]].drop_duplicates().itertuples(index=False):
        rows.append({
            "source_id": source_id, "source_type": source_type, "title": None, "publisher": None,
            "published": published.get(source_id), "url": None, "sha256": "0" * 64,
            "path": f"{'foi' if source_type == 'foi_table' else 'articles'}/{source_id}", "n_claims": 1,
        })
    return frame(rows, SOURCE_COLUMNS)


def run(reference, rows: list[dict], published: dict[str, str] | None = None) -> Reconciled:
    claims = frame(rows, CLAIM_COLUMNS)
    return reconcile(claims, sources_for(claims, published), reference)


def observation(result: Reconciled, area_id: str, period: str, metric: str) -> pd.Series:
    o = result.observations
    found = o[(o["area_id"] == area_id) & (o["period"] == period) & (o["metric"] == metric)]
    assert len(found) == 1, f"expected one observation for {area_id} {period} {metric}, found {len(found)}"
    return found.iloc[0]


def has_observation(result: Reconciled, area_id: str, period: str, metric: str) -> bool:
    o = result.observations
    return bool(((o["area_id"] == area_id) & (o["period"] == period) & (o["metric"] == metric)).any())


def quality(result: Reconciled, check: str, area_id=None, period=None, metric=None) -> pd.DataFrame:
    q = result.quality
    mask = q["check"] == check
    for column, wanted in (("area_id", area_id), ("period", period), ("metric", metric)):
        if wanted is not None:
            mask &= q[column] == wanted
    return q[mask]


def claim_of(result: Reconciled, claim_id: str) -> pd.Series:
    return result.claims.set_index("claim_id").loc[claim_id]
