"""The issue's "Done when" facts on the repo's own figures: the compilation as read from data/raw,
plus the seed articles' expected claims (tests/fixtures/seeds_expected_claims.csv) as test data;
the extractor is tested elsewhere."""

import pandas as pd
import pytest

from conftest import FIXTURES
from pipeline.ingest.common import CLAIM_COLUMNS, SOURCE_COLUMNS, frame
from pipeline.ingest.compilation import read_compilations
from pipeline.reconcile import reconcile
from reconcile_support import claim, observation, quality


@pytest.fixture
def released(project, reference):
    batch = read_compilations(project, reference)
    seeds = pd.read_csv(FIXTURES / "seeds_expected_claims.csv", dtype={"source": str})
    rows = [claim(reference, r.source, r.area_id, r.period, r.metric, float(r.value), r.qualifier) for r in seeds.itertuples(index=False)]
    articles = pd.DataFrame([{"source_id": s, "source_type": "article", "sha256": "0" * 64, "path": f"articles/{s}.txt", "n_claims": 0}
                             for s in sorted(seeds["source"].unique())])
    claims = pd.concat([batch.claims, frame(rows, CLAIM_COLUMNS)], ignore_index=True)
    sources = pd.concat([batch.sources, articles.reindex(columns=SOURCE_COLUMNS)], ignore_index=True)
    return reconcile(claims, sources, reference)


def test_the_repo_data_does_not_block_the_release(released):
    assert [str(p) for p in released.problems if p.severity == "error"] == []


def test_west_mercia_2016_17_change_check_is_ok(released):
    found = quality(released, "change_vs_counts", "west-mercia", "2016/17", "offences_change_pct")
    assert found["result"].tolist() == ["ok"]


def test_avon_and_somerset_2015_16_offences_is_derived_with_its_interval(released):
    row = observation(released, "avon-and-somerset", "2015/16", "offences")
    assert row["value_kind"] == "derived" and (row["value_low"], row["value"], row["value_high"]) == (1033, 1037, 1041)


def test_uk_2016_17_offences_is_corroborated_by_at_least_three_sources(released):
    row = observation(released, "uk", "2016/17", "offences")
    assert row["status"] == "corroborated" and row["n_sources"] >= 3 and row["value"] == 64667


def test_uk_and_gwent_2014_15_conflicts_are_resolved_or_flagged_with_notes(released):
    for area_id in ("uk", "gwent"):
        row = observation(released, area_id, "2014/15", "offences")
        assert row["status"] in ("conflict", "conflict_resolved") and row["note"]
