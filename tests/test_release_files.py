"""How one table is written: CSV conventions, lossless numbers, formula neutralisation, Parquet types."""

from __future__ import annotations

import csv
import io
import math

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, strategies as st

from pipeline.release import files
from pipeline.release.tables import TABLES_BY_NAME, column_kind, prepare
from conftest import read_rows
from release_samples import FORMULA, sample_tables


@pytest.fixture(scope="module")
def tables(reference):
    return {name: prepare(TABLES_BY_NAME[name], frame) for name, frame in sample_tables(reference).items()}


@pytest.mark.parametrize(
    "value, text",
    [(64667.0, "64667"), (314, "314"), (-9.0, "-9"), (0.0, "0"), (0.05, "0.05"), (205.71, "205.71"),
     (33.33, "33.33"), (0.3333, "0.3333"), (1 / 3, "0.3333333333333333"), (1e-7, "1e-07")],
)
def test_numbers_are_written_plainly(value, text):
    assert files.format_number(value) == text


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_number_format_is_lossless(value):
    text = files.format_number(value)
    assert float(text) == value
    assert not text.endswith(".0")


def test_missing_values_are_empty_cells_and_non_finite_numbers_are_refused():
    assert files.format_cell(None, "number") == ""
    assert files.format_cell(float("nan"), "number") == ""
    with pytest.raises(ValueError):
        files.format_number(math.inf)


def test_csv_is_utf8_without_bom_with_crlf_and_contract_columns(tables, tmp_path):
    spec = TABLES_BY_NAME["observations"]
    path = tmp_path / "observations.csv"
    files.write_csv(spec, tables["observations"], path)
    raw = path.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == len(tables["observations"]) + 1
    assert b"\n" not in raw.replace(b"\r\n", b"")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8"), newline="")))
    assert rows[0] == spec.columns
    gwent = next(row for row in read_rows(path) if row["area_id"] == "gwent" and row["metric"] == "offences" and row["period"] == "2016/17")
    assert gwent["value"] == "314"  # not 314.0
    assert gwent["period_start"] == "2016-04-01"
    assert gwent["n_sources"] == "1"


def test_rows_are_sorted_by_key(tables, tmp_path):
    spec = TABLES_BY_NAME["observations"]
    shuffled = tables["observations"].sample(frac=1, random_state=3)
    files.write_csv(spec, prepare(spec, shuffled), tmp_path / "a.csv")
    keys = [(r["area_id"], r["period"], r["metric"]) for r in read_rows(tmp_path / "a.csv")]
    assert keys == sorted(keys)
    assert len(keys) == len(set(keys))


def test_formulas_are_neutralised_in_free_text_only(tables, tmp_path):
    files.write_csv(TABLES_BY_NAME["claims"], tables["claims"], tmp_path / "claims.csv")
    files.write_csv(TABLES_BY_NAME["sources"], tables["sources"], tmp_path / "sources.csv")
    files.write_csv(TABLES_BY_NAME["quality"], tables["quality"], tmp_path / "quality.csv")
    claims = {row["claim_id"]: row for row in read_rows(tmp_path / "claims.csv")}
    assert claims["art-1:10-20"]["evidence"].startswith("'" + FORMULA)
    assert claims["art-1:30-32"]["evidence"] == "'-9 per cent on the year before"
    assert claims["art-1:30-32"]["note"] == "'+ a note"
    assert claims["art-1:30-32"]["value"] == "-9"  # a number is never touched
    sources = {row["source_id"]: row for row in read_rows(tmp_path / "sources.csv")}
    assert sources["art-1"]["title"] == "'" + FORMULA
    assert sources["art-1"]["publisher"] == "'@newsroom"
    assert sources["art-1"]["source_id"] == "art-1"
    quality = read_rows(tmp_path / "quality.csv")[0]
    assert quality["detail"] == "'-9 agrees with the counts"


def test_parquet_keeps_text_unsanitised_and_types_explicit(tables, tmp_path):
    spec = TABLES_BY_NAME["claims"]
    files.write_parquet(spec, tables["claims"], tmp_path / "claims.parquet")
    table = pq.read_table(tmp_path / "claims.parquet")
    assert table.column_names == spec.columns
    evidence = dict(zip(table["claim_id"].to_pylist(), table["evidence"].to_pylist()))
    assert evidence["art-1:10-20"].startswith(FORMULA)
    assert table.schema.field("value").type == pa.float64()
    assert table.schema.field("used").type == pa.bool_()
    assert not (table.schema.metadata or {}).get(b"pandas")

    obs_spec = TABLES_BY_NAME["observations"]
    files.write_parquet(obs_spec, tables["observations"], tmp_path / "observations.parquet")
    observations = pq.read_table(tmp_path / "observations.parquet")
    assert observations.schema.field("period_start").type == pa.date32()
    assert observations.schema.field("n_sources").type == pa.int64()
    ends = dict(zip(observations["period"].to_pylist(), observations["period_end"].to_pylist()))
    assert str(ends["2016/17"]) == "2017-03-31"


def test_date_columns_come_from_the_models():
    assert column_kind(TABLES_BY_NAME["sources"].model, "published") == "date"
    assert column_kind(TABLES_BY_NAME["observations"].model, "period_start") == "date"
    assert column_kind(TABLES_BY_NAME["observations"].model, "period") == "string"
