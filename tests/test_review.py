"""Review decisions (data/raw/review/decisions.csv): each kind's effect on claims, and validation.

Claims here are built by hand (or read from an invented article) so the tests hold whatever the
extractor learns; tests/test_review_release.py runs decisions through a real Dagster run.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from conftest import FIXTURES, add_article
from pipeline import problems as P
from pipeline.extract import extract_claims
from pipeline.ingest.common import CLAIM_COLUMNS, claim_row, frame
from pipeline.ingest.quotes import locate, split_quote
from pipeline.ingest.review import COLUMNS, apply_review
from pipeline.paths import ProjectPaths

HEADER = ",".join(COLUMNS)
TEXT = (
    "Kent Police recorded 1,200 child sex offences in 2016/17.\n\n"
    "In Essex the figure was 3,100, while one in 20 offences had an online element.\n\n"
    "A further 1,120 were recorded by Norfolk Police - 1,120 more than in 2011/12.\n"
)
SOURCE = "art-1"


def span_of(text: str, quote: str, occurrence: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(quote, start + 1)
    return start, start + len(quote)


def article_claim(reference, quote: str, occurrence: int = 0, **fields) -> dict:
    start, end = span_of(TEXT, quote, occurrence)
    row = dict(area_id="kent", period="2016/17", metric="offences", value=1200.0, qualifier="exact", status="ok", rule="count:noun")
    row.update(fields)
    return claim_row(reference, claim_id=f"{SOURCE}:{start}-{end}", source_id=SOURCE, source_type="article",
                     evidence="a sentence", locator=f"{start}-{end}", **row)


@pytest.fixture
def claims(reference) -> pd.DataFrame:
    rows = [
        article_claim(reference, "1,200"),
        article_claim(reference, "3,100", area_id="essex", value=3100.0, status="needs_review", note="3100 is implausible for essex"),
        claim_row(reference, claim_id="web-1:gwent:2016/17:offences", source_id="web-1", source_type="compilation",
                  area_id="gwent", period="2016/17", metric="offences", value=314.0, qualifier="exact",
                  evidence="Gwent 2016/17 offences = 314", locator="curated/x.csv:2:value", rule="compilation:x"),
        claim_row(reference, claim_id="foi-1:gwent:2016/17:offences_victim_under_1", source_id="foi-1", source_type="foi_table",
                  area_id="gwent", period="2016/17", metric="offences_victim_under_1", value=None, qualifier="exact",
                  evidence="<5", locator="foi/foi-1.csv:3:value", rule="foi:long", status="suppressed", note="suppressed"),
    ]
    return frame(rows, CLAIM_COLUMNS)


def review(tmp_path, reference, claims, *rows: str, header: str = HEADER, texts=None):
    paths = ProjectPaths.under(tmp_path)
    paths.review.mkdir(parents=True, exist_ok=True)
    (paths.review / "decisions.csv").write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    reviewed, problems = apply_review(claims, paths, reference, {SOURCE: TEXT} if texts is None else texts)
    return reviewed, problems


def by_id(claims: pd.DataFrame, claim_id: str) -> dict:
    rows = claims[claims["claim_id"] == claim_id].to_dict("records")
    assert len(rows) == 1, f"{claim_id}: {len(rows)} rows"
    return rows[0]


def only_problems(problems, severity=P.ERROR):
    return [p for p in problems if p.severity == severity]


def cid(quote: str, occurrence: int = 0) -> str:
    start, end = span_of(TEXT, quote, occurrence)
    return f"{SOURCE}:{start}-{end}"


# ---- what each decision does ---------------------------------------------------------------


def test_no_decisions_file_or_a_header_only_file_changes_nothing(tmp_path, reference, claims):
    reviewed, problems = apply_review(claims, ProjectPaths.under(tmp_path), reference, {SOURCE: TEXT})
    assert reviewed is claims and problems == []
    reviewed, problems = review(tmp_path, reference, claims)
    assert problems == []
    pd.testing.assert_frame_equal(reviewed, claims)


def test_accept_makes_a_needs_review_claim_usable_and_says_who_and_why(tmp_path, reference, claims):
    reviewed, problems = review(tmp_path, reference, claims, f"{cid('3,100')},,accept,,,,,,,Checked against the FOI answer,Ann Lee,2024-05-01")
    assert problems == []
    claim = by_id(reviewed, cid("3,100"))
    assert claim["status"] == "ok"
    assert claim["rule"] == "count:noun; review:accept"
    assert claim["note"] == "3100 is implausible for essex; accepted by Ann Lee on 2024-05-01: Checked against the FOI answer"
    assert (claim["area_id"], claim["value"]) == ("essex", 3100.0)


def test_reject_keeps_the_claim_for_the_audit_trail_with_status_rejected(tmp_path, reference, claims):
    reviewed, problems = review(tmp_path, reference, claims, f"{cid('1,200')},,reject,,,,,,,Counts all ages,Ann Lee,")
    assert problems == []
    claim = by_id(reviewed, cid("1,200"))
    assert claim["status"] == "rejected" and claim["rule"].endswith("; review:reject")
    assert claim["note"] == "rejected by Ann Lee: Counts all ages"
    assert len(reviewed) == len(claims)


def test_reject_works_on_table_claims_too(tmp_path, reference, claims):
    reviewed, problems = review(tmp_path, reference, claims, "web-1:gwent:2016/17:offences,,reject,,,,,,,Mistyped from the page,Ann Lee,")
    assert problems == []
    assert by_id(reviewed, "web-1:gwent:2016/17:offences")["status"] == "rejected"


def test_correct_changes_only_the_fields_given_and_records_old_and_new(tmp_path, reference, claims):
    reviewed, problems = review(tmp_path, reference, claims, f"{cid('3,100')},,correct,Suffolk,2015-16,,,approximately,,The sentence is about Suffolk last year,Ann Lee,2024-05-02")
    assert problems == []
    claim = by_id(reviewed, cid("3,100"))
    assert (claim["area_id"], claim["period"], claim["metric"], claim["value"], claim["qualifier"]) == ("suffolk", "2015/16", "offences", 3100.0, "approximately")
    assert claim["status"] == "ok" and claim["rule"] == "count:noun; review:correct"
    assert "corrected by Ann Lee on 2024-05-02 (area_id essex -> suffolk, period 2016/17 -> 2015/16, qualifier exact -> approximately): The sentence is about Suffolk last year" in claim["note"]
    assert claim["claim_id"] == cid("3,100"), "a correction never re-keys the claim"


def test_a_corrected_metric_brings_its_unit(tmp_path, reference, claims):
    reviewed, problems = review(tmp_path, reference, claims, f"{cid('1,200')},,correct,,,offences_online_flagged_share,0.05,,,Misread share,Ann Lee,")
    assert problems == []
    claim = by_id(reviewed, cid("1,200"))
    assert (claim["metric"], claim["value"], claim["unit"]) == ("offences_online_flagged_share", 0.05, "proportion")
    assert "metric offences -> offences_online_flagged_share, value 1200 -> 0.05" in claim["note"]


def test_add_creates_an_article_claim_keyed_by_the_numbers_offsets(tmp_path, reference, claims):
    reviewed, problems = review(tmp_path, reference, claims, f",{SOURCE},add,essex,2016/17,offences_online_flagged_share,0.05,,one in 20,The extractor missed the share,Bo Diaz,2024-05-03")
    assert problems == []
    start, end = span_of(TEXT, "one in 20")
    claim = by_id(reviewed, f"{SOURCE}:{start}-{end}")
    assert claim["locator"] == f"{start}-{end}" and TEXT[start:end] == "one in 20"
    assert (claim["source_id"], claim["source_type"], claim["rule"], claim["status"]) == (SOURCE, "article", "review:add", "ok")
    assert (claim["area_id"], claim["period"], claim["metric"], claim["value"], claim["unit"], claim["qualifier"]) == (
        "essex", "2016/17", "offences_online_flagged_share", 0.05, "proportion", "exact")
    assert claim["evidence"] == "In Essex the figure was 3,100, while one in 20 offences had an online element."
    assert claim["note"] == "added by Bo Diaz on 2024-05-03: The extractor missed the share"
    assert len(reviewed) == len(claims) + 1


def test_add_quotes_a_repeated_number_with_words_around_it_and_brackets_on_the_number(tmp_path, reference, claims):
    row = f',{SOURCE},add,Norfolk,2016/17,offences,1120,,"Norfolk Police - [1,120]",The list entry for Norfolk,Bo Diaz,'
    reviewed, problems = review(tmp_path, reference, claims, row)
    assert problems == []
    start, end = span_of(TEXT, "1,120", occurrence=1)
    claim = by_id(reviewed, f"{SOURCE}:{start}-{end}")
    assert claim["locator"] == f"{start}-{end}" and TEXT[start:end] == "1,120"
    assert claim["value"] == 1120.0 and claim["area_id"] == "norfolk"


def test_an_add_the_extractor_later_reads_itself_keeps_its_id_and_the_reviewers_fields(tmp_path, reference, claims):
    """Re-extraction by a better extractor: the same number gets the same claim_id, so the add meets
    it; the reviewer's reading wins and a warning says the add can now become a correct or go."""
    share = article_claim(reference, "one in 20", area_id="essex", metric="offences_online_flagged_share", value=0.5, rule="share:words")
    improved = pd.concat([claims, frame([share], CLAIM_COLUMNS)], ignore_index=True)
    reviewed, problems = review(tmp_path, reference, improved, f",{SOURCE},add,essex,2016/17,offences_online_flagged_share,0.05,,one in 20,The extractor missed the share,Bo Diaz,")
    assert only_problems(problems) == []
    [warning] = only_problems(problems, P.WARNING)
    assert warning.row == 2 and warning.column == "evidence"
    assert f"the extractor now reads this number too, as claim {cid('one in 20')}" in warning.reason
    assert "make it a correct decision" in warning.reason
    claim = by_id(reviewed, cid("one in 20"))
    assert claim["value"] == 0.05 and claim["status"] == "ok"
    assert claim["rule"] == "share:words; review:add"
    assert len(reviewed) == len(improved)


