"""Claims -> observations: merging, corroboration, bounds and hedges (DATA_MODEL.md observations)."""

import math

import pandas as pd

from pipeline.ingest.common import CLAIM_COLUMNS, SOURCE_COLUMNS, frame
from pipeline.reconcile import reconcile
from pipeline.schemas import Claims, Observations, Quality
from reconcile_support import claim, claim_of, has_observation, observation, quality, run

UK = ("uk", "2016/17", "offences")
GWENT = ("gwent", "2016/17", "offences")


def test_agreeing_claims_merge_and_distinct_sources_corroborate_uk_2016_17(reference):
    rows = [claim(reference, s, *UK, 64667) for s in ("article-a", "article-b", "article-c")]
    rows.append(claim(reference, "compilation-x", *UK, 64667, source_type="compilation"))
    result = run(reference, rows)
    uk = observation(result, *UK)
    assert uk["value"] == 64667 and uk["status"] == "corroborated" and uk["n_sources"] == 4
    assert uk["source_ids"] == "article-a;article-b;article-c;compilation-x"
    assert uk["value_kind"] == "reported" and uk["qualifier"] == "exact" and pd.isna(uk["note"])
    assert result.claims["used"].all()


def test_the_same_source_stating_a_figure_twice_is_one_source(reference):
    rows = [claim(reference, "article-a", *UK, 64667), claim(reference, "article-a", *UK, 64667)]
    uk = observation(run(reference, rows), *UK)
    assert uk["n_sources"] == 1 and uk["status"] == "single_source" and uk["source_ids"] == "article-a"


def test_an_exact_value_supersedes_a_consistent_bound_more_than_300_and_314(reference):
    bound = claim(reference, "article-a", *GWENT, 300, "more_than")
    exact = claim(reference, "article-a", *GWENT, 314)
    result = run(reference, [bound, exact])
    gwent = observation(result, *GWENT)
    assert gwent["value"] == 314 and gwent["qualifier"] == "exact"
    assert pd.isna(gwent["value_low"]) and pd.isna(gwent["value_high"])  # 314 was reported exactly
    assert gwent["status"] == "single_source" and gwent["n_sources"] == 1
    assert "more than 300" in gwent["note"]
    assert not claim_of(result, bound["claim_id"])["used"] and claim_of(result, exact["claim_id"])["used"]
    assert claim_of(result, bound["claim_id"])["check"] == "ok"
    assert quality(result, "bound_vs_exact", *GWENT)["result"].tolist() == ["ok"]


def test_a_bound_alone_is_published_as_its_limit(reference):
    rows = [claim(reference, "article-a", *GWENT, 300, "more_than"),
            claim(reference, "article-a", "gwent", "2016/17", "offences_victim_under_1", 10, "fewer_than")]
    result = run(reference, rows)
    more = observation(result, *GWENT)
    assert (more["value"], more["qualifier"], more["value_low"]) == (300, "more_than", 300) and pd.isna(more["value_high"])
    fewer = observation(result, "gwent", "2016/17", "offences_victim_under_1")
    assert (fewer["value"], fewer["qualifier"], fewer["value_high"]) == (10, "fewer_than", 10) and pd.isna(fewer["value_low"])


def test_agreeing_bounds_publish_the_tightest_with_the_interval_they_allow(reference):
    rows = [claim(reference, "a", *GWENT, 250, "more_than"), claim(reference, "b", *GWENT, 300, "more_than"),
            claim(reference, "c", *GWENT, 400, "fewer_than")]
    row = observation(run(reference, rows), *GWENT)
    assert (row["value"], row["qualifier"], row["value_low"], row["value_high"]) == (300, "more_than", 300, 400)
    assert row["status"] == "single_source" and row["source_ids"] == "b"


def test_a_bound_no_exact_value_satisfies_is_a_conflict(reference):
    result = run(reference, [claim(reference, "article-a", *GWENT, 300, "more_than"), claim(reference, "article-b", *GWENT, 290)])
    gwent = observation(result, *GWENT)
    assert gwent["status"] == "conflict"
    assert quality(result, "bound_vs_exact", *GWENT)["result"].tolist() == ["warning"]


def test_approximately_agrees_with_an_exact_value_within_its_hedge(reference):
    key = ("uk", "2016/17", "offences_victim_aged_10_and_under")
    result = run(reference, [claim(reference, "article-a", *key, 14000, "approximately"), claim(reference, "article-b", *key, 13876)])
    row = observation(result, *key)
    assert row["value"] == 13876 and row["status"] == "single_source" and row["source_ids"] == "article-b"
    assert quality(result, "bound_vs_exact", *key)["result"].tolist() == ["ok"]


