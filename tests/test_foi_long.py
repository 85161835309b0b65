"""The long FOI template: data/raw/foi/<source_id>.csv with area,period,metric,value,qualifier,note."""

from __future__ import annotations

import pandas as pd
import pytest

from pipeline import problems as P
from pipeline.ingest.foi import read_foi_folder
from pipeline.paths import ProjectPaths

from conftest import write_foi_folder

HEADER = "area,period,metric,value,qualifier,note\n"


def read_table(tmp_path, reference, body: str, *, area: str = "Gwent", header: str = HEADER):
    paths = ProjectPaths.under(tmp_path)
    write_foi_folder(paths.foi, f"gwent-1,{area},FOI 1,2017-10-02,https://example.org/1,Title\n", {"gwent-1.csv": header + body})
    return read_foi_folder(paths.foi, paths, reference)


def lines(batch) -> list[str]:
    return [str(p) for p in batch.problems]


def test_a_row_becomes_a_claim_with_its_cell_as_locator(tmp_path, reference):
    batch = read_table(tmp_path, reference, "Gwent Police,2016-17,offences,314,,\n")
    assert P.errors(batch.problems) == []
    row = batch.claims.iloc[0]
    assert row["claim_id"] == "gwent-1:gwent:2016/17:offences"
    assert (row["source_type"], row["area_id"], row["period"], row["value"], row["unit"], row["qualifier"]) == ("foi_table", "gwent", "2016/17", 314, "count", "exact")
    assert (row["locator"], row["rule"], row["status"]) == ("foi/gwent-1.csv:2:value", "foi_long", "ok")
    assert row["evidence"] == "Gwent Police 2016-17 offences = 314"


def test_the_claim_id_survives_moving_rows(tmp_path, reference):
    first = read_table(tmp_path / "a", reference, "Gwent,2016/17,offences,314,,\nGwent,2015/16,offences,283,,\n")
    moved = read_table(tmp_path / "b", reference, "Gwent,2015/16,offences,283,,\nGwent,2016/17,offences,314,,\n")
    assert sorted(first.claims["claim_id"]) == sorted(moved.claims["claim_id"])
    by_id = dict(zip(moved.claims["claim_id"], moved.claims["locator"]))
    assert by_id["gwent-1:gwent:2016/17:offences"] == "foi/gwent-1.csv:3:value"


def test_the_source_row_comes_from_sources_csv(tmp_path, reference):
    batch = read_table(tmp_path, reference, "Gwent,2016/17,offences,314,,\n")
    source = batch.sources.iloc[0].to_dict()
    assert source["source_id"] == "gwent-1" and source["source_type"] == "foi_table"
    assert (source["title"], source["publisher"], source["published"], source["url"]) == ("Title", "Gwent", "2017-10-02", "https://example.org/1")
    assert source["path"] == "foi/gwent-1.csv" and len(source["sha256"]) == 64 and source["n_claims"] == 0


@pytest.mark.parametrize(
    "value, note, status",
    [
        ("", "suppressed: the force showed <5", "suppressed"),
        ("", "Not recorded before 2017", "not_recorded"),
        ("", "not held", "not_recorded"),
        ("<5", "", "suppressed"),
        ("*", "", "suppressed"),
        ("[x]", "", "suppressed"),
    ],
)
def test_a_figure_the_force_did_not_give_is_a_claim_without_value_never_zero(tmp_path, reference, value, note, status):
    batch = read_table(tmp_path, reference, f"Gwent,2016/17,offences_victim_under_1,{value},,{note}\n")
    assert P.errors(batch.problems) == []
    row = batch.claims.iloc[0]
    assert row["status"] == status
    assert pd.isna(row["value"]), "no number, never 0"
    assert row["note"]


def test_qualifier_and_note_columns_are_optional(tmp_path, reference):
    batch = read_table(tmp_path, reference, "Gwent,2016/17,offences,300\n", header="area,period,metric,value\n")
    assert P.errors(batch.problems) == [] and batch.claims.iloc[0]["qualifier"] == "exact"


def test_a_qualifier_is_kept(tmp_path, reference):
    batch = read_table(tmp_path, reference, "Gwent,2016/17,offences,300,more_than,\n")
    assert batch.claims.iloc[0]["qualifier"] == "more_than" and "(more_than)" in batch.claims.iloc[0]["evidence"]


