"""FOI tables all the way to a release: real Dagster runs (tests/pipeline_runs.py) on a copy of the
repo's data with fixture tables from tests/fixtures/foi/ dropped into its data/raw/foi/.

Good wide tables (CSV and XLSX) must reach the release with their locators and outrank the
articles and the compilation where they disagree (tests/fixtures/foi/README.md lists the shared
keys); a broken table beside them must fail the run's blocking check, keep the release back and
leave every other input flowing, until it is removed.
"""

from __future__ import annotations

import csv
import hashlib
import logging
import re
import shutil
from pathlib import Path

import dagster as dg
import openpyxl
import pandas as pd
import pytest

from conftest import FIXTURES, copy_project, read_rows
from pipeline.paths import ProjectPaths
from pipeline_runs import Run, dagster_home

GOOD = FIXTURES / "foi" / "good"
BROKEN = FIXTURES / "foi" / "broken"
GOOD_IDS = [row["source_id"] for row in read_rows(GOOD / "sources.csv")]
BROKEN_IDS = ["kent-bad-values", "devon-bad-cells"]  # a long template and a wide table with cell errors
FOI_CLAIMS_IN_GOOD = 31  # tests/fixtures/foi/README.md

# (area_id, period, metric): the FOI value, and the other sources' values it must outrank
# (tests/fixtures/foi/README.md; the article values are seed claims in seeds_expected_claims.csv)
OUTRANKED = {
    ("west-mercia", "2016/17", "offences"): (1791, {"004_273dcc7d913d0e25": 1786}),
    ("west-mercia", "2016/17", "offences_victim_aged_10_and_under"): (526, {"004_273dcc7d913d0e25": 512}),
    ("west-mercia", "2016/17", "offences_victim_aged_4_and_under"): (136, {"004_273dcc7d913d0e25": 137}),
    ("west-mercia", "2016/17", "offences_online_flagged"): (215, {"004_273dcc7d913d0e25": 213}),
    ("gwent", "2016/17", "offences"): (316, {"000_3b13a2d1c03da088": 314}),
    ("gwent", "2015/16", "offences"): (283, {"pressreader-com-bdd6dc47": 311, "feeds-bbci-co-uk-91da5660": 389}),
}
# keys where the FOI table and an article state the same value
AGREED = {
    ("west-mercia", "2015/16", "offences_online_flagged"): (114, "004_273dcc7d913d0e25"),
    ("avon-and-somerset", "2016/17", "offences"): (1483, "001_71b55939e87c2f5b"),
    ("avon-and-somerset", "2016/17", "offences_victim_under_1"): (10, "001_71b55939e87c2f5b"),
}


def add_foi_tables(paths: ProjectPaths, folder: Path, source_ids: list[str]) -> None:
    """Copy each source's table (and layout) from folder into data/raw/foi/ and append its sources.csv row."""
    rows = {row["source_id"]: row for row in read_rows(folder / "sources.csv")}
    for source_id in source_ids:
        files = sorted(folder.glob(f"{source_id}.*"))
        assert files, source_id
        for file in files:
            shutil.copy(file, paths.foi / file.name)
    with open(paths.foi / "sources.csv", "a", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(next(iter(rows.values()))), lineterminator="\n")
        writer.writerows(rows[source_id] for source_id in source_ids)


def remove_foi_tables(paths: ProjectPaths, source_ids: list[str]) -> None:
    """Delete the tables, their layouts and their sources.csv rows from data/raw/foi/."""
    for source_id in source_ids:
        for file in paths.foi.glob(f"{source_id}.*"):
            file.unlink()
    manifest = paths.foi / "sources.csv"
    lines = manifest.read_text(encoding="utf-8").splitlines(keepends=True)
    manifest.write_text("".join(l for l in lines if l.split(",", 1)[0] not in source_ids), encoding="utf-8")


def by_key(rows: list[dict], *columns: str) -> dict:
    return {tuple(row[c] for c in columns): row for row in rows}


# ---- reading a locator back from the fixture files ----

LOCATOR = re.compile(r"^foi/(?P<file>[^#:]+)(?:#(?P<sheet>[^:]+))?:(?P<cells>\d+:\w+(?:\+\d+:\w+)*)$")


def column_index(letters: str) -> int:
    index = 0
    for letter in letters.upper():
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1