def test_an_add_the_extractor_reads_the_same_way_is_reported_as_no_longer_needed(tmp_path, reference, claims):
    share = article_claim(reference, "one in 20", area_id="essex", metric="offences_online_flagged_share", value=0.05)
    improved = pd.concat([claims, frame([share], CLAIM_COLUMNS)], ignore_index=True)
    reviewed, problems = review(tmp_path, reference, improved, f",{SOURCE},add,essex,2016/17,offences_online_flagged_share,0.05,,one in 20,Missed,Bo Diaz,")
    assert [p.reason for p in problems] == [f"the extractor now reads this number the same way, as claim {cid('one in 20')}: this add is no longer needed; delete it"]
    assert by_id(reviewed, cid("one in 20"))["status"] == "ok"


def test_an_extracted_claim_on_the_added_words_gives_way_to_the_add(tmp_path, reference, claims):
    """The extractor reads "20" of "one in 20" (a different span over the same words): one reading per number."""
    end = span_of(TEXT, "one in 20")[1]
    start = end - 2
    overlapping = claim_row(reference, claim_id=f"{SOURCE}:{start}-{end}", source_id=SOURCE, source_type="article", area_id="essex",
                            period="2016/17", metric="offences", value=20.0, qualifier="exact", evidence="s", locator=f"{start}-{end}", rule="count")
    extracted = pd.concat([claims, frame([overlapping], CLAIM_COLUMNS)], ignore_index=True)
    reviewed, problems = review(tmp_path, reference, extracted, f",{SOURCE},add,essex,2016/17,offences_online_flagged_share,0.05,,one in 20,Missed,Bo Diaz,")
    assert only_problems(problems) == [] and "is rejected in favour of this add" in problems[0].reason
    loser = by_id(reviewed, f"{SOURCE}:{start}-{end}")
    assert loser["status"] == "rejected" and loser["rule"] == "count; review:superseded"
    assert by_id(reviewed, cid("one in 20"))["status"] == "ok"