def test_an_area_other_than_the_sources_area_is_a_warning(tmp_path, reference):
    batch = read_table(tmp_path, reference, "Kent,2016/17,offences,300,,\n")
    assert P.errors(batch.problems) == [] and len(batch.claims) == 1
    assert "warning: foi/gwent-1.csv:2:area: area kent differs from the area of this source in sources.csv (gwent)" in lines(batch)[0]


# Each error class of the issue, in the long template: the message names file, row, column, value.
ERRORS = [
    ("Gwnet,2016/17,offences,314,,", "error: foi/gwent-1.csv:2:area: unknown area 'Gwnet': not an area name or alias in data/reference/aliases.csv (value 'Gwnet')"),
    ("Gwent,2016/17,offences_online,314,,", "error: foi/gwent-1.csv:2:metric: unknown metric 'offences_online'"),
    ("Gwent,2016,offences,314,,", "error: foi/gwent-1.csv:2:period: period '2016' is not a financial year (write it like 2016/17) (value '2016')"),
    ("Gwent,2016/18,offences,314,,", "error: foi/gwent-1.csv:2:period: period '2016/18' is not a financial year"),
    ("Gwent,2016/17,offences,-3,,", "error: foi/gwent-1.csv:2:value: negative count -3 for offences (value '-3')"),
    ("Gwent,2016/17,offences_change_pct,-101,,", "error: foi/gwent-1.csv:2:value: -101 is outside the range of percent (at least -100) for offences_change_pct (value '-101')"),
    ("Gwent,2016/17,offences_online_flagged_share,1.2,,", "error: foi/gwent-1.csv:2:value: 1.2 is outside the range of proportion (from 0 to 1) for offences_online_flagged_share (value '1.2')"),
    ("Gwent,2016/17,offences,12a,,", "error: foi/gwent-1.csv:2:value: '12a' is not a number (value '12a')"),
    ("Gwent,2016/17,offences,\"1,483*\",,", "error: foi/gwent-1.csv:2:value: '1,483*' is not a number"),
    ("Gwent,2016/17,offences,,,", "error: foi/gwent-1.csv:2:value: value is empty: give the number, or leave it empty with a note"),
    ("Gwent,2016/17,offences,,,see letter", "error: foi/gwent-1.csv:2:value: value is empty"),
    ("Gwent,2016/17,offences,314,roughly,", "error: foi/gwent-1.csv:2:qualifier: unknown qualifier 'roughly'"),
    (",2016/17,offences,314,,", "error: foi/gwent-1.csv:2:area: area is empty"),
]


@pytest.mark.parametrize("row, expected", ERRORS)
def test_each_error_names_file_row_column_and_value_and_leaves_the_table_out(tmp_path, reference, row, expected):
    batch = read_table(tmp_path, reference, "Gwent,2015/16,offences,283,,\n" + row.replace("2:", "3:") + "\n")
    report = P.format_report(batch.problems)
    assert expected.replace(":2:", ":3:") in report
    assert batch.claims.empty and batch.sources.empty, "a table with any error is left out whole"
    assert "foi/gwent-1.csv: this table is left out of the run" in report


def test_a_duplicate_key_in_any_spelling_is_an_error_naming_the_first_row(tmp_path, reference):
    batch = read_table(tmp_path, reference, "Gwent,2016/17,offences,314,,\nGwent Police,2016-2017,offences,314,,\n")
    assert "error: foi/gwent-1.csv:3:value: duplicate key: gwent 2016/17 offences is already stated at foi/gwent-1.csv:2:value (value '314')" in lines(batch)


def test_every_problem_is_reported_at_once(tmp_path, reference):
    body = "".join(f"{row}\n" for row, _ in ERRORS[:8]) + "Gwent,2010/11,offences,5,,\nGwent,2010-11,offences,5,,\n"
    batch = read_table(tmp_path, reference, body)
    rows_with_errors = {p.row for p in P.errors(batch.problems) if p.row}
    assert rows_with_errors == set(range(2, 10)) | {11}


def test_a_file_that_is_not_utf8_or_lacks_columns_is_one_error(tmp_path, reference):
    paths = ProjectPaths.under(tmp_path)
    batch = read_table(tmp_path, reference, "Gwent,2016/17,offences,314\n", header="area,period,value\n")
    assert "error: foi/gwent-1.csv:1: missing column(s) metric" in lines(batch)[0]
    (paths.foi / "gwent-1.csv").write_bytes(HEADER.encode() + "Gwent,2016/17,offences,314,,caf\xe9\n".encode("latin-1"))
    batch = read_foi_folder(paths.foi, paths, reference)
    assert any("is not UTF-8 text" in line for line in lines(batch))
