"""Wide FOI tables: the layouts forces really send, melted into claims by their YAML description.

The good fixtures (tests/fixtures/foi/good/) are read whole; misfits are written per test so each
one shows one way a layout can fail to fit its table.
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from pipeline import problems as P
from pipeline.ingest.foi import read_foi_folder
from pipeline.paths import ProjectPaths
from pipeline.schemas import Claims, Sources

from conftest import FIXTURES, FOI_MANIFEST_HEADER, REPO, write_foi_folder

GOOD = FIXTURES / "foi" / "good"


@pytest.fixture(scope="module")
def good(reference):
    return read_foi_folder(GOOD, ProjectPaths.under(REPO), reference)


def claim(batch, claim_id):
    rows = batch.claims[batch.claims["claim_id"] == claim_id]
    assert len(rows) == 1, f"{claim_id} not found once in {list(batch.claims['claim_id'])}"
    return rows.iloc[0]


def write_folder(tmp_path: Path, source_id: str, area: str, files: dict[str, str | bytes]) -> Path:
    """A data/raw/foi/ under tmp_path with one sources.csv row and these files."""
    files = {name: c if isinstance(c, bytes) else textwrap.dedent(c).lstrip() for name, c in files.items()}
    return write_foi_folder(ProjectPaths.under(tmp_path).foi, f"{source_id},{area},REF,2020-01-01,,\n", files)


def read(tmp_path, reference, source_id, area, files):
    return read_foi_folder(write_folder(tmp_path, source_id, area, files), ProjectPaths.under(tmp_path), reference)


def errors_text(batch) -> str:
    return "\n".join(str(p) for p in P.errors(batch.problems))


# --- the good fixtures -----------------------------------------------------------------------

def test_good_fixtures_read_without_errors_and_validate_as_published_tables(good):
    assert P.errors(good.problems) == []
    Claims.validate(good.claims.assign(used=False), lazy=True)
    Sources.validate(good.sources, lazy=True)
    assert set(good.claims["source_type"]) == {"foi_table"}
    assert good.claims["claim_id"].is_unique


def test_years_as_rows_with_a_footnote_mark_and_a_partial_year(good):
    row = claim(good, "avon-and-somerset-1234-17:avon-and-somerset:2016/17:offences")
    assert row["value"] == 1483 and row["status"] == "ok"
    assert row["locator"].endswith("good/avon-and-somerset-1234-17.csv:6:B")
    assert "footnote mark '*'" in row["note"]
    assert "'1,483*'" in row["evidence"]
    assert not good.claims["period"].eq("2017/18").any(), "a year to date is never a full-year figure"
    assert any("'2017/18 (to date)' is part of a year" in p.reason for p in good.problems)


def test_x_in_brackets_is_suppressed(good):
    row = claim(good, "avon-and-somerset-1234-17:avon-and-somerset:2014/15:offences_online_flagged")
    assert row["status"] == "suppressed" and pd.isna(row["value"]), "no number, never 0"
    assert "[x]" in row["note"]


def test_one_answer_per_line(good):
    assert claim(good, "cleveland-432-25:cleveland:2022/23:offences")["value"] == 1022
    row = claim(good, "cleveland-432-25:cleveland:2023/24:offences")
    assert row["value"] == 987 and row["locator"].endswith("cleveland-432-25.csv:4:A")
    assert row["rule"] == "foi_wide:line"
    assert set(good.claims.loc[good.claims["source_id"] == "cleveland-432-25", "period"]) == {"2021/22", "2022/23", "2023/24"}


def test_xlsx_age_bands_by_gender_sum_exactly_covering_bands_from_the_stated_total_row(good):
    under_1 = claim(good, "west-mercia-2017-0789:west-mercia:2016/17:offences_victim_under_1")
    assert under_1["value"] == 9 and under_1["locator"].endswith("west-mercia-2017-0789.xlsx#Age by gender:8:B")
    four = claim(good, "west-mercia-2017-0789:west-mercia:2016/17:offences_victim_aged_4_and_under")
    assert four["value"] == 9 + 127 and four["rule"] == "foi_wide:age_bands"
    assert four["locator"].endswith("#Age by gender:8:B+8:C") and four["note"] == "sum of B8 + C8"
    ten = claim(good, "west-mercia-2017-0789:west-mercia:2016/17:offences_victim_aged_10_and_under")
    assert ten["value"] == 9 + 127 + 390


def test_the_total_row_is_a_claim_of_its_own_and_the_sum_row_is_not_read(good):
    total = claim(good, "west-mercia-2017-0789:west-mercia:2016/17:offences")
    assert total["value"] == 1791 and total["rule"] == "foi_wide:total"
    assert total["locator"].endswith("#Age by gender:8:H")
    assert not good.claims["locator"].str.contains(":9:").any(), "the Sum: row (row 9) is skipped"


def test_xlsx_percentage_cells_become_proportions_and_blanks_not_recorded(good):
    share = claim(good, "west-mercia-2017-0789:west-mercia:2015/16:offences_online_flagged_share")
    assert share["value"] == pytest.approx(0.073) and share["unit"] == "proportion"
    blank = claim(good, "west-mercia-2017-0789:west-mercia:2014/15:offences_online_flagged")
    assert blank["status"] == "not_recorded" and pd.isna(blank["value"])
    assert claim(good, "west-mercia-2017-0789:west-mercia:2016/17:offences_online_flagged")["value"] == 215


def test_bands_that_match_no_metric_give_no_claim_but_a_warning(good):
    northants = good.claims[good.claims["source_id"] == "northants-10905-25"]
    assert list(northants["metric"]) == ["offences"], "11 and under is never 10 and under"
    warnings = [p for p in good.problems if p.severity == P.WARNING and "northants" in p.file]
    assert any("'11 and under'" in p.reason and "'Unknown Age'" in p.reason for p in warnings)


def test_a_total_given_above_the_table_is_read_from_the_cell_the_layout_names(good):
    row = claim(good, "northants-10905-25:northamptonshire:2024/25:offences")
    assert row["value"] == 520 and row["locator"].endswith("northants-10905-25.csv:1:B")
    assert "Total Count" in row["evidence"]


def test_an_offence_code_breakdown_gives_only_its_total(good):
    rows = good.claims[good.claims["source_id"] == "north-yorkshire-0149-2024"]
    assert sorted(zip(rows["period"], rows["metric"], rows["value"])) == [("2022/23", "offences", 518), ("2023/24", "offences", 511)]


def test_sources_rows_name_the_force_the_date_and_the_table_file(good):
    row = good.sources.set_index("source_id").loc["west-mercia-2017-0789"]
    assert (row["source_type"], row["publisher"], row["published"]) == ("foi_table", "West Mercia", "2017-11-20")
    assert row["path"].endswith("good/west-mercia-2017-0789.xlsx") and len(row["sha256"]) == 64
    assert pd.isna(row["url"]), "an empty url stays empty"


def test_the_xlsx_generator_reproduces_the_committed_workbook(tmp_path):
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_xlsx", FIXTURES / "foi" / "make_xlsx.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    target = tmp_path / "west-mercia.xlsx"
    module.save_reproducibly(module.west_mercia(), target)
    assert target.read_bytes() == (GOOD / "west-mercia-2017-0789.xlsx").read_bytes()


# --- layouts that do not fit their table -----------------------------------------------------

CROSS_TAB = """\
    Gender,0-4,5-10,11-17,Total
    Female,10,20,30,60
    Male,5,*,20,30
    Total,15,25,50,90
    Sum:,15,20,50,90
    """

CROSS_TAB_LAYOUT = """\
    period: 2016/17
    metric: offences
    tables:
      - header_row: 1
        rows: {kind: parts, labels: [Female, Male], total: Total, skip: ["Sum:"]}
        columns: {kind: ages, total: Total}
    """


def test_a_cross_tab_that_fits_gives_the_total_and_summed_bands(tmp_path, reference):
    batch = read(tmp_path, reference, "t", "Kent", {"t.csv": CROSS_TAB, "t.yaml": CROSS_TAB_LAYOUT})
    assert errors_text(batch) == ""
    values = dict(zip(batch.claims["metric"], batch.claims["value"]))
    assert values == {"offences": 90, "offences_victim_aged_4_and_under": 15, "offences_victim_aged_10_and_under": 40}


# Cross tabs that do not fit their layout: (table edit, layout edit, the error reported). Each
# edit is a (old, new) replacement in CROSS_TAB / CROSS_TAB_LAYOUT, or None.
CROSS_TAB_MISFITS = {
    "a_row_the_layout_does_not_account_for_is_an_error_not_a_part": (
        None, (', skip: ["Sum:"]', ""), "foi/t.csv:5:A: label 'Sum:' is not a part the layout names"),
    "a_sum_row_named_as_the_total_is_caught": (
        ("    Total,15,25,50,90\n", ""), ('total: Total, skip: ["Sum:"]', 'total: "Sum:"'),
        "foi/t.csv:4:C: the total equals the sum of the parts shown (20) although 1 part(s) are suppressed"),
    "a_total_smaller_than_its_parts": (
        ("Total,15,25,50,90", "Total,14,25,50,90"), None, "foi/t.csv:4:B: the total 14 is smaller than the sum of its parts (15)"),
    "an_unknown_band": (("11-17", "Teenagers"), None, "foi/t.csv:1:D: unknown age band 'Teenagers'"),
    "overlapping_bands": (("11-17", "0-10"), None, "foi/t.yaml:4: table 1: age bands '0-4' and '0-10' overlap"),
    "a_header_not_found": (
        None, ("header_row: 1", "header_row: Sex"), "foi/t.yaml:4: table 1: header not found: no cell in column A of foi/t.csv reads 'Sex'"),
    "a_label_the_layout_names_is_missing_from_the_table": (
        None, ("labels: [Female, Male]", "labels: [Female, Male, Unknown]"), "the layout names row 'Unknown', which the table does not have"),
    "an_age_table_must_break_down_offences": (
        None, ("metric: offences", "metric: offences_online_flagged"),
        "age bands break down offences, but this table's figures are offences_online_flagged"),
}


@pytest.mark.parametrize("table_edit, layout_edit, expected", CROSS_TAB_MISFITS.values(), ids=CROSS_TAB_MISFITS.keys())
def test_a_cross_tab_that_does_not_fit_its_layout_is_an_error_and_gives_no_claim(tmp_path, reference, table_edit, layout_edit, expected):
    table = CROSS_TAB.replace(*table_edit) if table_edit else CROSS_TAB
    layout = CROSS_TAB_LAYOUT.replace(*layout_edit) if layout_edit else CROSS_TAB_LAYOUT
    assert all(edit is None or edit[0] in text for edit, text in ((table_edit, CROSS_TAB), (layout_edit, CROSS_TAB_LAYOUT)))
    batch = read(tmp_path, reference, "t", "Kent", {"t.csv": table, "t.yaml": layout})
    assert expected in errors_text(batch)
    assert batch.claims.empty


# A table of years down the side and one metric column.
YEARS_LAYOUT = "tables:\n  - header_row: 1\n    rows: periods\n    columns: {kind: metrics, labels: {Offences: offences}}\n"


def test_a_missing_sheet_is_an_error(tmp_path, reference):
    book = openpyxl.Workbook()
    book.active.title = "Data"
    path = tmp_path / "book.xlsx"
    book.save(path)
    layout = "tables:\n  - sheet: Figures\n    lines: A\n    metric: offences\n"
    batch = read(tmp_path, reference, "t", "Kent", {"t.xlsx": path.read_bytes(), "t.yaml": layout})
    assert "foi/t.xlsx: has no sheet 'Figures'; its sheets are Data" in errors_text(batch)


def test_a_formula_without_a_saved_value_is_an_error_not_a_blank(tmp_path, reference):
    book = openpyxl.Workbook()
    sheet = book.active
    for row in [["Year", "Offences"], ["2016/17", 10], ["2017/18", "=B2*2"]]:
        sheet.append(row)
    path = tmp_path / "book.xlsx"
    book.save(path)
    layout = "blank: zero\n" + YEARS_LAYOUT
    batch = read(tmp_path, reference, "t", "Kent", {"t.xlsx": path.read_bytes(), "t.yaml": layout})
    assert "foi/t.xlsx#Sheet:3:B: holds a formula with no saved value" in errors_text(batch)


def test_a_percentage_in_a_count_column_is_an_error(tmp_path, reference):
    table = "Year,Offences\n2016/17,5%\n"
    batch = read(tmp_path, reference, "t", "Kent", {"t.csv": table, "t.yaml": YEARS_LAYOUT})
    assert "foi/t.csv:2:B: a percentage where offences is a count" in errors_text(batch)


def test_a_label_that_is_not_a_year_on_a_periods_axis_is_an_error(tmp_path, reference):
    table = "Year,Offences\n2016/17,5\nTotal,5\n"
    batch = read(tmp_path, reference, "t", "Kent", {"t.csv": table, "t.yaml": YEARS_LAYOUT})
    assert "foi/t.csv:3:A: 'Total' is not a financial year" in errors_text(batch)


def test_a_breakdown_without_its_total_gives_no_claim_and_says_so(tmp_path, reference):
    table = "Offence,2016/17\n19D Rape of a female child under 16,4\n21 Sexual activity,7\n"
    layout = "metric: offences\ntables:\n  - header_row: 1\n    rows: {kind: parts, labels: offence_codes}\n    columns: periods\n"
    batch = read(tmp_path, reference, "t", "Kent", {"t.csv": table, "t.yaml": layout})
    assert errors_text(batch) == "" and batch.claims.empty
    assert any("never recomputed" in p.reason for p in batch.problems)


@pytest.mark.parametrize(
    "layout, expected",
    [
        ("tables:\n  - lines: A\n    metric: offences\n    colour: red\n", "foi/t.yaml:4: unknown key 'colour' in a lines table"),
        ("tables:\n  - lines: A\n", "foi/t.yaml:2: a lines table needs metric"),
        ("tables:\n  - lines: A\n    metric: offence\n", "foi/t.yaml:3: unknown metric 'offence'"),
        ("suppressed: [*]\ntables:\n  - lines: A\n    metric: offences\n", "foi/t.yaml:1: is not valid YAML"),
        ("area: Gwnet\ntables:\n  - lines: A\n    metric: offences\n", "foi/t.yaml:1: unknown area 'Gwnet'"),
        ("blank: nothing\ntables:\n  - lines: A\n    metric: offences\n", "foi/t.yaml:1: blank must be one of zero, not_recorded"),
        ("tables:\n  - header_row: 1\n    rows: years\n    columns: periods\n", "foi/t.yaml:3: rows must name its kind"),
        ("tables:\n  - header_row: 1\n    rows: periods\n    columns: periods\n", "rows and columns cannot both be periods"),
        ("tables:\n  - sheet: Sheet1\n    lines: A\n    metric: offences\n", "sheet is for XLSX tables"),
        ("tables: []\n", "tables must be a list of one or more tables"),
        ("period: 2016\ntables:\n  - lines: A\n    metric: offences\n", "foi/t.yaml:1: period '2016' is not a financial year"),
    ],
)
def test_a_layout_file_with_a_mistake_names_its_line(tmp_path, reference, layout, expected):
    batch = read(tmp_path, reference, "t", "Kent", {"t.csv": "2016/17 - 4\n", "t.yaml": layout})
    assert expected in errors_text(batch)
    assert batch.claims.empty


def test_copying_a_fixture_layout_keeps_its_claims(tmp_path, reference):
    """A maintainer's workflow: drop the table and its layout into a folder with a sources.csv row."""
    for name in ("cleveland-432-25.csv", "cleveland-432-25.yaml"):
        shutil.copy(GOOD / name, tmp_path / name)
    (tmp_path / "sources.csv").write_text(FOI_MANIFEST_HEADER + "cleveland-432-25,Cleveland,432-25,2025-02-11,,\n")
    batch = read_foi_folder(tmp_path, ProjectPaths.under(tmp_path), reference)
    assert batch.claims["locator"].str.startswith(f"{tmp_path.as_posix()}/cleveland-432-25.csv:").all()
    assert len(batch.claims) == 3 and errors_text(batch) == ""
