"""Shared fixtures and helpers: the repo's reference tables, a throwaway copy of the project, and
writers and readers of the raw inputs the tests build (articles, FOI folders, CSV rows)."""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from pipeline import validate
from pipeline.paths import DEFAULT_ROOT, ProjectPaths
from pipeline.reference import Reference

REPO = DEFAULT_ROOT
FIXTURES = Path(__file__).parent / "fixtures"
FOI_MANIFEST_HEADER = "source_id,area,request_ref,responded,url,title\n"


def copy_project(root: Path) -> ProjectPaths:
    """The repo's data/ (raw inputs, reference tables, release.yaml) under root, without any built release.

    Tests add or break inputs there freely; nothing under the real data/ is touched.
    """
    for part in ("raw", "reference"):
        shutil.copytree(REPO / "data" / part, root / "data" / part)
    shutil.copy(REPO / "data" / "release.yaml", root / "data" / "release.yaml")
    (root / "data" / "processed").mkdir(parents=True)
    return ProjectPaths.under(root)


def read_rows(path: Path) -> list[dict]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def add_article(paths: ProjectPaths, source_id: str, content: bytes | None, *, listed: bool = True,
                title: str = "", published: str = "") -> None:
    """An article file (None: none) and, when `listed`, its row in articles/sources.csv."""
    if content is not None:
        (paths.articles / f"{source_id}.txt").write_bytes(content)
    if listed:
        with open(paths.articles / "sources.csv", "a", encoding="utf-8") as handle:
            handle.write(f"{source_id},{title},,{published},\n")


def write_foi_folder(folder: Path, manifest_rows: str, files: dict[str, str | bytes]) -> Path:
    """An FOI folder: sources.csv (the header and these rows) and these files."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sources.csv").write_text(FOI_MANIFEST_HEADER + manifest_rows)
    for name, content in files.items():
        path = folder / name
        path.write_bytes(content) if isinstance(content, bytes) else path.write_text(content)
    return folder


@pytest.fixture(scope="session")
def reference() -> Reference:
    return Reference.load(ProjectPaths.under(REPO))


@pytest.fixture
def project(tmp_path) -> ProjectPaths:
    """A copy of the repo's data/ in tmp_path (see copy_project)."""
    return copy_project(tmp_path)


@pytest.fixture
def run_check(monkeypatch, capsys):
    """`python -m pipeline check PATH...` in process, against a project root: (exit status, printed lines)."""

    def run(root: Path, *paths) -> tuple[int, list[str]]:
        monkeypatch.setenv("PIPELINE_ROOT", str(root))
        status = validate.run([str(p) for p in paths])
        return status, capsys.readouterr().out.splitlines()

    return run