def test_decisions_survive_re_extraction_of_the_same_article(tmp_path, reference):
    """claim_id is the number's offsets in the raw text: extracting the same article again gives the
    same ids, so the same decisions apply to the same claims with the same result."""
    text = (FIXTURES / "review" / "review-sample.txt").read_text(encoding="utf-8")
    decisions = (FIXTURES / "review" / "decisions.csv").read_text(encoding="utf-8").splitlines()

    def extracted() -> pd.DataFrame:
        found = extract_claims(text, None)
        return frame([claim_row(reference, claim_id=f"review-sample:{c.start}-{c.end}", source_id="review-sample", source_type="article",
                                area_id=c.area_id, period=c.period, metric=c.metric, value=c.value, qualifier=c.qualifier,
                                evidence=c.evidence, locator=f"{c.start}-{c.end}", rule=c.rule, status=c.status, note=c.note)
                      for c in found.claims], CLAIM_COLUMNS)

    first, second = extracted(), extracted()
    assert list(first["claim_id"]) == list(second["claim_id"])
    for quote in ("20,000", "1,234", "987"):
        start, end = span_of(text, quote)
        assert f"review-sample:{start}-{end}" in set(first["claim_id"]), f"the extractor no longer reads {quote}: update this test's article"
    texts = {"review-sample": text}
    one, problems_one = review(tmp_path / "a", reference, first, *decisions[1:], header=decisions[0], texts=texts)
    two, problems_two = review(tmp_path / "b", reference, second, *decisions[1:], header=decisions[0], texts=texts)
    assert only_problems(problems_one) == [] and problems_one == problems_two
    pd.testing.assert_frame_equal(one, two)
    assert sorted(one["rule"].str.extract(r"review:(\w+)")[0].dropna()) == ["accept", "add", "correct", "reject"]


