"""Raw inputs: one cheap registration asset per folder of data/raw/.

Each records which files a run read (path, size, sha256) and their combined hash (`fingerprint`,
also what the sensor watches), so every run keeps a record of exactly what it was built from. The files themselves are never modified; the readers downstream open them directly.
"""

import hashlib
from pathlib import Path

import dagster as dg
import pandas as pd

from pipeline.defs.resources import ProjectPathsResource
from pipeline.ingest.common import sha256_of

INVENTORY_COLUMNS = ["path", "bytes", "sha256"]


def inventory(folder: Path, raw: Path) -> pd.DataFrame:
    """Every file under `folder` (hidden files such as .gitkeep aside): path relative to `raw`, bytes, sha256."""
    rows = []
    if folder.is_dir():
        for path in sorted(folder.rglob("*")):
            relative = path.relative_to(raw)
            if path.is_file() and not any(part.startswith(".") for part in relative.parts):
                rows.append({"path": relative.as_posix(), "bytes": path.stat().st_size, "sha256": sha256_of(path)})
    return pd.DataFrame(rows, columns=INVENTORY_COLUMNS)


def fingerprint(files: pd.DataFrame) -> str:
    """One hash for a set of files: changes when any file is added, removed, renamed or edited."""
    digest = hashlib.sha256()
    for path, sha in sorted(zip(files["path"], files["sha256"])):
        digest.update(f"{path}\0{sha}\n".encode("utf-8"))
    return digest.hexdigest()


def _registration_asset(name: str, folder: str, description: str) -> dg.AssetsDefinition:
    @dg.asset(name=name, group_name="raw", kinds={"file"}, description=description)
    def _register(context: dg.AssetExecutionContext, paths: ProjectPathsResource) -> dg.Output[pd.DataFrame]:
        project = paths.paths()
        files = inventory(project.raw / folder, project.raw)
        return dg.Output(
            files,
            metadata={
                "dagster/row_count": len(files),
                "folder": dg.MetadataValue.path(str(project.raw / folder)),
                "fingerprint": fingerprint(files),
                "files": dg.MetadataValue.md(files.to_markdown(index=False) if len(files) else "_no files_"),
            },
        )

    return _register


raw_articles = _registration_asset(
    "raw_articles", "articles", "News articles as published (data/raw/articles/*.txt) and their sources.csv."
)
raw_curated = _registration_asset(
    "raw_curated", "curated", "Curated compilations of published figures (data/raw/curated/*.csv), each row citing its page."
)
raw_foi = _registration_asset(
    "raw_foi", "foi", "FOI responses transcribed as tables (data/raw/foi/), with their sources.csv and layout files."
)
raw_review = _registration_asset(
    "raw_review", "review", "Reviewers' decisions on extracted claims (data/raw/review/)."
)