def test_approximately_outside_its_hedge_conflicts(reference):
    key = ("uk", "2016/17", "offences_victim_aged_10_and_under")
    result = run(reference, [claim(reference, "article-a", *key, 14000, "approximately"), claim(reference, "article-b", *key, 12000)])
    assert observation(result, *key)["status"] == "conflict"


def test_an_approximate_value_alone_is_published_as_approximately(reference):
    result = run(reference, [claim(reference, "article-a", *UK, 65000, "approximately")])
    row = observation(result, *UK)
    assert (row["value"], row["qualifier"]) == (65000, "approximately")
    assert pd.isna(row["value_low"]) and pd.isna(row["value_high"])


def test_a_rounded_and_a_precise_percentage_agree_and_the_precise_one_is_published(reference):
    key = ("west-mercia", "2016/17", "offences_change_pct")
    result = run(reference, [claim(reference, "article-a", *key, 14), claim(reference, "article-b", *key, 13.8)])
    row = observation(result, *key)
    assert row["value"] == 13.8 and row["status"] == "single_source"
    assert "14 (article-a)" in row["note"]


def test_only_ok_claims_with_a_value_feed_observations(reference):
    rows = [
        claim(reference, "article-a", *GWENT, 314),
        claim(reference, "article-b", *GWENT, 999, status="needs_review"),
        claim(reference, "foi-gwent", *GWENT, None, source_type="foi_table", status="suppressed"),
    ]
    result = run(reference, rows)
    gwent = observation(result, *GWENT)
    assert gwent["value"] == 314 and gwent["status"] == "single_source"
    assert result.claims.loc[result.claims["status"] != "ok", "used"].eq(False).all()
    assert result.claims.loc[result.claims["status"] != "ok", "check"].eq("unchecked").all()


def test_values_are_never_averaged(reference):
    rows = [claim(reference, "a", *UK, 45456), claim(reference, "b", *UK, 47008), claim(reference, "c", *UK, 46000)]
    assert observation(run(reference, rows), *UK)["value"] in {45456, 47008, 46000}


def test_outputs_meet_the_published_schemas_and_the_key_is_unique(reference):
    rows = [claim(reference, "a", *UK, 64667), claim(reference, "b", *UK, 64000), claim(reference, "a", "uk", "2016/17", "offences_change_pct", 15),
            claim(reference, "a", *GWENT, 314), claim(reference, "a", "gwent", "2016/17", "offences_change_pct", 11)]
    result = run(reference, rows)
    Observations.validate(result.observations, lazy=True)
    Claims.validate(result.claims, lazy=True)
    Quality.validate(result.quality, lazy=True)
    assert not result.observations.duplicated(["area_id", "period", "metric"]).any()
    assert list(result.observations["area_id"]) == sorted(result.observations["area_id"])
    gwent = observation(result, *GWENT)
    assert (gwent["area_name"], gwent["area_code"], gwent["period_start"], gwent["period_end"]) == ("Gwent", "W15000002", "2016-04-01", "2017-03-31")


def test_no_claims_give_empty_tables_that_meet_the_schemas(reference):
    result = reconcile(frame([], CLAIM_COLUMNS), frame([], SOURCE_COLUMNS), reference)
    assert result.observations.empty and result.quality.empty and result.problems == []
    Observations.validate(result.observations, lazy=True)
    Quality.validate(result.quality, lazy=True)


def test_a_claim_with_an_unknown_area_or_metric_is_an_error_not_a_crash(reference):
    good = claim(reference, "a", *GWENT, 314)
    bad_area = {**claim(reference, "a", *GWENT, 1), "area_id": "atlantis"}
    bad_metric = {**claim(reference, "a", *GWENT, 2), "metric": "arrests"}
    result = run(reference, [good, bad_area, bad_metric])
    assert observation(result, *GWENT)["value"] == 314
    assert not has_observation(result, "atlantis", "2016/17", "offences")
    messages = [str(p) for p in result.problems]
    assert len(messages) == 2 and all(p.severity == "error" for p in result.problems)
    assert any(bad_area["claim_id"] in m and "atlantis" in m for m in messages)
    assert any(bad_metric["claim_id"] in m and "arrests" in m for m in messages)


def test_claims_keep_their_columns_and_order(reference):
    rows = [claim(reference, "a", *GWENT, 314)]
    result = run(reference, rows)
    assert list(result.claims.columns) == CLAIM_COLUMNS
    assert not math.isnan(result.claims["value"].iloc[0])
