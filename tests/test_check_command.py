"""`python -m pipeline check [PATH...]`: the raw inputs' report, without building anything."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import Counter

from conftest import FIXTURES, FOI_MANIFEST_HEADER, REPO, add_article

GOOD = FIXTURES / "foi" / "good"
BROKEN = FIXTURES / "foi" / "broken"


def check(*paths, root=REPO) -> subprocess.CompletedProcess:
    env = {**os.environ, "PIPELINE_ROOT": str(root)}
    return subprocess.run([sys.executable, "-m", "pipeline", "check", *map(str, paths)], cwd=REPO, env=env, capture_output=True, text=True, timeout=120)


def tree(root):
    return sorted((p.relative_to(root).as_posix(), p.stat().st_mtime_ns) for p in root.rglob("*"))


def test_the_repos_own_data_is_clean(run_check):
    status, lines = run_check(REPO)
    assert status == 0
    assert lines[-1].startswith("checked ") and lines[-1].endswith(": no problems found")


def test_the_repos_own_data_is_clean_from_the_command_line():
    result = check()
    assert (result.returncode, result.stderr) == (0, ""), result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert not any(line.startswith("error: ") for line in lines)
    assert re.fullmatch(r"checked [1-9]\d* files: (no problems found|0 errors, \d+ warnings?)", lines[-1])


# Every error `check tests/fixtures/foi/broken` must print, counted by where it is: (file, row,
# column) for a cell or a sources.csv field, (file, line, None) for a layout line, and (file, None,
# None) for a file as a whole: a missing sheet, table or sources.csv row, and the line saying that a
# table is left out (so the missing sheet and the missing row count twice).
BROKEN_ERRORS = {
    **{("kent-bad-values.csv", row, column): 1 for row, column in [
        (3, "area"), (4, "metric"), (5, "period"), (6, "value"), (7, "value"), (8, "value"), (9, "value"), (10, "value"), (11, "value")]},
    **{("devon-bad-cells.csv", row, column): 1 for row, column in [(2, "C"), (3, "B"), (3, "C"), (3, "D"), (4, "B"), (4, "D")]},
    ("sussex-bad-layout.csv", 1, "D"): 1,
    ("sussex-bad-layout.csv", 4, "A"): 1,
    ("sussex-bad-layout.yaml", 7, None): 2,
    ("sources.csv", 7, "area"): 1,
    ("sources.csv", 7, "responded"): 1,
    ("sources.csv", 8, "source_id"): 1,
    ("suffolk-missing-sheet.xlsx", None, None): 2,
    ("norfolk-no-row.csv", None, None): 2,
    ("durham-layout-only.yaml", None, None): 1,
    **{(table, None, None): 1 for table in ["kent-bad-values.csv", "devon-bad-cells.csv", "sussex-bad-layout.csv", "lancashire-bad-row.csv"]},
}
ERROR_LINE = re.compile(r"^error: tests/fixtures/foi/broken/(?P<file>[^:]+)(?::(?P<row>\d+)(?::(?P<column>\w+))?)?: \S")


def test_a_broken_foi_folder_prints_every_error_with_file_row_column_and_exits_1():
    result = check(BROKEN.relative_to(REPO))
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert "error: tests/fixtures/foi/broken/kent-bad-values.csv:10:value: '12a' is not a number (value '12a')" in lines
    assert "error: tests/fixtures/foi/broken/devon-bad-cells.csv:4:B: negative count -3 for offences (value '-3')" in lines
    assert "error: tests/fixtures/foi/broken/sources.csv:7:responded: responded is not an ISO date (YYYY-MM-DD) (value '14/09/2017')" in lines
    errors = [line for line in lines if line.startswith("error: ")]
    assert len(errors) == len(lines) - 1 == sum(BROKEN_ERRORS.values())
    printed = Counter()
    for line in errors:
        match = ERROR_LINE.match(line)
        assert match, f"not file[:row[:column]]: reason: {line}"
        printed[(match["file"], int(match["row"]) if match["row"] else None, match["column"])] += 1
    assert printed == Counter(BROKEN_ERRORS)
    assert lines[-1] == f"checked 12 files: {len(errors)} errors, 0 warnings"
    assert result.stderr == ""


def test_good_fixtures_exit_0_with_their_warnings():
    result = check(GOOD.relative_to(REPO))
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert all(line.startswith("warning: ") for line in lines[:-1]) and len(lines) > 1
    assert lines[-1] == f"checked 12 files: 0 errors, {len(lines) - 1} warnings"


def test_one_table_path_checks_only_that_table_and_its_row(run_check):
    status, lines = run_check(REPO, BROKEN / "essex-good.csv")
    assert (status, lines) == (0, ["checked 2 files: no problems found"])
    status, lines = run_check(REPO, BROKEN / "devon-bad-cells.yaml")
    assert status == 1
    assert all("devon-bad-cells" in line for line in lines[:-1])


def test_a_path_that_does_not_exist(run_check, tmp_path):
    status, lines = run_check(REPO, tmp_path / "nowhere.csv")
    assert status == 1 and lines[0] == f"error: {(tmp_path / 'nowhere.csv').as_posix()}: does not exist"


def test_a_file_that_is_no_kind_of_input(run_check):
    status, lines = run_check(REPO, REPO / "README.md")
    assert status == 1 and "cannot tell what kind of raw input this is" in lines[0]


def test_a_layout_in_a_folder_without_sources_csv(run_check, tmp_path):
    (tmp_path / "t.yaml").write_text("tables:\n  - lines: A\n    metric: offences\n")
    (tmp_path / "t.csv").write_text("2016/17 - 5\n")
    status, lines = run_check(REPO, tmp_path / "t.yaml")
    assert status == 1 and f"error: {tmp_path.as_posix()}/sources.csv: is missing: every FOI table needs a row " in lines[0]


def test_a_project_folder_means_its_data_raw(run_check):
    status, lines = run_check(REPO, REPO)
    assert status == 0 and lines[-1].endswith(": no problems found") and not lines[-1].startswith("checked 0 ")


def test_a_folder_that_is_no_kind_of_input(run_check, tmp_path):
    (tmp_path / "notes.txt.bak").write_text("x")
    status, lines = run_check(REPO, tmp_path)
    assert status == 1 and "cannot tell what this folder holds" in lines[0]


def test_fix_the_table_and_the_next_check_passes(project, run_check):
    root = project.root
    (project.foi / "sources.csv").write_text(FOI_MANIFEST_HEADER + "gwent-1,Gwent,1,2017-10-02,,\n")
    (project.foi / "gwent-1.csv").write_text("area,period,metric,value,qualifier,note\nGwent,2016/17,offences,31a,,\n")
    before = tree(root)
    status, lines = run_check(root)
    assert status == 1
    assert "error: foi/gwent-1.csv:2:value: '31a' is not a number (value '31a')" in lines
    assert tree(root) == before, "check writes nothing"
    (project.foi / "gwent-1.csv").write_text("area,period,metric,value,qualifier,note\nGwent,2016/17,offences,314,,\n")
    status, lines = run_check(root)
    assert (status, lines[-1]) == (0, "checked 8 files: no problems found")  # 3 articles + manifest, 1 compilation, FOI table + manifest, review decisions


def test_a_raw_folder_elsewhere_is_checked_whole(project, run_check, tmp_path):
    (project.articles / "005_empty.txt").write_text("")
    status, lines = run_check(REPO, project.raw)
    assert status == 1
    assert "error: articles/005_empty.txt: has no row in articles/sources.csv; add source_id,title,publisher,published,url (unknown fields empty)" in lines


def test_article_and_compilation_files_are_checked_by_their_own_readers(project, run_check):
    root = project.root
    (project.articles / "000_3b13a2d1c03da088.txt").write_bytes(b"caf\xe9 latin-1 bytes")
    status, lines = run_check(root, project.articles / "000_3b13a2d1c03da088.txt")
    assert status == 1 and "error: articles/000_3b13a2d1c03da088.txt: is not UTF-8 text" in lines[0]
    assert len(lines) == 2, "only that article's problems"
    bad = project.curated / "extra.csv"
    bad.write_text("area,period,metric,value,qualifier,url,note\nGwent,2016/17,offences,314,,ftp://x,\n")
    status, lines = run_check(root, bad)
    assert status == 1 and "error: curated/extra.csv:2:url: url 'ftp://x' is not an http(s) address (value 'ftp://x')" in lines


def test_a_foi_folder_outside_the_repo_keeps_the_paths_as_given(run_check, tmp_path):
    folder = tmp_path / "my-foi"
    shutil.copytree(BROKEN, folder)
    status, lines = run_check(REPO, folder)
    assert status == 1
    assert f"error: {folder.as_posix()}/kent-bad-values.csv:10:value: '12a' is not a number (value '12a')" in lines


def test_check_reports_what_extraction_would_warn_of(project, run_check):
    root = project.root
    add_article(project, "no-figures", b"The charity praised the police for their work with schools.\n")
    status, lines = run_check(root)
    assert status == 0
    assert "warning: articles/no-figures.txt: no claims were found in this article" in lines