def cells_at(locator: str) -> list[object]:
    """The raw contents of the fixture cell(s) a locator names: CSV text, or the XLSX cell's value."""
    match = LOCATOR.match(locator)
    assert match, f"locator {locator!r} is not foi/<file>[#sheet]:row:column"
    path = GOOD / match["file"]
    cells = [(int(row), column) for row, column in (part.split(":") for part in match["cells"].split("+"))]
    if path.suffix == ".xlsx":
        workbook = openpyxl.load_workbook(path, data_only=True)
        sheet = workbook[match["sheet"]] if match["sheet"] else workbook.worksheets[0]
        return [sheet[f"{column}{row}"].value for row, column in cells]
    with open(path, encoding="utf-8", newline="") as handle:
        lines = list(csv.reader(handle))
    header = lines[0]
    # the long template names its column (`value`); a wide table uses spreadsheet letters
    return [lines[row - 1][header.index(column) if column in header else column_index(column)] for row, column in cells]


def number_in(cell: object, unit: str) -> float:
    """The number a cell states as a person reads it: the last number in '2022/23 - 1,022', '1,483*' -> 1483, '12%' of a share -> 0.12."""
    if isinstance(cell, (int, float)):
        return float(cell)
    text = str(cell).strip()
    found = re.findall(r"\d[\d,]*(?:\.\d+)?%?", text)
    assert found, f"no number in cell {text!r}"
    last = found[-1]
    value = float(last.rstrip("%").replace(",", ""))
    return value / 100 if last.endswith("%") and unit == "proportion" else value


# ---- good tables reach a release ----


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Run:
    root = tmp_path_factory.mktemp("foi_published")
    paths = copy_project(root / "project")
    add_foi_tables(paths, GOOD, GOOD_IDS)
    return Run(paths, root / "dagster_home")


@pytest.fixture(scope="module")
def release_tables(published) -> dict[str, list[dict]]:
    assert published.exit_code == 0, published.output
    return {table: read_rows(published.release / f"{table}.csv") for table in ("claims", "sources", "observations")}


def test_good_foi_tables_reach_a_release(published):
    assert published.exit_code == 0, published.output
    assert published.record.status == dg.DagsterRunStatus.SUCCESS
    assert "release" in published.materialized()
    assert "release 1.0.0 written to" in published.output
    assert published.materialization_metadata("foi_claims")["dagster/row_count"].value == FOI_CLAIMS_IN_GOOD


def test_sources_list_each_foi_table_with_its_sha256_and_path(release_tables):
    sources = by_key(release_tables["sources"], "source_id")
    claims = release_tables["claims"]
    assert {s for s, row in sources.items() if row["source_type"] == "foi_table"} == {(i,) for i in GOOD_IDS}
    for manifest in read_rows(GOOD / "sources.csv"):
        table = next(p for p in GOOD.glob(f"{manifest['source_id']}.*") if p.suffix in (".csv", ".xlsx"))
        row = sources[(manifest["source_id"],)]
        assert row["path"] == f"foi/{table.name}"
        assert row["sha256"] == hashlib.sha256(table.read_bytes()).hexdigest()
        assert (row["published"], row["url"], row["title"]) == (manifest["responded"], manifest["url"], manifest["title"])
        assert int(row["n_claims"]) == sum(c["source_id"] == manifest["source_id"] for c in claims) > 0


def test_claims_hold_every_foi_figure_with_its_locator(published, release_tables):
    foi = [c for c in release_tables["claims"] if c["source_type"] == "foi_table"]
    assert len(foi) == FOI_CLAIMS_IN_GOOD
    assert {c["source_id"] for c in foi} == set(GOOD_IDS)
    assert all(c["source_type"] == "foi_table" for c in release_tables["claims"] if c["source_id"] in GOOD_IDS)
    claims = by_key(foi, "claim_id")
    for claim_id, value, locator, rule in [
        ("gwent-foi-2017-0456:gwent:2016/17:offences", "316", "foi/gwent-foi-2017-0456.csv:2:value", "foi_long"),
        ("avon-and-somerset-1234-17:avon-and-somerset:2016/17:offences", "1483", "foi/avon-and-somerset-1234-17.csv:6:B", "foi_wide:cell"),
        ("cleveland-432-25:cleveland:2022/23:offences", "1022", "foi/cleveland-432-25.csv:3:A", "foi_wide:line"),
        ("north-yorkshire-0149-2024:north-yorkshire:2023/24:offences", "511", "foi/north-yorkshire-0149-2024.csv:7:C", "foi_wide:total"),
        ("west-mercia-2017-0789:west-mercia:2016/17:offences", "1791", "foi/west-mercia-2017-0789.xlsx#Age by gender:8:H", "foi_wide:total"),
        ("west-mercia-2017-0789:west-mercia:2016/17:offences_victim_aged_4_and_under", "136", "foi/west-mercia-2017-0789.xlsx#Age by gender:8:B+8:C", "foi_wide:age_bands"),
        ("west-mercia-2017-0789:west-mercia:2016/17:offences_online_flagged_share", "0.12", "foi/west-mercia-2017-0789.xlsx#Online:5:D", "foi_wide:cell"),
    ]:
        claim = claims[(claim_id,)]
        assert (claim["value"], claim["locator"], claim["rule"]) == (value, locator, rule), claim_id
    # the Parquet file holds the same FOI claims
    parquet = pd.read_parquet(published.release / "claims.parquet")
    assert sorted(parquet.loc[parquet["source_type"] == "foi_table", "claim_id"]) == sorted(c["claim_id"] for c in foi)


