"""Derived values: marked derived, formula in note, interval from the rounding, never overriding."""

import pandas as pd

from reconcile_support import claim, has_observation, observation, run

AVON = "avon-and-somerset"


def test_avon_and_somerset_2015_16_offences_derived_from_1483_up_43_per_cent(reference):
    rows = [claim(reference, "001-avon", AVON, "2016/17", "offences", 1483), claim(reference, "001-avon", AVON, "2016/17", "offences_change_pct", 43)]
    result = run(reference, rows)
    row = observation(result, AVON, "2015/16", "offences")
    assert row["value_kind"] == "derived" and row["qualifier"] == "approximately"
    assert (row["value"], row["value_low"], row["value_high"]) == (1037, 1033, 1041)
    assert "1483 / (1 + 43 / 100)" in row["note"] and "42.5 to 43.5" in row["note"]
    assert (row["n_sources"], row["source_ids"], row["status"]) == (1, "001-avon", "single_source")
    assert row["unit"] == "count" and row["period_start"] == "2015-04-01"


def test_a_derived_interval_follows_the_decimals_written(reference):
    rows = [claim(reference, "a", "dyfed-powys", "2014/15", "offences", 328), claim(reference, "a", "dyfed-powys", "2014/15", "offences_change_pct", 9.7)]
    row = observation(run(reference, rows), "dyfed-powys", "2013/14", "offences")
    # 328 / 1.0975 = 298.86 .. 328 / 1.0965 = 299.13
    assert (row["value"], row["value_low"], row["value_high"]) == (299, 298, 300)


def test_a_fall_derives_a_larger_previous_year(reference):
    rows = [claim(reference, "a", "cumbria", "2022/23", "offences", 945), claim(reference, "a", "cumbria", "2022/23", "offences_change_pct", -9)]
    row = observation(run(reference, rows), "cumbria", "2021/22", "offences")
    assert row["value_low"] <= 945 / 0.91 <= row["value_high"] and row["value"] == 1038


def test_a_count_from_a_share_and_its_total(reference):
    rows = [claim(reference, "a", AVON, "2016/17", "offences", 1483), claim(reference, "a", AVON, "2016/17", "offences_online_flagged_share", 0.05)]
    row = observation(run(reference, rows), AVON, "2016/17", "offences_online_flagged")
    assert row["value_kind"] == "derived" and "0.05 x 1483" in row["note"]
    assert (row["value"], row["value_low"], row["value_high"]) == (74, 66, 82)  # 0.045..0.055 x 1483


def test_a_reported_value_is_never_overridden(reference):
    rows = [claim(reference, "a", "west-mercia", "2016/17", "offences", 1786), claim(reference, "a", "west-mercia", "2016/17", "offences_change_pct", 14),
            claim(reference, "b", "west-mercia", "2015/16", "offences", 1600)]
    row = observation(run(reference, rows), "west-mercia", "2015/16", "offences")
    assert row["value_kind"] == "reported" and row["value"] == 1600


def test_nothing_is_derived_from_a_derived_value(reference):
    # online 2016/17 is derived from the share; its change must not then derive online 2015/16.
    rows = [claim(reference, "a", "uk", "2016/17", "offences", 64667), claim(reference, "a", "uk", "2016/17", "offences_online_flagged_share", 0.1),
            claim(reference, "a", "uk", "2016/17", "offences_online_flagged_change_pct", 59)]
    result = run(reference, rows)
    assert observation(result, "uk", "2016/17", "offences_online_flagged")["value_kind"] == "derived"
    assert not has_observation(result, "uk", "2015/16", "offences_online_flagged")


def test_nothing_is_derived_from_an_unresolved_conflict(reference):
    rows = [claim(reference, "a", "wales", "2015/16", "offences", 2238), claim(reference, "b", "wales", "2015/16", "offences", 2328),
            claim(reference, "a", "wales", "2015/16", "offences_change_pct", 33)]
    result = run(reference, rows)
    assert observation(result, "wales", "2015/16", "offences")["status"] == "conflict"
    assert not has_observation(result, "wales", "2014/15", "offences")


def test_nothing_is_derived_where_a_force_suppressed_the_figure(reference):
    suppressed = claim(reference, "foi-avon", AVON, "2016/17", "offences_online_flagged", None, source_type="foi_table", status="suppressed")
    rows = [claim(reference, "a", AVON, "2016/17", "offences", 1483), claim(reference, "a", AVON, "2016/17", "offences_online_flagged_share", 0.05), suppressed]
    assert not has_observation(run(reference, rows), AVON, "2016/17", "offences_online_flagged")


def test_a_derived_value_from_corroborated_inputs_is_corroborated_and_names_every_input_source(reference):
    rows = [claim(reference, s, "uk", "2016/17", "offences", 64667) for s in ("a", "b")]
    rows += [claim(reference, s, "uk", "2016/17", "offences_change_pct", 15) for s in ("b", "c")]
    row = observation(run(reference, rows), "uk", "2015/16", "offences")
    assert (row["status"], row["n_sources"], row["source_ids"]) == ("corroborated", 3, "a;b;c")
    rows = rows[:2] + [claim(reference, "c", "uk", "2016/17", "offences_change_pct", 15)]
    assert observation(run(reference, rows), "uk", "2015/16", "offences")["status"] == "single_source"


def test_derivations_that_disagree_publish_nothing_and_say_so(reference):
    # Two routes to online 2016/17: the share of 2016/17's offences, and 2017/18's online count with its change.
    rows = [claim(reference, "a", AVON, "2016/17", "offences", 1483), claim(reference, "a", AVON, "2016/17", "offences_online_flagged_share", 0.05),
            claim(reference, "b", AVON, "2017/18", "offences_online_flagged", 300), claim(reference, "b", AVON, "2017/18", "offences_online_flagged_change_pct", 50)]
    result = run(reference, rows)  # share: 66..82; change: 300 / 1.5 = 200
    assert not has_observation(result, AVON, "2016/17", "offences_online_flagged")
    found = result.quality[result.quality["check"] == "derivations_agree"]
    assert found["result"].tolist() == ["warning"]


def test_derivations_that_agree_publish_the_narrower(reference):
    rows = [claim(reference, "a", AVON, "2016/17", "offences", 1483), claim(reference, "a", AVON, "2016/17", "offences_online_flagged_share", 0.05),
            claim(reference, "b", AVON, "2017/18", "offences_online_flagged", 111), claim(reference, "b", AVON, "2017/18", "offences_online_flagged_change_pct", 50)]
    row = observation(run(reference, rows), AVON, "2016/17", "offences_online_flagged")  # 73.8..74.2 within 66..82
    assert row["value"] == 74 and (row["value_low"], row["value_high"]) == (73, 75)
    assert "also derivable" in row["note"]


def test_derived_rows_meet_the_observations_schema(reference):
    from pipeline.schemas import Observations

    rows = [claim(reference, "a", AVON, "2016/17", "offences", 1483), claim(reference, "a", AVON, "2016/17", "offences_change_pct", 43)]
    observations = Observations.validate(run(reference, rows).observations, lazy=True)
    assert pd.api.types.is_float_dtype(observations["value_low"])
