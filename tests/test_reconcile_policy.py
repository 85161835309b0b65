"""The conflict policy, one test per branch: FOI table > later publication > more sources > fallback."""

from pipeline.reconcile import policy
from reconcile_support import claim, claim_of, observation, quality, run

KEY = ("gwent", "2016/17", "offences")


def test_precedence_a_force_foi_value_outranks_an_article_and_the_disagreement_stays_visible(reference):
    foi = claim(reference, "foi-gwent-2017", *KEY, 314, source_type="foi_table")
    article = claim(reference, "article-a", *KEY, 290)
    result = run(reference, [foi, article])
    row = observation(result, *KEY)
    assert row["value"] == 314 and row["status"] == "conflict_resolved"
    assert row["source_ids"] == "foi-gwent-2017" and row["n_sources"] == 1
    assert "FOI response outranks" in row["note"] and "290 (article-a)" in row["note"]
    assert claim_of(result, article["claim_id"])["check"] == "mismatch"
    assert not claim_of(result, article["claim_id"])["used"]
    assert claim_of(result, foi["claim_id"])["used"]
    assert claim_of(result, foi["claim_id"])["check"] != "mismatch"
    listed = quality(result, "conflict", *KEY)
    assert listed["result"].tolist() == ["warning"] and "resolved" in listed["detail"].iloc[0]


def test_an_foi_value_outranks_more_sources_and_later_articles(reference):
    rows = [claim(reference, "foi-gwent", *KEY, 314, source_type="foi_table")]
    rows += [claim(reference, s, *KEY, 290, source_type="compilation") for s in ("web-a", "web-b", "web-c")]
    result = run(reference, rows, published={"foi-gwent": "2017-05-01", "web-a": "2018-01-01", "web-b": "2018-01-01", "web-c": "2018-01-01"})
    row = observation(result, *KEY)
    assert row["value"] == 314 and row["status"] == "conflict_resolved"


def test_an_foi_bound_backs_the_exact_value_it_allows(reference):
    rows = [claim(reference, "foi-gwent", *KEY, 300, "more_than", source_type="foi_table"),
            claim(reference, "article-a", *KEY, 314), claim(reference, "article-b", *KEY, 290)]
    row = observation(run(reference, rows), *KEY)
    assert row["value"] == 314 and row["status"] == "conflict_resolved" and "FOI" in row["note"]


def test_a_later_publication_outranks_an_earlier_one_when_dates_are_known(reference):
    rows = [claim(reference, "bbc-2016", *KEY, 389), claim(reference, "echo-2017", *KEY, 706)]
    result = run(reference, rows, published={"bbc-2016": "2016-03-08", "echo-2017": "2017-03-23"})
    row = observation(result, *KEY)
    assert row["value"] == 706 and row["status"] == "conflict_resolved"
    assert "later publication (2017-03-23)" in row["note"] and "389 (bbc-2016)" in row["note"]


def test_dates_decide_only_when_every_candidate_has_one(reference):
    rows = [claim(reference, "dated", *KEY, 389), claim(reference, "undated-a", *KEY, 706), claim(reference, "undated-b", *KEY, 706)]
    row = observation(run(reference, rows, published={"dated": "2020-01-01"}), *KEY)
    assert row["value"] == 706 and "more independent sources state it (2 against 1)" in row["note"]


def test_more_independent_sources_outrank_fewer(reference):
    rows = [claim(reference, "bbc", *KEY, 389), claim(reference, "echo", *KEY, 706), claim(reference, "feeds", *KEY, 706),
            claim(reference, "bbc", *KEY, 389)]  # the same source twice is still one source
    result = run(reference, rows)
    row = observation(result, *KEY)
    assert row["value"] == 706 and row["status"] == "conflict_resolved" and row["n_sources"] == 2
    assert "(2 against 1)" in row["note"]


def test_with_no_basis_to_choose_the_observation_is_a_conflict_with_the_fallback_and_every_value(reference):
    rows = [claim(reference, "irishnews", *KEY, 45456), claim(reference, "tdi", *KEY, 47008)]
    result = run(reference, rows)
    row = observation(result, *KEY)
    assert row["status"] == "conflict" and row["value"] == 45456  # the smallest of the exact values
    assert "45456 (irishnews)" in row["note"] and "47008 (tdi)" in row["note"] and "fallback" in row["note"]
    assert set(result.claims["check"]) == {"mismatch"}  # no value is vouched for
    assert result.claims.set_index("value")["used"].to_dict() == {45456: True, 47008: False}
    assert "unresolved" in quality(result, "conflict", *KEY)["detail"].iloc[0]
    assert result.problems == []  # a conflict is reported, it does not block the release


def test_the_fallback_prefers_an_exact_value_to_a_hedged_one(reference):
    rows = [claim(reference, "a", *KEY, 100, "approximately"), claim(reference, "b", *KEY, 300)]
    row = observation(run(reference, rows), *KEY)
    assert row["status"] == "conflict" and row["value"] == 300 and row["qualifier"] == "exact"


def test_two_foi_tables_disagreeing_are_decided_by_date_and_the_note_names_both_rules(reference):
    rows = [claim(reference, "foi-2017", *KEY, 314, source_type="foi_table"), claim(reference, "foi-2019", *KEY, 320, source_type="foi_table"),
            claim(reference, "article", *KEY, 290)]
    row = observation(run(reference, rows, published={"foi-2017": "2017-06-01", "foi-2019": "2019-06-01"}), *KEY)
    assert row["value"] == 320 and row["status"] == "conflict_resolved"
    assert "FOI response outranks" in row["note"] and "later publication (2019-06-01)" in row["note"]


def test_policy_rules_are_applied_in_the_documented_order():
    assert policy.POLICY == (policy.prefer_foi_table, policy.prefer_later_publication, policy.prefer_more_sources)