def test_every_foi_locator_points_at_the_cells_that_state_its_value(release_tables):
    """Read each locator back from the fixture file: its cells hold the value (summed for age bands)."""
    foi = [c for c in release_tables["claims"] if c["source_type"] == "foi_table"]
    assert len(foi) == FOI_CLAIMS_IN_GOOD
    for claim in foi:
        cells = cells_at(claim["locator"])
        if claim["value"] == "":
            # a withheld figure: the cell shows a marker or nothing, never a number read as zero
            assert claim["status"] in ("suppressed", "not_recorded"), claim
            assert all(cell is None or not isinstance(cell, (int, float)) for cell in cells), claim
            continue
        assert claim["status"] == "ok"
        stated = sum(number_in(cell, claim["unit"]) for cell in cells)
        assert stated == pytest.approx(float(claim["value"])), (claim["locator"], cells, claim["value"])


def test_foi_values_outrank_disagreeing_articles_and_compilations(release_tables):
    observations = by_key(release_tables["observations"], "area_id", "period", "metric")
    claims = release_tables["claims"]
    for key, (foi_value, others) in OUTRANKED.items():
        observation = observations[key]
        assert float(observation["value"]) == foi_value, key
        assert observation["status"] == "conflict_resolved", key
        assert observation["value_kind"] == "reported"
        assert any(s in GOOD_IDS for s in observation["source_ids"].split(";")), key
        note = observation["note"]
        assert "FOI" in note and "outranks" in note, note  # says why
        for source_id, value in others.items():
            assert f"{value} ({source_id})" in note, note  # and what else was stated
        key_claims = [c for c in claims if (c["area_id"], c["period"], c["metric"]) == key]
        foi_claim = next(c for c in key_claims if c["source_type"] == "foi_table")
        assert (float(foi_claim["value"]), foi_claim["used"], foi_claim["check"]) == (foi_value, "true", "ok")
        for source_id, value in others.items():
            losing = [c for c in key_claims if c["source_id"] == source_id and c["value"] and float(c["value"]) == value]
            assert losing, (key, source_id, value)
            for claim in losing:
                assert (claim["check"], claim["used"]) == ("mismatch", "false"), claim


def test_a_foi_value_agreeing_with_an_article_is_corroborated(release_tables):
    observations = by_key(release_tables["observations"], "area_id", "period", "metric")
    claims = release_tables["claims"]
    for key, (value, article) in AGREED.items():
        observation = observations[key]
        assert float(observation["value"]) == value
        assert observation["status"] == "corroborated"
        foi_source = next(s for s in GOOD_IDS if s in observation["source_ids"].split(";"))
        assert observation["source_ids"] == ";".join(sorted([foi_source, article]))
        assert observation["n_sources"] == "2" and observation["note"] == ""
        stating = [c for c in claims if (c["area_id"], c["period"], c["metric"]) == key and c["source_id"] in (foi_source, article)]
        assert {c["source_type"] for c in stating} == {"foi_table", "article"}
        assert all((c["used"], c["check"]) == ("true", "ok") for c in stating)


def test_withheld_foi_figures_give_no_observation(release_tables):
    """A suppressed or unrecorded FOI cell stays a claim with a note; it never becomes a zero."""
    observations = by_key(release_tables["observations"], "area_id", "period", "metric")
    withheld = [c for c in release_tables["claims"] if c["source_type"] == "foi_table" and c["status"] != "ok"]
    assert {c["status"] for c in withheld} == {"suppressed", "not_recorded"}
    for claim in withheld:
        assert claim["note"] and claim["used"] == "false"
        observation = observations.get((claim["area_id"], claim["period"], claim["metric"]))
        assert observation is None or claim["source_id"] not in observation["source_ids"].split(";")
        assert observation is None or float(observation["value"]) != 0


# ---- a broken table beside good inputs ----


class Blocked:
    """A run with the good tables and BROKEN_IDS in data/raw/foi/, and what it left behind."""

    def __init__(self, root: Path):
        self.root = root
        self.paths = copy_project(root / "project")
        add_foi_tables(self.paths, GOOD, GOOD_IDS)
        add_foi_tables(self.paths, BROKEN, BROKEN_IDS)
        self.home = root / "dagster_home"
        self.run = Run(self.paths, self.home)
        releases = self.paths.releases
        self.release_files = sorted(p.relative_to(releases).as_posix() for p in releases.rglob("*")) if releases.exists() else []

