"""Review decisions through real Dagster runs: how they change the release, and how errors in them
block it. The runs use a copy of the repo's data plus an invented article
(tests/fixtures/review/review-sample.txt) and decisions about it (tests/fixtures/review/decisions.csv)."""

from __future__ import annotations

from pathlib import Path

import dagster as dg
import pytest

from conftest import FIXTURES, add_article, copy_project, read_rows
from pipeline.paths import ProjectPaths
from pipeline_runs import VERSION_FOLDER, Run

SAMPLE = FIXTURES / "review" / "review-sample.txt"
DECISIONS = FIXTURES / "review" / "decisions.csv"
TEXT = SAMPLE.read_text(encoding="utf-8")
SAMPLE_TITLE, SAMPLE_PUBLISHED = "Invented article for the review tests", "2011-09-01"


def claim_id(quote: str) -> str:
    start = TEXT.index(quote)
    return f"review-sample:{start}-{start + len(quote)}"


def project_with_sample(root: Path, decisions: str) -> ProjectPaths:
    paths = copy_project(root)
    add_article(paths, "review-sample", SAMPLE.read_bytes(), title=SAMPLE_TITLE, published=SAMPLE_PUBLISHED)
    paths.review.mkdir(exist_ok=True)
    (paths.review / "decisions.csv").write_text(decisions, encoding="utf-8")
    return paths


def observation(rows: list[dict], area_id: str, period: str = "2010/11", metric: str = "offences") -> dict | None:
    found = [r for r in rows if (r["area_id"], r["period"], r["metric"]) == (area_id, period, metric)]
    return found[0] if found else None


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory) -> Run:
    root = tmp_path_factory.mktemp("reviewed")
    return Run(project_with_sample(root / "project", DECISIONS.read_text(encoding="utf-8")), root / "dagster_home")


@pytest.fixture(scope="module")
def release(reviewed) -> dict[str, list[dict]]:
    assert reviewed.exit_code == 0, reviewed.output
    folder = reviewed.paths.releases / VERSION_FOLDER
    return {table: read_rows(folder / f"{table}.csv") for table in ("claims", "observations", "sources")}


def claim(release, claim_id: str) -> dict:
    [row] = [r for r in release["claims"] if r["claim_id"] == claim_id]
    return row


def test_a_rejected_claim_stays_in_claims_unused_and_feeds_no_observation(release):
    rejected = claim(release, claim_id("1,234"))
    assert (rejected["status"], rejected["used"]) == ("rejected", "false")
    assert rejected["rule"].endswith("; review:reject")
    assert rejected["note"].startswith("rejected by A. Reviewer on 2024-05-01: ")
    assert observation(release["observations"], "dorset") is None


def test_a_corrected_value_reaches_observations(release):
    corrected = claim(release, claim_id("987"))
    assert (corrected["value"], corrected["status"], corrected["used"]) == ("978", "ok", "true")
    assert corrected["rule"].endswith("; review:correct") and "(value 987 -> 978)" in corrected["note"]
    published = observation(release["observations"], "lincolnshire")
    assert (published["value"], published["source_ids"]) == ("978", "review-sample")


def test_an_added_claim_has_its_locator_and_feeds_observations(release):
    added = claim(release, claim_id("six hundred"))
    start, end = TEXT.index("six hundred"), TEXT.index("six hundred") + len("six hundred")
    assert added["locator"] == f"{start}-{end}"
    assert "review:add" in added["rule"]  # "review:add" alone, or after the extractor's rule once it reads the number itself
    assert (added["source_type"], added["area_id"], added["value"], added["qualifier"], added["used"]) == ("article", "suffolk", "600", "approximately", "true")
    assert "six hundred" in added["evidence"]
    published = observation(release["observations"], "suffolk")
    assert (published["value"], published["qualifier"], published["source_ids"]) == ("600", "approximately", "review-sample")


def test_an_accepted_needs_review_claim_feeds_observations(release):
    accepted = claim(release, claim_id("20,000"))
    assert (accepted["status"], accepted["used"]) == ("ok", "true")
    assert accepted["rule"].endswith("; review:accept") and "accepted by A. Reviewer on 2024-05-01" in accepted["note"]
    assert observation(release["observations"], "wiltshire")["value"] == "20000"


def test_the_sources_table_counts_every_claim_of_the_reviewed_article(release):
    [source] = [s for s in release["sources"] if s["source_id"] == "review-sample"]
    assert int(source["n_claims"]) == sum(c["source_id"] == "review-sample" for c in release["claims"])


def test_an_error_in_the_decisions_leaves_the_file_out_and_blocks_the_release(tmp_path):
    decisions = DECISIONS.read_text(encoding="utf-8") + f"{claim_id('20,000')},,approve,,,,,,,Looks right,C. Reviewer,\n"
    paths = project_with_sample(tmp_path / "project", decisions)
    run = Run(paths, tmp_path / "home")

    assert run.exit_code == 1 and run.record.status == dg.DagsterRunStatus.FAILURE
    assert "error: review/decisions.csv:6:decision: unknown decision: write accept, reject, correct or add (value 'approve')" in run.output
    assert "inputs_valid on observations" in run.output and "no release written" in run.output
    assert not paths.releases.exists() or not any(paths.releases.iterdir())
    # claims and observations were still built, without any of the file's decisions
    observations = run.stored("observations").observations.to_dict("records")
    assert observation(observations, "dorset")["value"] == 1234
    assert observation(observations, "lincolnshire")["value"] == 987
    assert observation(observations, "wiltshire") is None, "a needs_review claim stays out until the decisions are fixed"
    assert observation(observations, "suffolk") is None


def test_the_claims_asset_counts_the_decisions_applied(reviewed):
    counts = reviewed.materialization_metadata("claims")["review_decisions"].value
    assert counts == {"accept": 1, "reject": 1, "correct": 1, "add": 1, "superseded": 0}
