"""Arithmetic checks, one group per check: what passes, what warns, what blocks the release."""

import pytest

from pipeline.reconcile import rounding
from reconcile_support import claim, claim_of, observation, quality, run

WM = "west-mercia"


def change_claims(reference, stated, current, previous, source="article-a", area=WM):
    return [claim(reference, source, area, "2016/17", "offences", current),
            claim(reference, source, area, "2015/16", "offences", previous),
            claim(reference, source, area, "2016/17", "offences_change_pct", stated)]


# --- tolerances ---------------------------------------------------------------------------

def test_a_stated_number_stands_for_its_rounding_interval():
    assert rounding.rounded(14, "percent") == rounding.Interval(13.5, 14.5)
    nine_seven = rounding.rounded(9.7, "percent")
    assert nine_seven.low == pytest.approx(9.65) and nine_seven.high == pytest.approx(9.75)
    assert rounding.rounded(0.1, "proportion").low == pytest.approx(0.095)  # read to whole percentage points
    assert rounding.statement(314, "exact", "count") == rounding.Interval.point(314)


def test_hedges_and_bounds_as_intervals():
    nearly = rounding.statement(14000, "approximately", "count")
    assert (nearly.low, nearly.high) == (13300, 14700)
    more = rounding.statement(300, "more_than", "count")
    assert not more.contains(300) and more.contains(301)
    assert rounding.statement(300, "at_least", "count").contains(300)
    assert not rounding.statement(10, "fewer_than", "count").contains(10)
    assert more.overlaps(rounding.statement(310, "at_most", "count"))
    assert not more.overlaps(rounding.statement(300, "fewer_than", "count"))


# --- change vs counts ---------------------------------------------------------------------

def test_change_west_mercia_2016_17_14_per_cent_with_1786_and_1569_is_ok(reference):
    rows = change_claims(reference, 14, 1786, 1569)
    result = run(reference, rows)
    row = quality(result, "change_vs_counts", WM, "2016/17", "offences_change_pct")
    assert row["result"].tolist() == ["ok"]
    assert "13.83" in row["expected"].iloc[0] and "13.5 to 14.5" in row["expected"].iloc[0]
    assert set(result.claims["check"]) == {"ok"}


def test_change_with_one_decimal_is_held_to_its_decimal(reference):
    ok = run(reference, change_claims(reference, 9.7, 328, 299))  # +9.70%
    assert quality(ok, "change_vs_counts")["result"].tolist() == ["ok"]
    off = run(reference, change_claims(reference, 9.5, 328, 299))
    assert quality(off, "change_vs_counts")["result"].tolist() == ["warning"]


@pytest.mark.parametrize("current, expected", [
    (1788, "ok"),  # +13.96%: rounds to 14
    (1797, "ok"),  # +14.53%: truncates to 14 (sources do truncate)
    (1778, "warning"),  # +13.32%: neither rounds nor truncates to 14
    (1806, "warning"),  # +15.10%
])
def test_change_tolerates_the_source_rounding_or_truncating_and_nothing_more(reference, current, expected):
    result = run(reference, change_claims(reference, 14, current, 1569))
    assert quality(result, "change_vs_counts")["result"].tolist() == [expected]


def test_a_failed_change_check_blames_the_stated_change_not_the_counts(reference):
    rows = change_claims(reference, 20, 1786, 1569)
    result = run(reference, rows)
    assert quality(result, "change_vs_counts")["result"].tolist() == ["warning"]
    assert claim_of(result, rows[2]["claim_id"])["check"] == "mismatch"
    assert claim_of(result, rows[0]["claim_id"])["check"] != "mismatch"
    assert result.problems == []  # a mismatch is a warning, not impossible data


def test_a_source_own_figures_are_checked_beside_the_published_ones(reference):
    # One publication says 226 -> 389, +72%; two later ones restate 2014/15 as 706.
    rows = [claim(reference, "bbc", "gwent", "2013/14", "offences", 226), claim(reference, "bbc", "gwent", "2014/15", "offences", 389),
            claim(reference, "bbc", "gwent", "2014/15", "offences_change_pct", 72),
            claim(reference, "echo", "gwent", "2014/15", "offences", 706), claim(reference, "feeds", "gwent", "2014/15", "offences", 706)]
    result = run(reference, rows)
    rows_found = quality(result, "change_vs_counts", "gwent", "2014/15")
    by_result = dict(zip(rows_found["result"], rows_found["sources"]))
    assert by_result["ok"] == "bbc"  # 389 / 226 = +72.1%
    assert by_result["warning"] == "bbc;echo;feeds"  # published 706 / 226 = +212%


