"""The curated compilation's real disagreements, reconciled (data/raw/curated/nspcc_press_figures.csv).

The compilation's figures are test data here; the code knows none of them.
"""

import pandas as pd
import pytest

from pipeline.ingest.common import Ingested
from pipeline.ingest.compilation import read_compilations
from pipeline.reconcile import reconcile
from pipeline.schemas import Claims, Observations, Quality
from reconcile_support import observation, quality


@pytest.fixture
def compiled(project, reference):
    batch: Ingested = read_compilations(project, reference)
    assert batch.problems == [] and len(batch.claims) > 100
    return reconcile(batch.claims, batch.sources, reference)


def claims_for(result, area_id, period, metric) -> pd.DataFrame:
    c = result.claims
    return c[(c["area_id"] == area_id) & (c["period"] == period) & (c["metric"] == metric)]


def test_the_compilation_reconciles_without_blocking_and_meets_the_schemas(compiled):
    assert [p for p in compiled.problems if p.severity == "error"] == []
    Observations.validate(compiled.observations, lazy=True)
    Claims.validate(compiled.claims, lazy=True)
    Quality.validate(compiled.quality, lazy=True)


def test_uk_2014_15_47008_vs_45456_is_an_unresolved_conflict_with_both_values(compiled):
    row = observation(compiled, "uk", "2014/15", "offences")
    assert row["status"] == "conflict" and row["value"] in (45456, 47008)
    assert "45456" in row["note"] and "47008" in row["note"]
    claims = claims_for(compiled, "uk", "2014/15", "offences")
    for source_id in claims["source_id"]:
        assert source_id in row["note"]
    assert set(claims["check"]) == {"mismatch"}
    assert quality(compiled, "conflict", "uk", "2014/15", "offences")["result"].tolist() == ["warning"]


def test_gwent_2014_15_706_restated_by_two_sources_outranks_389(compiled):
    row = observation(compiled, "gwent", "2014/15", "offences")
    assert (row["value"], row["status"], row["n_sources"]) == (706, "conflict_resolved", 2)
    claims = claims_for(compiled, "gwent", "2014/15", "offences")
    lone = claims[claims["value"] == 389].iloc[0]
    assert f"389 ({lone['source_id']})" in row["note"] and "more independent sources" in row["note"]
    assert lone["check"] == "mismatch" and not lone["used"]
    assert claims[claims["value"] == 706]["used"].all()


def test_gwent_2014_15_change_matches_its_own_source_but_not_the_published_counts(compiled):
    found = quality(compiled, "change_vs_counts", "gwent", "2014/15")
    assert sorted(found["result"]) == ["ok", "warning"]  # 389/226 = +72.1%; 706/226 = +212%
    assert quality(compiled, "jump", "gwent", "2014/15", "offences")["result"].tolist() == ["warning"]


def test_wales_2015_16_2238_up_33_vs_2328_up_13(compiled):
    offences = observation(compiled, "wales", "2015/16", "offences")
    change = observation(compiled, "wales", "2015/16", "offences_change_pct")
    assert offences["status"] == "conflict" and "2238" in offences["note"] and "2328" in offences["note"]
    assert change["status"] == "conflict" and "33" in change["note"] and "13" in change["note"]
    # Each publication's change against its own counts: 2328 / 2069 = +12.5% fits 13;
    # 2238 / 1752 = +27.7% does not fit 33.
    by_values = quality(compiled, "change_vs_counts", "wales", "2015/16").set_index("values")["result"]
    assert by_values["offences_change_pct 2015/16=13; offences 2015/16=2328; offences 2014/15=2069"] == "ok"
    assert by_values["offences_change_pct 2015/16=33; offences 2015/16=2238; offences 2014/15=1752"] == "warning"


def test_wales_2014_15_three_values_are_all_listed(compiled):
    row = observation(compiled, "wales", "2014/15", "offences")
    assert row["status"] == "conflict"
    for value in ("1752", "1753", "2069"):
        assert value in row["note"]
    assert row["value"] in (1752, 1753, 2069)
    # The publication that states 2069 also states the four forces that add up to it.
    sums = quality(compiled, "parts_vs_total", "wales", "2014/15", "offences")
    assert "ok" in set(sums["result"]) and "warning" in set(sums["result"])


def test_every_conflict_is_in_the_quality_report(compiled):
    o = compiled.observations
    disputed = o[o["status"].isin(["conflict", "conflict_resolved"])][["area_id", "period", "metric"]]
    listed = quality(compiled, "conflict")[["area_id", "period", "metric"]]
    assert len(disputed) >= 4
    assert sorted(map(tuple, disputed.values)) == sorted(map(tuple, listed.values))


def test_uk_2016_17_offences_restated_by_several_pages_are_corroborated(compiled):
    row = observation(compiled, "uk", "2016/17", "offences")
    assert row["status"] == "corroborated" and row["n_sources"] == len(row["source_ids"].split(";")) >= 2