# ---- validation: every problem at once, each with file, line, column and value ----------------


def problem_at(problems, row: int, column: str) -> P.Problem:
    found = [p for p in problems if p.row == row and p.column == column]
    assert found, f"no problem at line {row}, column {column}: {[str(p) for p in problems]}"
    return found[0]


def test_a_file_with_errors_is_left_out_whole_and_every_error_is_reported(tmp_path, reference, claims):
    reviewed, problems = review(
        tmp_path, reference, claims,
        f"{cid('1,200')},,reject,,,,,,,Counts all ages,Ann Lee,",  # valid, but not applied: the file has errors
        f"{cid('3,100')},,approve,,,,,,,Looks right,Ann Lee,",
        f"{cid('3,100')},,accept,,,,,,,,,",
        f"{SOURCE}:0-4,,reject,,,,,,,Gone,Ann Lee,",
    )
    pd.testing.assert_frame_equal(reviewed, claims)
    assert problem_at(problems, 3, "decision").value == "approve"
    assert "unknown decision" in problem_at(problems, 3, "decision").reason
    assert "reason is empty" in problem_at(problems, 4, "reason").reason
    assert "reviewer is empty" in problem_at(problems, 4, "reviewer").reason
    stale = problem_at(problems, 5, "claim_id")
    assert stale.severity == P.ERROR and stale.value == f"{SOURCE}:0-4" and stale.file == "review/decisions.csv"
    assert problems[-1] == P.error("review/decisions.csv", "this file is left out of the run because of the errors reported for it (none of its decisions was applied); fix them and rerun")
    assert str(stale).startswith("error: review/decisions.csv:5:claim_id: no claim has this id: ")


def test_a_stale_claim_id_names_the_claim_now_reading_those_characters(tmp_path, reference, claims):
    start, end = span_of(TEXT, "1,200")
    _, problems = review(tmp_path, reference, claims, f"{SOURCE}:{start - 5}-{end},,reject,,,,,,,Wrong,Ann Lee,")
    reason = problem_at(problems, 2, "claim_id").reason
    assert f"the extractor now reads the number at these characters as {cid('1,200')} (kent 2016/17 offences 1200 exact, status ok); decide on that claim instead" in reason