# --- share, per day -----------------------------------------------------------------------

def test_share_vs_count_over_total(reference):
    key = ("avon-and-somerset", "2016/17")
    ok = run(reference, [claim(reference, "a", *key, "offences", 1483), claim(reference, "a", *key, "offences_online_flagged", 74),
                         claim(reference, "a", *key, "offences_online_flagged_share", 0.05)])
    assert quality(ok, "share_vs_counts")["result"].tolist() == ["ok"]
    off = run(reference, [claim(reference, "a", *key, "offences", 1483), claim(reference, "a", *key, "offences_online_flagged", 150),
                          claim(reference, "a", *key, "offences_online_flagged_share", 0.05)])
    assert quality(off, "share_vs_counts")["result"].tolist() == ["warning"]


def test_a_share_written_as_one_in_n_is_read_as_such(reference):
    key = ("avon-and-somerset", "2016/17")
    result = run(reference, [claim(reference, "a", *key, "offences", 1000), claim(reference, "a", *key, "offences_online_flagged", 300),
                             claim(reference, "a", *key, "offences_online_flagged_share", 0.3333)])  # "one in three", 30%
    row = quality(result, "share_vs_counts")
    assert row["result"].tolist() == ["ok"] and "one in 3" in row["detail"].iloc[0]


@pytest.mark.parametrize("period, total, rate, expected", [
    ("2016/17", 3285, 9, "ok"),  # "nine a day": 3285 / 365 = 9.0
    ("2016/17", 3285, 11, "warning"),
    ("2015/16", 55507, 152, "ok"),  # 366 days: 151.66
    ("2016/17", 2440, 6, "ok"),  # 6.68 truncated, as a real source wrote it
    ("2016/17", 65000, 180, "ok"),  # "every eight minutes": 178.1 a day is one every 8.09 minutes
    ("2016/17", 65000, 205.71, "warning"),  # "every seven minutes" allows 192 to 221.5 a day; 178.1 is not
])
def test_per_day_rate_vs_total_over_days_in_the_year(reference, period, total, rate, expected):
    result = run(reference, [claim(reference, "a", "wales", period, "offences", total), claim(reference, "a", "wales", period, "offences_per_day", rate)])
    row = quality(result, "per_day_vs_total")
    assert row["result"].tolist() == [expected]
    days = 366 if period == "2015/16" else 365
    assert f"/ {days} days" in row["expected"].iloc[0]


# --- subsets ------------------------------------------------------------------------------

SUBSETS = ("offences_victim_under_1", "offences_victim_aged_4_and_under", "offences_victim_aged_10_and_under", "offences")


def test_subsets_in_order_pass(reference):
    values = dict(zip(SUBSETS, (10, 137, 512, 1786)))
    rows = [claim(reference, "a", WM, "2016/17", m, v) for m, v in values.items()]
    rows.append(claim(reference, "a", WM, "2016/17", "offences_online_flagged", 213))
    result = run(reference, rows)
    found = quality(result, "subset_le_total")
    assert len(found) == 4 and set(found["result"]) == {"ok"}
    assert result.problems == []


@pytest.mark.parametrize("metric, value", [
    ("offences_victim_under_1", 200),  # above aged 4 and under (137)
    ("offences_victim_aged_10_and_under", 2000),  # above offences
    ("offences_online_flagged", 1800),  # above offences
])
def test_impossible_subset_blocks_the_release_with_a_message_naming_sources_and_values(reference, metric, value):
    rows = [claim(reference, "article-a", WM, "2016/17", "offences", 1786),
            claim(reference, "article-a", WM, "2016/17", "offences_victim_aged_4_and_under", 137)]
    bad = claim(reference, "article-b", WM, "2016/17", metric, value)
    result = run(reference, rows + [bad])
    errors = [p for p in result.problems if p.severity == "error"]
    assert len(errors) == 1
    message = str(errors[0])
    assert "article-b" in message and str(value) in message and bad["claim_id"] in message
    assert errors[0].file == "articles/article-b"
    assert "error" in set(quality(result, "subset_le_total", WM, "2016/17", metric)["result"])
    assert claim_of(result, bad["claim_id"])["check"] == "mismatch"


