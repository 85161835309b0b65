"""The corpus scoring (benchmarks/scoring.py) on small made-up inputs."""

from __future__ import annotations

import pytest

import benchmarks.extraction_quality as quality
from benchmarks.corpus import Article
from benchmarks.scoring import Fact, score, tolerances_for_units
from pipeline.extract import ExtractedClaim, Extraction

UNITS = {
    "offences": "count",
    "offences_change_pct": "percent",
    "offences_online_flagged_share": "proportion",
    "offences_per_day": "per_day",
}
TOL = tolerances_for_units(UNITS)


def fact(metric="offences", value=314.0, qualifier="exact", area="gwent", period="2016/17", article="a1", **kw):
    return Fact(article, area, period, metric, value, qualifier, **kw)


def test_an_exact_match_is_a_true_positive():
    result = score([fact()], [fact(evidence="There were 314 recorded cases in Gwent.", rule="count")], TOL)
    assert result.overall.true_positives == 1
    assert result.overall.precision == 1.0 and result.overall.recall == 1.0 and result.overall.f1 == 1.0
    assert result.missed == [] and result.false == []


@pytest.mark.parametrize(
    "metric, gold, found, matches",
    [
        ("offences_online_flagged_share", 0.3333, 1 / 3, True),
        ("offences_online_flagged_share", 0.3333, 0.34, False),
        ("offences_per_day", 205.71, 1440 / 7, True),
        ("offences_per_day", 205.71, 205.8, False),
        ("offences_change_pct", 33.33, 100 / 3, True),
        ("offences_change_pct", 11, 11.5, False),
        ("offences", 314, 314.0, True),
        ("offences", 314, 315, False),
    ],
)
def test_values_match_within_the_unit_tolerance_only(metric, gold, found, matches):
    result = score([fact(metric, gold)], [fact(metric, found)], TOL)
    assert result.overall.true_positives == (1 if matches else 0)
    assert len(result.missed) == len(result.false) == (0 if matches else 1)


def test_a_qualifier_mismatch_is_both_a_miss_and_a_false_claim():
    result = score([fact(value=300, qualifier="more_than")], [fact(value=300, qualifier="exact")], TOL)
    assert result.overall.true_positives == 0
    assert [f.qualifier for f in result.missed] == ["more_than"]
    assert [f.qualifier for f in result.false] == ["exact"]
    assert result.overall.precision == 0.0 and result.overall.recall == 0.0


@pytest.mark.parametrize("field, other", [("area", "wales"), ("period", "2015/16"), ("article", "a2")])
def test_any_other_key_field_mismatch_is_a_miss_and_a_false_claim(field, other):
    result = score([fact()], [fact(**{field: other})], TOL)
    assert result.overall.true_positives == 0 and len(result.missed) == 1 and len(result.false) == 1


def test_duplicates_are_counted_once_on_both_sides():
    gold = [fact(), fact()]  # headline and body state the same figure
    found = [fact(evidence="headline"), fact(evidence="body"), fact(value=314.0000001)]
    result = score(gold, found, TOL)
    assert (result.overall.n_gold, result.overall.n_predicted, result.overall.true_positives) == (1, 1, 1)
    assert result.matched[0][1].evidence == "headline"  # the first statement is the one kept


def test_two_gold_facts_with_the_same_key_each_need_their_own_extracted_fact():
    # "more than 300" and "314" are two facts only if their qualifiers differ; two exact values for
    # one key (an article correcting itself) are two gold facts, and one extraction matches one.
    gold = [fact(value=314), fact(value=320)]
    result = score(gold, [fact(value=320)], TOL)
    assert result.overall.true_positives == 1
    assert [f.value for f in result.missed] == [314]


def test_scores_per_metric_and_overall():
    gold = [fact(), fact("offences_change_pct", 11), fact("offences_per_day", 4)]
    found = [fact(), fact("offences_change_pct", -11), fact("offences_online_flagged_share", 0.05)]
    result = score(gold, found, TOL, metrics=["offences", "offences_victim_under_1"])
    assert result.by_metric["offences"].precision == 1.0
    assert result.by_metric["offences_change_pct"].precision == 0.0
    assert result.by_metric["offences_per_day"].recall == 0.0
    assert result.by_metric["offences_per_day"].precision is None  # nothing extracted
    assert result.by_metric["offences_online_flagged_share"].recall is None  # nothing in gold
    assert result.by_metric["offences_victim_under_1"].n_gold == 0  # listed though empty
    assert result.overall.precision == pytest.approx(1 / 3)
    assert result.overall.recall == pytest.approx(1 / 3)
    assert result.overall.f1 == pytest.approx(1 / 3)


def test_nothing_extracted_gives_recall_and_f1_zero():
    result = score([fact(), fact("offences_per_day", 4)], [], TOL)
    assert result.overall.recall == 0.0 and result.overall.f1 == 0.0
    assert result.overall.precision is None
    assert len(result.missed) == 2


def test_needs_review_claims_are_kept_out_of_the_score(monkeypatch):
    def fake_extract(text, published=None):
        return Extraction(claims=[
            ExtractedClaim("gwent", "2016/17", "offences", 314, "exact", 0, 3, "314 cases", "count"),
            ExtractedClaim("gwent", "2016/17", "offences", 300, "more_than", 5, 8, "over 300", "count",
                           status="needs_review"),
        ])

    monkeypatch.setattr(quality, "extract_claims", fake_extract)
    run = quality.run_extractor(Article("a1", None, "", "", "text"))
    assert [f.value for f in run.scored] == [314]
    assert [f.value for f in run.needs_review] == [300]
    result = score([fact(), fact(value=300, qualifier="more_than")], run.scored, TOL)
    assert result.overall.n_predicted == 1 and result.overall.true_positives == 1
    assert [f.value for f in result.missed] == [300]


def test_an_extractor_that_raises_is_reported_not_fatal(monkeypatch):
    def broken(text, published=None):
        raise ValueError("boom")

    monkeypatch.setattr(quality, "extract_claims", broken)
    run = quality.run_extractor(Article("a1", None, "", "", "text"))
    assert run.crash and "boom" in run.crash and run.scored == []
