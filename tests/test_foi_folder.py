"""An FOI folder as a whole: sources.csv against the files, and bad tables left out without
affecting the others (the same read_foi a Dagster run and `python -m pipeline check` call)."""

from __future__ import annotations

import shutil

import pytest

from pipeline import problems as P
from pipeline.ingest.foi import read_foi, read_foi_folder
from pipeline.paths import ProjectPaths

from conftest import FIXTURES, REPO, read_rows, write_foi_folder

GOOD = FIXTURES / "foi" / "good"
BROKEN = FIXTURES / "foi" / "broken"
TABLE = "area,period,metric,value,qualifier,note\nGwent,2016/17,offences,314,,\n"


def folder_with(project: ProjectPaths, reference, manifest_rows: str, files: dict[str, str]):
    """The project's data/raw/foi/ with these sources.csv rows and files, read."""
    write_foi_folder(project.foi, manifest_rows, files)
    return read_foi(project, reference)


def report(batch) -> str:
    return P.format_report(batch.problems)


def test_the_repos_own_foi_folder_holds_only_real_sources_and_reads_clean(reference):
    batch = read_foi(ProjectPaths.under(REPO), reference)
    assert P.errors(batch.problems) == []
    fixture_ids = {row["source_id"] for folder in (GOOD, BROKEN) for row in read_rows(folder / "sources.csv")}
    assert not set(batch.sources["source_id"]) & fixture_ids, "a test fixture was copied into data/raw/foi/"


def test_no_foi_folder_is_not_a_problem(tmp_path, reference):
    batch = read_foi(ProjectPaths.under(tmp_path), reference)
    assert batch.problems == [] and batch.claims.empty and batch.sources.empty


def test_fixture_tables_dropped_into_data_raw_foi_are_read_with_raw_relative_paths(project, reference):
    shutil.copytree(GOOD, project.foi, dirs_exist_ok=True)
    batch = read_foi(project, reference)
    assert P.errors(batch.problems) == []
    assert len(batch.sources) == 6 and len(batch.claims) == 31
    assert batch.claims["locator"].str.startswith("foi/").all()
    assert set(batch.sources["path"]) == {
        "foi/avon-and-somerset-1234-17.csv", "foi/cleveland-432-25.csv", "foi/gwent-foi-2017-0456.csv",
        "foi/north-yorkshire-0149-2024.csv", "foi/northants-10905-25.csv", "foi/west-mercia-2017-0789.xlsx",
    }
    assert set(batch.claims["source_id"]) == set(batch.sources["source_id"])


def test_a_broken_table_is_left_out_whole_and_the_good_one_beside_it_is_read(reference):
    batch = read_foi_folder(BROKEN, ProjectPaths.under(REPO), reference)
    assert list(batch.sources["source_id"]) == ["essex-good"]
    assert list(batch.claims["claim_id"]) == ["essex-good:essex:2016/17:offences"]
    left_out = {p.file.rsplit("/", 1)[-1] for p in batch.problems if p == P.left_out(p.file, "table")}
    assert left_out == {
        "kent-bad-values.csv", "sussex-bad-layout.csv", "devon-bad-cells.csv", "suffolk-missing-sheet.xlsx",
        "lancashire-bad-row.csv", "norfolk-no-row.csv",
    }


def test_the_broken_folder_reports_every_error_class_at_once(reference):
    text = report(read_foi_folder(BROKEN, ProjectPaths.under(REPO), reference))
    for expected in [
        "kent-bad-values.csv:3:area: unknown area 'Kent Constabularly'",
        "kent-bad-values.csv:4:metric: unknown metric 'offences_online'",
        "kent-bad-values.csv:5:period: period '2016' is not a financial year",
        "kent-bad-values.csv:6:value: negative count -5 for offences",
        "kent-bad-values.csv:7:value: -150 is outside the range of percent",
        "kent-bad-values.csv:8:value: 1.5 is outside the range of proportion",
        "kent-bad-values.csv:9:value: duplicate key: kent 2016/17 offences is already stated at",
        "kent-bad-values.csv:10:value: '12a' is not a number",
        "devon-bad-cells.csv:3:B: '1,3,4' is not a number",
        "devon-bad-cells.csv:3:C: '<5' is not a number, nor a marker the layout names",
        "devon-bad-cells.csv:4:B: negative count -3 for offences",
        "devon-bad-cells.csv:4:D: blank cell: the layout must say what a blank means",
        "sussex-bad-layout.csv:1:D: unknown age band 'Teenagers'",
        "sussex-bad-layout.csv:4:A: label 'Sum:' is not a part the layout names",
        "suffolk-missing-sheet.xlsx: has no sheet '2016-17'",
        "sources.csv:7:area: unknown area 'Lancs Constabulary'",
        "sources.csv:7:responded: responded is not an ISO date",
        "sources.csv:8:source_id: names table surrey-no-file, but there is no surrey-no-file.csv",
        "norfolk-no-row.csv: has no row in",
        "durham-layout-only.yaml: describes a table durham-layout-only.csv or durham-layout-only.xlsx, which does not exist",
    ]:
        assert expected in text, expected