def test_a_subset_checks_against_the_nearest_total_stated(reference):
    rows = [claim(reference, "a", "uk", "2018/19", "offences_victim_under_1", 341), claim(reference, "a", "uk", "2018/19", "offences", 76204)]
    found = quality(run(reference, rows), "subset_le_total")
    assert found["values"].tolist() == ["offences_victim_under_1=341; offences=76204"]


def test_a_subset_above_a_total_the_release_does_not_publish_is_a_warning(reference):
    # Article A's total lost to the force's FOI figure; A's subset fits the published total.
    rows = [claim(reference, "article-a", WM, "2016/17", "offences", 100), claim(reference, "article-a", WM, "2016/17", "offences_victim_aged_10_and_under", 150),
            claim(reference, "foi-wm", WM, "2016/17", "offences", 1786, source_type="foi_table")]
    result = run(reference, rows)
    found = quality(result, "subset_le_total")
    assert sorted(found["result"]) == ["ok", "warning"]
    assert "does not publish" in found[found["result"] == "warning"]["detail"].iloc[0]
    assert result.problems == []


# --- parts vs totals ----------------------------------------------------------------------

WALES_FORCES = {"dyfed-powys": 328, "gwent": 389, "north-wales": 398, "south-wales": 637}  # 1752


def wales_rows(reference, total, forces=WALES_FORCES, source="bbc"):
    rows = [claim(reference, source, area, "2014/15", "offences", v) for area, v in forces.items()]
    return rows + [claim(reference, source, "wales", "2014/15", "offences", total)]


def test_all_forces_of_a_nation_add_up_to_its_total(reference):
    found = quality(run(reference, wales_rows(reference, 1752)), "parts_vs_total", "wales")
    assert found["result"].tolist() == ["ok"]


def test_all_forces_not_adding_up_is_a_warning_blaming_the_total(reference):
    rows = wales_rows(reference, 1753)
    result = run(reference, rows)
    found = quality(result, "parts_vs_total", "wales")
    assert found["result"].tolist() == ["warning"] and "1752" in found["values"].iloc[0]
    assert claim_of(result, rows[-1]["claim_id"])["check"] == "mismatch"
    assert claim_of(result, rows[0]["claim_id"])["check"] != "mismatch"
    assert result.problems == []


def test_some_forces_may_sum_to_less_than_the_nation_but_not_more(reference):
    two = {"dyfed-powys": 328, "gwent": 389}
    assert quality(run(reference, wales_rows(reference, 1752, two)), "parts_vs_total")["result"].tolist() == ["ok"]
    assert quality(run(reference, wales_rows(reference, 700, two)), "parts_vs_total")["result"].tolist() == ["warning"]


def test_the_nations_vs_the_uk(reference):
    rows = [claim(reference, "a", "uk", "2019/20", "offences", 73518), claim(reference, "a", "scotland", "2019/20", "offences", 5311),
            claim(reference, "a", "northern-ireland", "2019/20", "offences", 2082)]
    found = quality(run(reference, rows), "parts_vs_total", "uk")
    # Both compositions (nations + BTP; England and Wales + Scotland + NI + BTP) compare the same
    # two figures here, so the report has one row for them.
    assert found["result"].tolist() == ["ok"] and "sum of parts=7393" in found["values"].iloc[0]
    rows[0] = claim(reference, "a", "uk", "2019/20", "offences", 7000)
    assert set(quality(run(reference, rows), "parts_vs_total", "uk")["result"]) == {"warning"}


def test_england_and_wales_vs_its_nations(reference):
    rows = [claim(reference, "a", "england-and-wales", "2014/15", "offences", 41457), claim(reference, "a", "wales", "2014/15", "offences", 1752),
            claim(reference, "a", "england", "2014/15", "offences", 39705)]
    found = quality(run(reference, rows), "parts_vs_total", "england-and-wales")
    assert found["result"].tolist() == ["ok"]