def test_a_claim_id_no_source_states(tmp_path, reference, claims):
    _, problems = review(tmp_path, reference, claims, "nope:1-2,,reject,,,,,,,Wrong,Ann Lee,", "web-1:kent:2016/17:offences,,reject,,,,,,,Wrong,Ann Lee,")
    assert "no source nope was read" in problem_at(problems, 2, "claim_id").reason
    assert "source web-1 states no such claim now" in problem_at(problems, 3, "claim_id").reason


def test_two_decisions_on_one_claim(tmp_path, reference, claims):
    _, problems = review(tmp_path, reference, claims, f"{cid('1,200')},,reject,,,,,,,Wrong,Ann Lee,", f"{cid('1,200')},,accept,,,,,,,Right,Bo Diaz,")
    duplicate = problem_at(problems, 3, "claim_id")
    assert duplicate.reason == f"a second decision on claim {cid('1,200')} (the first is on line 2): one decision per claim"


def test_an_add_of_a_number_another_line_decides_on_is_a_duplicate(tmp_path, reference, claims):
    _, problems = review(tmp_path, reference, claims, f"{cid('1,200')},,reject,,,,,,,Wrong,Ann Lee,", f",{SOURCE},add,Kent,2016/17,offences,1200,,\"1,200\",Again,Bo Diaz,")
    assert "a second decision on claim" in problem_at(problems, 3, "evidence").reason


@pytest.mark.parametrize("column, cell, words", [
    ("area_id", "Atlantis", "unknown area 'Atlantis'"),
    ("period", "2016", "period '2016' is not a financial year"),
    ("metric", "arrests", "unknown metric 'arrests'"),
    ("value", "12a", "'12a' is not a number"),
    ("qualifier", "roughly", "unknown qualifier 'roughly'"),
])
def test_unknown_fields_are_reported_like_any_tables(tmp_path, reference, claims, column, cell, words):
    fields = dict(area_id="", period="", metric="", value="", qualifier="")
    fields[column] = cell
    row = f"{cid('1,200')},,correct,{fields['area_id']},{fields['period']},{fields['metric']},{fields['value']},{fields['qualifier']},,Fix,Ann Lee,"
    _, problems = review(tmp_path, reference, claims, row)
    problem = problem_at(problems, 2, column)
    assert words in problem.reason and problem.value == cell and problem.severity == P.ERROR


@pytest.mark.parametrize("row, column, words", [
    ("{c},,correct,,,,-5,,,Fix,Ann Lee,", "value", "negative count -5 for offences"),
    ("{c},,correct,,,offences_online_flagged_share,,,,Fix,Ann Lee,", "metric", "1200 is outside the range of proportion (from 0 to 1)"),
    (f",{SOURCE},add,Essex,2016/17,offences_online_flagged_share,5,,one in 20,Missed,Ann Lee,", "value", "5 is outside the range of proportion (from 0 to 1)"),
])
def test_a_value_outside_its_units_range(tmp_path, reference, claims, row, column, words):
    _, problems = review(tmp_path, reference, claims, row.replace("{c}", cid("1,200")))
    assert words in problem_at(problems, 2, column).reason


def test_a_correct_without_fields_and_a_bad_date(tmp_path, reference, claims):
    _, problems = review(tmp_path, reference, claims, f"{cid('1,200')},,correct,,,,,,,Fix,Ann Lee,1/5/2024")
    assert "a correct gives the fields that change" in problem_at(problems, 2, "decision").reason
    assert problem_at(problems, 2, "decided").reason == "decided is not an ISO date (YYYY-MM-DD)"


def test_an_accept_whose_claim_now_reads_differently_is_an_error(tmp_path, reference, claims):
    """Fields given on an accept or reject say what the reviewer saw; a changed extraction is caught."""
    _, problems = review(tmp_path, reference, claims, f"{cid('3,100')},,accept,Kent,,,3100,,,Right,Ann Lee,")
    problem = problem_at(problems, 2, "area_id")
    assert problem.reason.startswith("the claim now reads area_id essex, not kent: it changed since the decision was made")
    assert not [p for p in problems if p.column == "value"]


