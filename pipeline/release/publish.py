"""Publishing a release: data/processed/releases/<version>/, written whole or not at all.

Every file is built in a temporary folder beside the target, checked (Frictionless validates the
package), and only then renamed into place, so a reader never sees half a release and a failure
leaves nothing behind. A published version is never overwritten: if the folder exists, the fresh
build is compared with it byte for byte. Identical means there is nothing to do; different means
the maintainer must bump the version in data/release.yaml.
"""

from __future__ import annotations

import os
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from pipeline.ingest.common import sha256_of
from pipeline.release import datapackage, diff, files, readme
from pipeline.release.config import ReleaseConfig
from pipeline.release.tables import TABLES, prepare

CHECKSUMS = "SHA256SUMS"
WRITTEN = "written"
IDENTICAL = "identical"


class ReleaseError(Exception):
    """The release could not be published; nothing was written."""


class ReleaseConflict(ReleaseError):
    """The version already exists with different content."""


@dataclass(frozen=True)
class PublishOutcome:
    version: str
    path: Path
    status: str  # WRITTEN or IDENTICAL
    rows: dict[str, int]
    files: list[str]

    def describe(self) -> str:
        if self.status == IDENTICAL:
            return f"release {self.version} already exists at {self.path} and is identical; nothing to do"
        return f"release {self.version} written to {self.path}"


def write_checksums(folder: Path) -> None:
    lines = [
        f"{sha256_of(path)}  {path.name}\n"
        for path in sorted(folder.iterdir())
        if path.is_file() and path.name != CHECKSUMS
    ]
    (folder / CHECKSUMS).write_text("".join(lines), encoding="utf-8", newline="\n")


def write_release_files(tables: dict[str, pd.DataFrame], config: ReleaseConfig, folder: Path) -> dict[str, pd.DataFrame]:
    """Every file of the release into `folder`; returns the tables as written (ordered, sorted)."""
    prepared = {spec.name: prepare(spec, tables[spec.name]) for spec in TABLES}
    for spec in TABLES:
        files.write_csv(spec, prepared[spec.name], folder / f"{spec.name}.csv")
        files.write_parquet(spec, prepared[spec.name], folder / f"{spec.name}.parquet")
    descriptor = datapackage.build_descriptor(config, folder, prepared["sources"])
    datapackage.write_descriptor(descriptor, folder / "datapackage.json")
    (folder / "README.md").write_text(readme.render_readme(config, prepared), encoding="utf-8", newline="\n")
    write_checksums(folder)
    return prepared


def conflict_message(config: ReleaseConfig, target: Path, differences: list[str]) -> str:
    listed = "\n".join(f"  - {line}" for line in differences)
    return (
        f"release {config.version} already exists at {target} and what was built now differs from it:\n"
        f"{listed}\n"
        f"A published version is never overwritten. Bump `version` in data/release.yaml "
        f"(PATCH for corrected values, MINOR for new rows, MAJOR for changed columns or meanings), "
        f"add a CHANGELOG.md entry, and run again."
    )


def _compare(config: ReleaseConfig, target: Path, building: Path, rows: dict[str, int], written: list[str]) -> PublishOutcome:
    differences = diff.describe_differences(target, building)
    if differences:
        raise ReleaseConflict(conflict_message(config, target, differences))
    return PublishOutcome(config.version, target, IDENTICAL, rows, written)


def publish(tables: dict[str, pd.DataFrame], config: ReleaseConfig, releases: Path) -> PublishOutcome:
    """Write the release for config.version under `releases`, or confirm the published one is identical.

    Raises ReleaseConflict when the version exists with other content, ReleaseError when the
    package does not validate; in both cases nothing is left behind.
    """
    missing = [spec.name for spec in TABLES if spec.name not in tables]
    if missing:
        raise ReleaseError(f"cannot build release {config.version}: missing table(s) {', '.join(missing)}")
    releases.mkdir(parents=True, exist_ok=True)
    target = releases / config.version
    building = releases / f".{config.version}.building-{uuid.uuid4().hex[:12]}"
    building.mkdir()
    try:
        prepared = write_release_files(tables, config, building)
        rows = {name: len(frame) for name, frame in prepared.items()}
        written = sorted(path.name for path in building.iterdir())
        if target.exists():
            return _compare(config, target, building, rows, written)
        problems = datapackage.validate_package(building / "datapackage.json")
        if problems:
            shown = "\n".join(f"  - {line}" for line in problems[:50])
            raise ReleaseError(f"release {config.version} was not written: datapackage.json does not validate:\n{shown}")
        try:
            # Atomic on one filesystem, and refuses (rather than merges) if the target is not empty.
            os.rename(building, target)
        except OSError:
            if not target.exists():
                raise
            # Another run published this version meanwhile: treat it as already published.
            return _compare(config, target, building, rows, written)
        return PublishOutcome(config.version, target, WRITTEN, rows, written)
    finally:
        if building.exists():
            shutil.rmtree(building, ignore_errors=True)
