"""The issue's "Done when" facts on the repo's own figures: the compilation as read from data/raw,
plus the seed articles' claims written out here as test data (the extractor is tested elsewhere)."""

import io

import pandas as pd
import pytest

from pipeline.ingest.common import CLAIM_COLUMNS, SOURCE_COLUMNS, frame
from pipeline.ingest.compilation import read_compilations
from pipeline.reconcile import reconcile
from reconcile_support import claim, observation, quality

SEED_CLAIMS = """\
source,area_id,period,metric,value,qualifier
000_3b13a2d1c03da088,gwent,2016/17,offences,300,more_than
000_3b13a2d1c03da088,gwent,2016/17,offences_change_pct,11,exact
000_3b13a2d1c03da088,wales,2016/17,offences_change_pct,36,exact
000_3b13a2d1c03da088,wales,2016/17,offences_per_day,9,exact
000_3b13a2d1c03da088,gwent,2016/17,offences,314,exact
000_3b13a2d1c03da088,dyfed-powys,2016/17,offences,1110,exact
000_3b13a2d1c03da088,wales,2016/17,offences_online_flagged,764,exact
000_3b13a2d1c03da088,uk,2016/17,offences_victim_under_1,193,exact
000_3b13a2d1c03da088,uk,2016/17,offences,64667,exact
000_3b13a2d1c03da088,uk,2016/17,offences_change_pct,15,exact
000_3b13a2d1c03da088,uk,2016/17,offences_victim_aged_10_and_under,13875,exact
000_3b13a2d1c03da088,uk,2016/17,offences_victim_aged_4_and_under,2788,exact
001_71b55939e87c2f5b,avon-and-somerset,2016/17,offences,1483,exact
001_71b55939e87c2f5b,avon-and-somerset,2016/17,offences_change_pct,43,exact
001_71b55939e87c2f5b,avon-and-somerset,2016/17,offences_per_day,4,exact
001_71b55939e87c2f5b,uk,2016/17,offences_change_pct,15,exact
001_71b55939e87c2f5b,uk,2016/17,offences,64667,exact
001_71b55939e87c2f5b,avon-and-somerset,2016/17,offences_victim_aged_10_and_under,336,exact
001_71b55939e87c2f5b,avon-and-somerset,2016/17,offences_victim_under_1,10,exact
001_71b55939e87c2f5b,avon-and-somerset,2016/17,offences_online_flagged_share,0.05,exact
004_273dcc7d913d0e25,west-mercia,2016/17,offences,1786,exact
004_273dcc7d913d0e25,west-mercia,2016/17,offences_change_pct,14,exact
004_273dcc7d913d0e25,west-mercia,2015/16,offences,1569,exact
004_273dcc7d913d0e25,west-mercia,2016/17,offences_victim_aged_10_and_under,512,exact
004_273dcc7d913d0e25,west-mercia,2016/17,offences_victim_aged_4_and_under,137,exact
004_273dcc7d913d0e25,west-mercia,2016/17,offences_online_flagged,213,exact
004_273dcc7d913d0e25,west-mercia,2016/17,offences_online_flagged_change_pct,87,exact
004_273dcc7d913d0e25,west-mercia,2015/16,offences_online_flagged,114,exact
"""


@pytest.fixture
def released(project, reference):
    batch = read_compilations(project, reference)
    seeds = pd.read_csv(io.StringIO(SEED_CLAIMS), dtype={"source": str})
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