def test_accepting_a_claim_without_a_value(tmp_path, reference, claims):
    _, problems = review(tmp_path, reference, claims, "foi-1:gwent:2016/17:offences_victim_under_1,,accept,,,,,,,Right,Ann Lee,")
    assert "has no value to accept (status suppressed)" in problem_at(problems, 2, "decision").reason


def test_a_correct_that_changes_nothing_is_a_warning(tmp_path, reference, claims):
    reviewed, problems = review(tmp_path, reference, claims, f"{cid('1,200')},,correct,Kent,,,1200,,,Fix,Ann Lee,")
    assert [p.severity for p in problems] == [P.WARNING] and "changes nothing" in problems[0].reason
    assert by_id(reviewed, cid("1,200"))["rule"].endswith("review:correct")


@pytest.mark.parametrize("source, evidence, column, words", [
    ("nowhere", "3,100", "source_id", "no article has this source_id"),
    ("web-1", "3,100", "source_id", "source web-1 is a compilation, not an article"),
    (SOURCE, "3,101", "evidence", "in article art-1, the quote is not found: copy the number exactly"),
    (SOURCE, "ONE IN 20", "evidence", "appears with different capitals, spacing or punctuation"),
    (SOURCE, "1,120", "evidence", "the quote occurs 2 times (characters "),
    (SOURCE, "201", "evidence", "the quote occurs only as part of a longer number or word"),
    (SOURCE, "[Norfolk] Police - [1,120]", "evidence", "exactly one pair of square brackets"),
])
def test_an_add_whose_quote_cannot_be_placed(tmp_path, reference, claims, source, evidence, column, words):
    _, problems = review(tmp_path, reference, claims, f',{source},add,Essex,2016/17,offences,10,,"{evidence}",Missed,Ann Lee,')
    problem = problem_at(problems, 2, column)
    assert words in problem.reason and problem.severity == P.ERROR
    assert problem.value == (source if column == "source_id" else evidence)


def test_an_add_needs_its_fields_and_a_given_claim_id_must_be_its_own(tmp_path, reference, claims):
    _, problems = review(tmp_path, reference, claims, f",{SOURCE},add,,,,,,,Missed,Ann Lee,", f"{SOURCE}:1-2,{SOURCE},add,Essex,2016/17,offences,3100,,\"3,100\",Missed,Ann Lee,")
    assert {p.column for p in problems if p.row == 2} == {"evidence", "area_id", "period", "metric", "value"}
    assert f"so the added claim's id is {cid('3,100')}" in problem_at(problems, 3, "claim_id").reason


def test_an_add_over_words_another_decision_vouches_for(tmp_path, reference, claims):
    _, problems = review(tmp_path, reference, claims, f"{cid('3,100')},,accept,,,,,,,Right,Ann Lee,", f',{SOURCE},add,Essex,2016/17,offences,3100,,"[figure was 3,100]",Missed,Ann Lee,')
    assert "which line 2 decides to accept: two readings of the same words" in problem_at(problems, 3, "evidence").reason


def test_a_file_missing_a_required_column_and_stray_files(tmp_path, reference, claims):
    (tmp_path / "data" / "raw" / "review").mkdir(parents=True)
    (tmp_path / "data" / "raw" / "review" / "more-decisions.csv").write_text(HEADER + "\n")
    _, problems = review(tmp_path, reference, claims, f"{cid('1,200')},reject", header="claim_id,decision")
    assert P.warning("review/more-decisions.csv", "is not read: review decisions go in review/decisions.csv") in problems
    assert any(p.severity == P.ERROR and p.row == 1 and "missing column(s) reason, reviewer" in p.reason for p in problems)


def test_decision_words_are_not_case_sensitive_and_evidence_on_a_reject_is_only_a_warning(tmp_path, reference, claims):
    reviewed, problems = review(tmp_path, reference, claims, f"{cid('1,200')},,Reject,,,,,,\"1,200\",Wrong,Ann Lee,")
    assert [(p.severity, p.column) for p in problems] == [(P.WARNING, "evidence")]
    assert by_id(reviewed, cid("1,200"))["status"] == "rejected"
    assert not math.isnan(by_id(reviewed, cid("1,200"))["value"])


