"""Real Dagster runs of every asset for the end-to-end tests (not a test module).

A run works on a copy of the repo's data/ in a temporary project and records into a temporary
DAGSTER_HOME configured by the repo's dagster.yaml, entered the way `make release` runs it.
"""

from __future__ import annotations

import io
import pickle
import shutil
from contextlib import contextmanager
from pathlib import Path

import dagster as dg
import pytest

from conftest import REPO
from pipeline.paths import ProjectPaths
from pipeline.release.command import release as release_command

VERSION_FOLDER = "1.0.0"


@contextmanager
def dagster_home(home: Path):
    """A DAGSTER_HOME holding the repo's dagster.yaml, entered the way `make` runs the command."""
    home.mkdir(parents=True, exist_ok=True)
    shutil.copy(REPO / "dagster.yaml", home / "dagster.yaml")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DAGSTER_HOME", str(home))
        patch.chdir(home)
        with dg.DagsterInstance.get() as instance:
            yield instance


class Run:
    """One `python -m pipeline release` (release_command) on paths, recorded in home."""

    def __init__(self, paths: ProjectPaths, home: Path):
        out = io.StringIO()
        with dagster_home(home) as instance:
            self.exit_code = release_command(paths, instance, out)
            self.record = instance.get_runs(limit=1)[0]
            self.logs = instance.all_logs(self.record.run_id)
        self.output = out.getvalue()
        self.paths = paths
        self.home = home

    @property
    def release(self) -> Path:
        return self.paths.releases / VERSION_FOLDER

    def stored(self, asset: str):
        """An asset's value as the run stored it (the filesystem IO manager's pickle)."""
        return pickle.loads((self.home / ".dagster" / "storage" / asset).read_bytes())

    def materialized(self) -> set[str]:
        return {
            entry.dagster_event.asset_key.to_user_string()
            for entry in self.logs
            if entry.dagster_event is not None and entry.dagster_event.event_type_value == "ASSET_MATERIALIZATION"
        }

    def user_messages(self, level: int) -> list[str]:
        return [entry.user_message for entry in self.logs if entry.dagster_event is None and entry.level == level]

    def materialization_metadata(self, asset: str) -> dict:
        for entry in self.logs:
            event = entry.dagster_event
            if event is not None and event.event_type_value == "ASSET_MATERIALIZATION" and event.asset_key.to_user_string() == asset:
                return event.event_specific_data.materialization.metadata
        raise KeyError(asset)