# --- bound vs exact, jumps, ranges --------------------------------------------------------

def test_bound_vs_exact_for_the_same_key(reference):
    key = ("gwent", "2016/17", "offences")
    ok = run(reference, [claim(reference, "a", *key, 300, "more_than"), claim(reference, "a", *key, 314)])
    assert quality(ok, "bound_vs_exact")["result"].tolist() == ["ok"]
    bad_bound = claim(reference, "a", *key, 300, "more_than")
    off = run(reference, [bad_bound, claim(reference, "b", *key, 280), claim(reference, "c", *key, 280)])
    assert quality(off, "bound_vs_exact")["result"].tolist() == ["warning"]
    assert claim_of(off, bad_bound["claim_id"])["check"] == "mismatch"
    assert observation(off, *key)["value"] == 280


def test_an_implausible_jump_nobody_states_is_a_warning(reference):
    rows = [claim(reference, "a", "derbyshire", "2014/15", "offences", 727), claim(reference, "b", "derbyshire", "2015/16", "offences", 166)]
    found = quality(run(reference, rows), "jump", "derbyshire", "2015/16")
    assert found["result"].tolist() == ["warning"] and "-77.17%" in found["values"].iloc[0]


def test_a_jump_a_source_states_is_recorded_as_ok(reference):
    rows = [claim(reference, "a", "dyfed-powys", "2014/15", "offences", 328), claim(reference, "b", "dyfed-powys", "2015/16", "offences", 679),
            claim(reference, "b", "dyfed-powys", "2015/16", "offences_change_pct", 107)]
    found = quality(run(reference, rows), "jump")
    assert found["result"].tolist() == ["ok"] and "stated by b" in found["detail"].iloc[0]


def test_a_change_within_60_per_cent_is_not_a_jump(reference):
    rows = [claim(reference, "a", "gwent", "2015/16", "offences", 300), claim(reference, "a", "gwent", "2016/17", "offences", 470)]
    assert quality(run(reference, rows), "jump").empty


@pytest.mark.parametrize("metric, value", [("offences", -5), ("offences_online_flagged_share", 1.5), ("offences_change_pct", -120)])
def test_a_value_outside_its_unit_range_is_an_error(reference, metric, value):
    bad = claim(reference, "article-x", "gwent", "2016/17", metric, value)
    result = run(reference, [bad])
    errors = [p for p in result.problems if p.severity == "error"]
    assert len(errors) == 1 and "article-x" in str(errors[0]) and bad["claim_id"] in str(errors[0])
    assert quality(result, "value_in_range")["result"].tolist() == ["error"]
    assert result.observations.empty  # an impossible value is never published


def test_an_impossible_value_does_not_compete_with_good_ones(reference):
    rows = [claim(reference, "a", "gwent", "2016/17", "offences", 314), claim(reference, "b", "gwent", "2016/17", "offences", -3)]
    result = run(reference, rows)
    row = observation(result, "gwent", "2016/17", "offences")
    assert (row["value"], row["status"]) == (314, "single_source")
    assert result.claims.set_index("value")["check"].to_dict() == {314: "unchecked", -3: "mismatch"}


def test_a_claim_no_check_touches_stays_unchecked(reference):
    result = run(reference, [claim(reference, "a", "gwent", "2016/17", "offences_victim_under_1", 5)])
    assert result.claims["check"].tolist() == ["unchecked"]


def test_the_relation_files_name_known_metrics_and_areas(reference):
    from pipeline.reconcile.relations import load_relations

    relations = load_relations(reference)
    assert relations.totals_above("offences_victim_under_1") == [
        "offences_victim_aged_4_and_under", "offences_victim_aged_10_and_under", "offences"]
    assert relations.change_metric_of("offences") == "offences_change_pct"
    wales = next(s for s in relations.area_sums if s.total == "wales")
    assert wales.parts == ("dyfed-powys", "gwent", "north-wales", "south-wales")
    england = next(s for s in relations.area_sums if s.total == "england")
    assert len(england.parts) == 39 and "british-transport-police" not in england.parts
