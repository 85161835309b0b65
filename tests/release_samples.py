"""Small, valid published tables for the release tests (not a test module).

Two sources, three claims and the observations reconcile builds from them; free text that a
spreadsheet would run as a formula, a negative change and a bound, so every formatting rule shows.
"""

from __future__ import annotations

import pandas as pd

from pipeline import schemas
from pipeline.ingest.common import claim_row
from pipeline.reconcile import reconcile
from pipeline.reference import Reference
from pipeline.release.config import ReleaseConfig
from pipeline.release.tables import with_claim_counts

FORMULA = '=HYPERLINK("http://example.invalid","click")'


def sample_config(version: str = "1.0.0") -> ReleaseConfig:
    return ReleaseConfig(
        version=version,
        name="test-package",
        title="Test package",
        description="Tables for the release tests.",
        licenses=[{"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "CC BY 4.0"}],
    )


def sample_tables(reference: Reference) -> dict[str, pd.DataFrame]:
    claims = pd.DataFrame([
        claim_row(reference, claim_id="web-1:gwent:2016/17:offences", source_id="web-1", source_type="compilation",
                  area_id="gwent", period="2016/17", metric="offences", value=314.0, qualifier="exact",
                  evidence="gwent 2016/17 offences = 314", locator="curated/x.csv:2:value", rule="compilation:x"),
        claim_row(reference, claim_id="art-1:10-20", source_id="art-1", source_type="article",
                  area_id="gwent", period="2016/17", metric="offences", value=300.0, qualifier="more_than",
                  evidence=FORMULA + " more than 300 offences", locator="10-20", rule="count"),
        claim_row(reference, claim_id="art-1:30-32", source_id="art-1", source_type="article",
                  area_id="gwent", period="2016/17", metric="offences_change_pct", value=-9.0, qualifier="exact",
                  evidence="-9 per cent on the year before", locator="30-32", rule="change", note="+ a note"),
        claim_row(reference, claim_id="art-1:40-44", source_id="art-1", source_type="article",
                  area_id="uk", period="2016/17", metric="offences_online_flagged_share", value=0.05, qualifier="exact",
                  evidence="one in 20 offences", locator="40-44", rule="share"),
    ])
    sources = pd.DataFrame([
        {"source_id": "web-1", "source_type": "compilation", "title": None, "publisher": None, "published": None,
         "url": "https://example.org/gwent", "sha256": "a" * 64, "path": "curated/x.csv", "n_claims": 0},
        {"source_id": "art-1", "source_type": "article", "title": FORMULA, "publisher": "@newsroom",
         "published": "2017-09-10", "url": None, "sha256": "b" * 64, "path": "articles/art-1.txt", "n_claims": 0},
    ])
    sources = with_claim_counts(sources, claims)
    reconciled = reconcile(claims, sources, reference)
    quality = pd.DataFrame([{
        "check": "change_vs_counts", "area_id": "gwent", "period": "2016/17", "metric": "offences_change_pct",
        "values": "offences_change_pct=-9", "expected": "-9 +- 0.5", "result": "ok", "sources": "art-1",
        "detail": "-9 agrees with the counts",
    }])
    return {
        "observations": schemas.Observations.validate(reconciled.observations),
        "claims": schemas.Claims.validate(reconciled.claims),
        "sources": schemas.Sources.validate(sources),
        "areas": schemas.Areas.validate(reference.areas.mask(reference.areas.eq(""), None)),
        "metrics": schemas.Metrics.validate(reference.metrics),
        "quality": schemas.Quality.validate(quality),
    }