# ---- `python -m pipeline check` --------------------------------------------------------------


@pytest.fixture
def sample_project(project) -> ProjectPaths:
    """The repo's data plus the invented article the fixture decisions are about."""
    add_article(project, "review-sample", (FIXTURES / "review" / "review-sample.txt").read_bytes(),
                title="Invented article for the review tests", published="2011-09-01")
    (project.review / "decisions.csv").write_bytes((FIXTURES / "review" / "decisions.csv").read_bytes())
    return project


def test_check_passes_valid_decisions(sample_project, run_check):
    status, lines = run_check(sample_project.root)
    assert status == 0 and len(lines) == 1 and lines[0].endswith(": no problems found"), lines


def test_check_lists_every_error_in_the_decisions_and_exits_1(sample_project, run_check):
    with open(sample_project.review / "decisions.csv", "a", encoding="utf-8") as handle:
        handle.write("review-sample:1-3,,reject,,,,,,,Wrong,C. Reviewer,\n")
        handle.write(",review-sample,add,Suffolk,2010/11,offences,600,,2010/11,Missed,,\n")
    status, lines = run_check(sample_project.root)
    assert status == 1
    assert lines == [
        "error: review/decisions.csv: this file is left out of the run because of the errors reported for it (none of its decisions was applied); fix them and rerun",
        "error: review/decisions.csv:6:claim_id: no claim has this id: the extractor no longer reads a number at characters 1-3 of review-sample: "
        "if it states a claim, add it; otherwise delete this decision (value 'review-sample:1-3')",
        "error: review/decisions.csv:7:evidence: in article review-sample, the quote occurs 3 times (characters 104-111, 165-172, 248-255): "
        "quote more words around the number and mark the number with square brackets, e.g. 'recorded [1,120] offences' (value '2010/11')",
        "error: review/decisions.csv:7:reviewer: reviewer is empty: every decision says why and who decided",
        "checked 8 files: 4 errors, 0 warnings",  # 4 articles and their sources.csv, a compilation, the FOI sources.csv, the decisions
    ]


def test_check_of_the_decisions_file_alone(sample_project, run_check):
    (sample_project.review / "decisions.csv").write_text(HEADER + "\nnope:1-2,,reject,,,,,,,Wrong,Ann Lee,\n", encoding="utf-8")
    status, lines = run_check(sample_project.root, sample_project.review / "decisions.csv")
    assert status == 1 and lines[-1] == "checked 1 file: 2 errors, 0 warnings"
    assert lines[1].startswith("error: review/decisions.csv:2:claim_id: no claim has this id: no source nope was read")


def test_a_file_in_a_folder_named_review_is_only_taken_for_decisions_if_it_is_a_csv(run_check, project, tmp_path):
    (tmp_path / "review").mkdir()
    (tmp_path / "review" / "notes.md").write_text("# notes\n")
    status, lines = run_check(project.root, tmp_path / "review" / "notes.md")
    assert status == 1 and "cannot tell what kind of raw input this is" in lines[0]


def test_the_readme_example_is_the_fixture():
    readme = (FIXTURES.parent.parent / "README.md").read_text(encoding="utf-8")
    for line in (FIXTURES / "review" / "decisions.csv").read_text(encoding="utf-8").splitlines():
        assert f"    {line}\n" in readme, line


# ---- quotes: never raise, and a placed number is exactly the quoted one ----------------------

_TEXTS = st.text(alphabet=st.sampled_from(list("0123456789,. -[]abcAB\n")), max_size=60)


@settings(max_examples=300, deadline=None)
@given(text=_TEXTS, quote=_TEXTS)
def test_locating_any_quote_in_any_text_never_raises_and_gives_the_quoted_number(text, quote):
    span, reason = locate(text, quote)
    assert (span is None) != (reason is None)
    if span is not None:
        plain, start, end = split_quote(quote)
        assert text[span[0]:span[1]] == plain[start:end]
        assert text[span[0] - start:span[0] - start + len(plain)] == plain
