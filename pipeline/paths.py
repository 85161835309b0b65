"""Where the pipeline reads and writes: one place, so tests and Dagster can point it elsewhere.

Layout below the project root:
    data/raw/        immutable inputs (articles/, curated/, foi/, review/)
    data/reference/  reference tables (areas, aliases, metrics, units)
    data/release.yaml  the release's version and package metadata
    data/processed/releases/<version>/  published releases, never overwritten

`PIPELINE_ROOT` overrides the root (default: the folder that holds the `pipeline` package).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DEFAULT_ROOT = PACKAGE_DIR.parent


@dataclass(frozen=True)
class ProjectPaths:
    raw: Path
    reference: Path
    releases: Path
    release_config: Path

    @classmethod
    def under(cls, root: str | os.PathLike) -> "ProjectPaths":
        root = Path(root)
        return cls(
            raw=root / "data" / "raw",
            reference=root / "data" / "reference",
            releases=root / "data" / "processed" / "releases",
            release_config=root / "data" / "release.yaml",
        )

    @classmethod
    def default(cls) -> "ProjectPaths":
        return cls.under(os.environ.get("PIPELINE_ROOT") or DEFAULT_ROOT)

    @property
    def root(self) -> Path:
        """The project folder: the one holding data/raw/."""
        return self.raw.parent.parent

    @property
    def articles(self) -> Path:
        return self.raw / "articles"

    @property
    def curated(self) -> Path:
        return self.raw / "curated"

    @property
    def foi(self) -> Path:
        return self.raw / "foi"

    @property
    def review(self) -> Path:
        return self.raw / "review"

    def relative_to_raw(self, path: Path) -> str:
        """The path as sources.path and error messages show it: relative to data/raw/, POSIX."""
        try:
            return Path(path).resolve().relative_to(self.raw.resolve()).as_posix()
        except ValueError:
            return Path(path).as_posix()
