"""End to end: real Dagster runs of every asset, on a copy of the repo's data, into a temporary
DAGSTER_HOME (configured by the repo's dagster.yaml) and a temporary output folder."""

from __future__ import annotations

import hashlib
import logging
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest

from conftest import FIXTURES, REPO, add_article, copy_project, read_rows
from pipeline.financial_year import parse_financial_year
from pipeline.ingest import articles
from pipeline.ingest.compilation import source_id_for_url
from pipeline.paths import ProjectPaths
from pipeline_runs import VERSION_FOLDER, Run


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Run:
    root = tmp_path_factory.mktemp("built")
    return Run(copy_project(root / "project"), root / "dagster_home")


def test_release_is_written_by_a_recorded_dagster_run(built):
    assert built.exit_code == 0, built.output
    assert "release 1.0.0 written to" in built.output
    assert sorted(p.name for p in built.release.iterdir()) == sorted(
        [f"{t}.{ext}" for t in ("observations", "claims", "sources", "areas", "metrics", "quality") for ext in ("csv", "parquet")]
        + ["datapackage.json", "README.md", "SHA256SUMS"]
    )
    assert built.record.job_name == "all_assets"
    assert built.record.status == dg.DagsterRunStatus.SUCCESS
    assert "release" in built.materialized()
    # the run's history and asset values live in the temporary home's .dagster/, as dagster.yaml says
    storage = built.home / ".dagster" / "storage"
    assert (storage / "observations").is_file() and (storage / "history" / "runs.db").is_file()


def test_summary_lists_rows_per_table(built):
    rows = next(line for line in built.output.splitlines() if line.startswith("rows: "))
    counts = dict(part.rsplit(" ", 1) for part in rows.removeprefix("rows: ").split(", "))
    for table in ("observations", "claims", "sources", "areas", "metrics", "quality"):
        assert int(counts[table]) == len(read_rows(built.release / f"{table}.csv"))


def test_release_holds_every_compilation_figure(built, reference):
    claims = read_rows(built.release / "claims.csv")
    published = {(c["source_id"], c["area_id"], c["period"], c["metric"], float(c["value"]), c["qualifier"])
                 for c in claims if c["source_type"] == "compilation"}
    expected = set()
    for path in sorted(built.paths.curated.glob("*.csv")):
        for row in read_rows(path):
            expected.add((source_id_for_url(row["url"]), reference.resolve_area(row["area"]), parse_financial_year(row["period"]),
                          row["metric"], float(row["value"].replace(",", "")), row["qualifier"] or "exact"))
    assert len(expected) == 125
    assert expected <= published


def test_release_holds_every_seed_expected_claim(built):
    claims = read_rows(built.release / "claims.csv")
    published = {(c["source_id"], c["area_id"], c["period"], c["metric"], float(c["value"]), c["qualifier"])
                 for c in claims if c["source_type"] == "article"}
    expected = read_rows(FIXTURES / "seeds_expected_claims.csv")
    assert len(expected) == 28
    missing = [row for row in expected
               if (row["source"], row["area_id"], row["period"], row["metric"], float(row["value"]), row["qualifier"]) not in published]
    assert not missing, f"{len(missing)} of 28 seed claims missing from the release, e.g. {missing[:3]}"


def test_published_release_verifies(built):
    if shutil.which("sha256sum"):
        subprocess.run(["sha256sum", "--quiet", "-c", "SHA256SUMS"], cwd=built.release, check=True)
    frictionless = Path(sys.executable).parent / "frictionless"
    completed = subprocess.run([str(frictionless), "validate", "datapackage.json"], cwd=built.release,
                               capture_output=True, text=True, timeout=300)
    assert completed.returncode == 0, completed.stdout[-3000:]


def test_every_source_carries_the_checksum_of_its_raw_file(built):
    sources = read_rows(built.release / "sources.csv")
    assert {s["source_type"] for s in sources} == {"article", "compilation"}
    for source in sources:
        raw = (built.paths.raw / source["path"]).read_bytes()
        assert source["sha256"] == hashlib.sha256(raw).hexdigest(), source["source_id"]


def test_second_run_with_unchanged_inputs_changes_nothing(built, tmp_path):
    before = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in built.release.iterdir()}
    again = Run(built.paths, tmp_path / "home")
    assert again.exit_code == 0, again.output
    assert "release 1.0.0 already exists at" in again.output and "is identical; nothing to do" in again.output
    assert {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in built.release.iterdir()} == before
    assert [p.name for p in built.paths.releases.iterdir()] == [VERSION_FOLDER]


def test_changed_data_with_an_unchanged_version_fails_with_a_clear_message(built, tmp_path):
    root = tmp_path / "project"
    shutil.copytree(built.paths.raw.parent, root / "data")
    paths = ProjectPaths.under(root)
    compilation = next(paths.curated.glob("*.csv"))
    lines = compilation.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].replace(",945,", ",946,")  # the first figure, restated
    compilation.write_text("".join(lines), encoding="utf-8")
    published = {p.name: p.read_bytes() for p in (paths.releases / VERSION_FOLDER).iterdir()}

    run = Run(paths, tmp_path / "home")
    assert run.exit_code == 1
    assert "release 1.0.0 already exists" in run.output
    assert "claims.csv: 1 row changed" in run.output
    # the restated count also moves what is derived from it (the previous year's count)
    assert re.search(r"observations\.csv: \d+ rows? changed", run.output)
    assert "Bump `version` in data/release.yaml" in run.output
    assert {p.name: p.read_bytes() for p in (paths.releases / VERSION_FOLDER).iterdir()} == published
    assert [p.name for p in paths.releases.iterdir()] == [VERSION_FOLDER]


