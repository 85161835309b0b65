"""Shared fixtures: the repo's reference tables, and a throwaway project tree for pipeline runs."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.paths import DEFAULT_ROOT, ProjectPaths
from pipeline.reference import Reference

REPO = DEFAULT_ROOT
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="session")
def reference() -> Reference:
    return Reference.load(ProjectPaths.under(REPO))


@pytest.fixture
def project(tmp_path) -> ProjectPaths:
    """A copy of the repo's data/ (raw inputs, reference tables, release metadata) in tmp_path.

    Tests add or break inputs here freely; nothing under the real data/ is touched.
    """
    shutil.copytree(REPO / "data" / "reference", tmp_path / "data" / "reference")
    shutil.copytree(REPO / "data" / "raw", tmp_path / "data" / "raw")
    if (REPO / "data" / "release.yaml").exists():
        shutil.copy(REPO / "data" / "release.yaml", tmp_path / "data" / "release.yaml")
    (tmp_path / "data" / "processed").mkdir(parents=True)
    return ProjectPaths.under(tmp_path)