@pytest.fixture(scope="module")
def blocked(tmp_path_factory) -> Blocked:
    return Blocked(tmp_path_factory.mktemp("foi_blocked"))


def error_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("error: ")]


def test_a_broken_table_fails_the_run_and_no_release_is_written(blocked):
    run = blocked.run
    assert run.exit_code == 1
    assert run.record.status == dg.DagsterRunStatus.FAILURE
    assert blocked.release_files == []
    assert "release" not in run.materialized()
    assert "inputs_valid on observations" in run.output and "no release written" in run.output


def test_the_report_names_each_bad_cell_by_file_row_and_column(blocked, run_check):
    run = blocked.run
    errors = error_lines(run.output)
    for expected in [
        "error: foi/kent-bad-values.csv:3:area: unknown area 'Kent Constabularly'",
        "error: foi/kent-bad-values.csv:6:value: negative count -5 for offences (value '-5')",
        "error: foi/kent-bad-values.csv:10:value: '12a' is not a number (value '12a')",
        "error: foi/devon-bad-cells.csv:3:B: '1,3,4' is not a number",
        "error: foi/devon-bad-cells.csv:4:B: negative count -3 for offences (value '-3')",
    ]:
        assert any(line.startswith(expected) for line in errors), expected
    located = re.compile(r"^error: foi/(kent-bad-values|devon-bad-cells)\.csv:\d+:(\w+): ")
    left_out = re.compile(r"^error: foi/(kent-bad-values|devon-bad-cells)\.csv: this table is left out of the run")
    assert errors and all(located.match(line) or left_out.match(line) for line in errors), errors
    assert sum(bool(left_out.match(line)) for line in errors) == 2
    # the failed blocking check carries the same report, and each error is logged in the run
    check = next(
        entry.dagster_event.event_specific_data for entry in run.logs
        if entry.dagster_event is not None and entry.dagster_event.event_type_value == "ASSET_CHECK_EVALUATION"
        and entry.dagster_event.event_specific_data.check_name == "inputs_valid"
    )
    assert check.passed is False and error_lines(check.description) == errors
    logged = run.user_messages(logging.ERROR)
    assert all(any(line in message for message in logged) for line in errors if located.match(line))
    # and `python -m pipeline check` prints the same errors for that project
    status, lines = run_check(blocked.paths.root)
    assert status == 1 and error_lines("\n".join(lines)) == errors


def test_other_inputs_still_reach_claims_and_observations(blocked):
    run = blocked.run
    assert {"article_claims", "compilation_claims", "foi_claims", "claims", "observations"} <= run.materialized()
    assert run.materialization_metadata("foi_claims")["dagster/row_count"].value == FOI_CLAIMS_IN_GOOD
    claims = blocked.run.stored("claims")
    sources = set(claims.sources["source_id"])
    assert set(GOOD_IDS) <= sources and not sources & set(BROKEN_IDS)
    assert not set(claims.claims["source_id"]) & set(BROKEN_IDS)
    assert {"article", "compilation", "foi_table"} <= set(claims.claims["source_type"])
    observations = blocked.run.stored("observations").observations.set_index(["area_id", "period", "metric"])
    for key, (foi_value, _) in OUTRANKED.items():
        assert observations.loc[key, "value"] == foi_value
    assert not (observations.index.get_level_values("area_id") == "kent").any()  # nothing from the broken long template


def test_removing_the_broken_tables_lets_the_next_run_publish(blocked, tmp_path):
    # a copy of the blocked project and its Dagster instance, so the tests above see the blocked run whatever the order
    shutil.copytree(blocked.root, tmp_path, dirs_exist_ok=True)
    paths = ProjectPaths.under(tmp_path / "project")
    remove_foi_tables(paths, BROKEN_IDS)
    again = Run(paths, tmp_path / "dagster_home")  # the same instance's history, as a maintainer would rerun
    assert again.exit_code == 0, again.output
    assert again.record.status == dg.DagsterRunStatus.SUCCESS
    assert "release 1.0.0 written to" in again.output and "error: " not in again.output
    with dagster_home(tmp_path / "dagster_home") as instance:
        assert [r.status for r in instance.get_runs()] == [dg.DagsterRunStatus.SUCCESS, dg.DagsterRunStatus.FAILURE]
    sources = read_rows(again.release / "sources.csv")
    assert {s["source_id"] for s in sources if s["source_type"] == "foi_table"} == set(GOOD_IDS)
    observations = by_key(read_rows(again.release / "observations.csv"), "area_id", "period", "metric")
    assert float(observations[("west-mercia", "2016/17", "offences")]["value"]) == 1791