def test_bad_inputs_are_reported_by_file_and_block_only_the_release(tmp_path):
    paths = copy_project(tmp_path / "project")
    add_article(paths, "empty_article", b"")
    add_article(paths, "latin1_article", "Police recorded 1,483 offences in Gwent \xe9t\xe9.".encode("latin-1"))
    add_article(paths, "no_figures", b"The charity said it was worried about children online.\n")
    add_article(paths, "missing_file", None)
    add_article(paths, "unlisted", b"Police recorded 214 offences last year.\n", listed=False)

    run = Run(paths, tmp_path / "home")

    assert run.exit_code == 1
    assert not paths.releases.exists() or not any(paths.releases.iterdir())
    assert run.record.status == dg.DagsterRunStatus.FAILURE
    # other inputs still flowed through: claims and observations were built, only the release was not
    assert {"article_claims", "compilation_claims", "claims", "observations"} <= run.materialized()
    assert "release" not in run.materialized()
    assert "inputs_valid on observations" in run.output
    assert "no release written" in run.output
    expected = {
        "articles/empty_article.txt": ("warning", "empty"),
        "articles/latin1_article.txt": ("error", "not UTF-8"),
        "articles/no_figures.txt": ("warning", "no claims"),
        "articles/sources.csv": ("error", "missing_file.txt"),
        "articles/unlisted.txt": ("error", "no row in articles/sources.csv"),
    }
    warnings, errors = run.user_messages(logging.WARNING), run.user_messages(logging.ERROR)
    problems_md = run.materialization_metadata("article_claims")["problems"].value
    for file, (severity, words) in expected.items():
        line = next((l for l in run.output.splitlines() if f"{severity}: {file}" in l and words in l), None)
        assert line, f"{file} ({severity}, {words!r}) not in the summary:\n{run.output}"
        assert any(file in message and words in message for message in (warnings if severity == "warning" else errors))
        assert file in problems_md
    # the compilation's figures were still read and reconciled
    assert run.materialization_metadata("observations")["dagster/row_count"].value > 0


def test_an_article_the_extractor_fails_on_is_reported_by_file_not_a_crashed_run(tmp_path, monkeypatch):
    """The extractor promises never to raise; when it does (it did on "the 1990's"), the run names the
    article, leaves it out, still builds claims and observations from everything else, and blocks the release."""
    real = articles.extract_claims

    def failing_on_one(text, published=None):
        if "FAILS HERE" in text:
            raise IndexError("string index out of range")
        return real(text, published)

    monkeypatch.setattr(articles, "extract_claims", failing_on_one)
    paths = copy_project(tmp_path / "project")
    add_article(paths, "breaks_extractor", b"Kent Police recorded 1,200 offences in 2016/17. FAILS HERE\n")
    run = Run(paths, tmp_path / "home")
    assert run.exit_code == 1
    assert run.record.status == dg.DagsterRunStatus.FAILURE
    assert {"article_claims", "claims", "observations"} <= run.materialized() and "release" not in run.materialized()
    assert ("error: articles/breaks_extractor.txt: the extractor failed on this article (IndexError: string index out of range); "
            "it is left out") in run.output
    assert "inputs_valid on observations" in run.output
    assert run.materialization_metadata("article_claims")["dagster/row_count"].value > 0  # the seed articles were read


def test_warnings_alone_do_not_stop_the_release(tmp_path):
    paths = copy_project(tmp_path / "project")
    add_article(paths, "empty_article", b"   \n")
    add_article(paths, "no_figures", b"The charity said it was worried about children online.\n")
    run = Run(paths, tmp_path / "home")
    assert run.exit_code == 0, run.output
    assert (paths.releases / VERSION_FOLDER / "SHA256SUMS").is_file()
    assert "warning: articles/empty_article.txt: is empty" in run.output
    assert "warning: articles/no_figures.txt: no claims were found" in run.output


def test_a_fixture_with_an_impossible_subset_blocks_the_release_naming_sources_and_values(tmp_path):
    paths = copy_project(tmp_path / "project")
    shutil.copy(FIXTURES / "impossible" / "impossible_subset.csv", paths.curated / "impossible_subset.csv")
    run = Run(paths, tmp_path / "home")
    assert run.exit_code == 1
    assert "reconciliation_valid on observations" in run.output
    errors = [line for line in run.output.splitlines() if "error:" in line and "offences_victim_under_1" in line]
    assert errors, run.output
    assert any("500" in line and "314" in line and "example-org" in line for line in errors), errors
    assert not paths.releases.exists() or not any(paths.releases.iterdir())
    assert "observations" in run.materialized()


def test_dagster_cli_materializes_every_asset(tmp_path):
    paths = copy_project(tmp_path / "project")
    home = tmp_path / "home"
    home.mkdir()
    shutil.copy(REPO / "dagster.yaml", home / "dagster.yaml")
    env = {**os.environ, "DAGSTER_HOME": str(home), "PIPELINE_ROOT": str(tmp_path / "project")}
    completed = subprocess.run(
        [str(Path(sys.executable).parent / "dagster"), "asset", "materialize", "--select", "*", "-m", "pipeline.definitions"],
        cwd=home, env=env, capture_output=True, text=True, timeout=600,
    )
    assert completed.returncode == 0, completed.stderr[-3000:]
    assert (paths.releases / VERSION_FOLDER / "datapackage.json").is_file()
    assert (home / ".dagster" / "storage" / "release").is_file()