def test_only_the_named_tables_are_checked(reference):
    batch = read_foi_folder(BROKEN, ProjectPaths.under(REPO), reference, only={"essex-good"})
    assert batch.problems == [] and len(batch.claims) == 1
    batch = read_foi_folder(BROKEN, ProjectPaths.under(REPO), reference, only={"lancashire-bad-row"})
    assert {p.row for p in batch.problems if p.file.endswith("sources.csv")} == {7}, "other rows' problems are not reported"


def test_a_missing_sources_csv(project, reference):
    project.foi.mkdir(parents=True, exist_ok=True)
    (project.foi / "sources.csv").unlink()
    (project.foi / "gwent-1.csv").write_text(TABLE)
    batch = read_foi(project, reference)
    assert "error: foi/sources.csv: is missing" in report(batch) and batch.claims.empty


def test_a_broken_sources_row_leaves_its_table_out_and_says_why(project, reference):
    batch = folder_with(project, reference, "gwent-1,Gwent,,2017-31-12,,\ngwent-2,Gwent,,,,\n", {"gwent-1.csv": TABLE, "gwent-2.csv": TABLE})
    text = report(batch)
    assert "error: foi/sources.csv:2:responded: responded is not an ISO date (YYYY-MM-DD) (value '2017-31-12')" in text
    assert "has no row" not in text
    assert list(batch.sources["source_id"]) == ["gwent-2"]


# Folders whose sources.csv rows and files do not fit together: (rows, files, lines the report holds).
MISFITS = {
    "a_row_without_its_file": ("gwent-1,Gwent,,,,\n", {}, [
        "error: foi/sources.csv:2:source_id: names table gwent-1, but there is no gwent-1.csv or gwent-1.xlsx beside it (value 'gwent-1')"]),
    "a_file_without_its_row": ("", {"gwent-1.csv": TABLE}, ["error: foi/gwent-1.csv: has no row in foi/sources.csv"]),
    "a_duplicate_source_id": ("gwent-1,Gwent,,,,\ngwent-1,Gwent,,,,\n", {"gwent-1.csv": TABLE}, [
        "foi/sources.csv:3:source_id: duplicate source_id (first on line 2)"]),
    "an_xlsx_without_its_layout_and_a_layout_without_its_table": (
        "t,Gwent,,,,\n", {"t.xlsx": "not really a workbook", "u.yaml": "tables: []\n"}, [
            "error: foi/t.xlsx: is an XLSX table without its layout description t.yaml beside it",
            "error: foi/u.yaml: describes a table u.csv or u.xlsx, which does not exist"]),
    "two_tables_for_one_source_id": ("t,Gwent,,,,\n", {"t.csv": TABLE, "t.xlsx": "x", "t.yaml": "tables: []\n"}, [
        "error: foi/t: has several tables (t.csv, t.xlsx); keep one per source id"]),
    "an_unreadable_workbook": ("t,Gwent,,,,\n", {"t.xlsx": "not really a workbook", "t.yaml": "tables:\n  - lines: A\n    metric: offences\n"}, [
        "error: foi/t.xlsx: cannot be read as an XLSX workbook"]),
    "other_files": ("", {"old.xls": "x", "notes.docx": "x"}, [
        "error: foi/old.xls: .xls files cannot be read: save the table as .xlsx or .csv",
        "warning: foi/notes.docx: is not an FOI table, layout or sources.csv; it was ignored"]),
    "a_file_name_that_cannot_be_a_source_id": ("", {"gwent 2017.csv": TABLE}, ["is not a usable source id"]),
}


@pytest.mark.parametrize("manifest_rows, files, expected", MISFITS.values(), ids=MISFITS.keys())
def test_a_misfit_is_reported_and_gives_no_claim(project, reference, manifest_rows, files, expected):
    batch = folder_with(project, reference, manifest_rows, files)
    text = report(batch)
    for line in expected:
        assert line in text
    assert batch.claims.empty
