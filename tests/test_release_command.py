"""The summary `python -m pipeline release` prints, from what a run produced."""

from __future__ import annotations

from pathlib import Path

from pipeline import problems as P
from pipeline.release.command import RunSummary, render
from pipeline.release.publish import IDENTICAL, WRITTEN, PublishOutcome


def outcome(status: str, root: Path) -> PublishOutcome:
    return PublishOutcome("1.2.0", root / "data" / "processed" / "releases" / "1.2.0", status, {"observations": 5, "claims": 9}, [])


def test_summary_of_a_published_release(tmp_path):
    summary = RunSummary("run-1", True, rows={"observations": 5, "claims": 9}, outcome=outcome(WRITTEN, tmp_path),
                         problems=[P.warning("articles/a.txt", "no claims were found in this article")],
                         quality={"ok": 3, "warning": 1})
    text = render(summary, tmp_path)
    assert text.splitlines() == [
        "Dagster run run-1 (succeeded)",
        "rows: observations 5, claims 9",
        "quality report: 4 checks (3 ok, 1 warning); see quality.csv",
        "1 warning(s):",
        "  warning: articles/a.txt: no claims were found in this article",
        "release 1.2.0 written to data/processed/releases/1.2.0",
    ]
    assert summary.exit_code == 0


def test_summary_of_an_identical_rebuild(tmp_path):
    summary = RunSummary("run-2", True, outcome=outcome(IDENTICAL, tmp_path))
    assert "release 1.2.0 already exists at data/processed/releases/1.2.0 and is identical; nothing to do" in render(summary, tmp_path)
    assert summary.exit_code == 0


def test_summary_when_no_release_is_written(tmp_path):
    summary = RunSummary(
        "run-3", False,
        problems=[P.error("foi/x.csv", "unknown area 'Atlantis'", row=3, column="area")],
        failed_checks=["inputs_valid on observations: 1 errors in the raw inputs"],
        failures=["release: release 1.2.0 already exists ...\n  - claims.csv: 1 row changed"],
    )
    lines = render(summary, tmp_path).splitlines()
    assert "  error: foi/x.csv:3:area: unknown area 'Atlantis'" in lines
    assert lines[lines.index("no release written:") + 1] == "  a blocking check failed (see above), so the release step did not run"
    assert "      - claims.csv: 1 row changed" in lines
    assert summary.exit_code == 1
