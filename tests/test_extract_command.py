"""`python -m pipeline extract`: the claims of article files, printed without building anything."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys

from conftest import REPO
from pipeline.ingest.common import CLAIM_COLUMNS

ARTICLE = "In 2018/19 Sussex Police recorded 1,540 sexual offences against children, up 5 per cent.\n"


def extract(*args: str, cwd=REPO) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", "extract", *args], cwd=cwd, capture_output=True, text=True)


def test_prints_the_claims_table_with_its_contract_columns(tmp_path):
    article = tmp_path / "sussex-2019.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    result = extract(str(article))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == CLAIM_COLUMNS
    by_metric = {row["metric"]: row for row in rows}
    assert by_metric["offences"]["value"] == "1540"
    assert by_metric["offences"]["source_id"] == "sussex-2019"
    assert by_metric["offences_change_pct"]["value"] == "5"
    start, end = map(int, by_metric["offences"]["locator"].split("-"))
    assert ARTICLE[start:end] == "1,540"


def test_json_output_holds_the_same_claims(tmp_path):
    article = tmp_path / "sussex-2019.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    rows = json.loads(extract(str(article), "--format", "json").stdout)
    assert {(r["area_id"], r["period"], r["metric"], r["value"]) for r in rows} == {
        ("sussex", "2018/19", "offences", 1540),
        ("sussex", "2018/19", "offences_change_pct", 5),
    }


def test_a_sources_csv_beside_the_file_supplies_the_published_date_for_last_year(tmp_path):
    (tmp_path / "a.txt").write_text("Sussex Police recorded 1,540 offences last year.\n", encoding="utf-8")
    without = list(csv.DictReader(io.StringIO(extract(str(tmp_path / "a.txt")).stdout)))
    assert without == []
    (tmp_path / "sources.csv").write_text("source_id,title,publisher,published,url\na,,,2019-09-04,\n", encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(extract(str(tmp_path / "a.txt")).stdout)))
    assert [(r["period"], r["value"]) for r in rows] == [("2018/19", "1540")]


def test_a_missing_file_is_a_one_line_error_and_exit_1(tmp_path):
    result = extract(str(tmp_path / "nope.txt"))
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.strip().count("\n") == 0 and "nope.txt" in result.stderr


def test_a_file_that_is_not_utf8_is_a_one_line_error_and_exit_1(tmp_path):
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Offences in Gwent: 314 \xe9t\xe9".encode("latin-1"))
    result = extract(str(bad))
    assert result.returncode == 1
    assert result.stdout == ""
    assert "latin1.txt" in result.stderr and "UTF-8" in result.stderr
