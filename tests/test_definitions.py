"""The Dagster code location loads, and its assets, checks, schedule and sensor are what we mean."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import dagster as dg
import pytest

from pipeline.defs.automation import raw_files_changed
from pipeline.defs.resources import ProjectPathsResource
from pipeline.definitions import defs as lazy_defs

ASSETS = {
    "raw_articles", "raw_curated", "raw_foi", "raw_review",
    "article_claims", "compilation_claims", "foi_claims", "claims",
    "areas", "metrics", "observations", "release",
}
CHECKS = {
    ("claims", "claims_source_known"), ("claims", "claims_area_and_metric_known"), ("claims", "claims_value_in_range"),
    ("observations", "observation_key_unique"), ("observations", "observations_source_known"),
    ("observations", "observations_area_and_metric_known"), ("observations", "observations_value_in_range"),
    ("observations", "inputs_valid"), ("observations", "reconciliation_valid"),
}


@pytest.fixture(scope="module")
def defs() -> dg.Definitions:
    return lazy_defs()


def test_definitions_load(defs):
    dg.Definitions.validate_loadable(defs)
    assert {key.to_user_string() for key in defs.resolve_all_asset_keys()} == ASSETS


def test_every_check_is_blocking_and_release_is_downstream_of_them(defs):
    graph = defs.resolve_asset_graph()
    specs = {(key.asset_key.to_user_string(), key.name): graph.get_check_spec(key) for key in graph.asset_check_keys}
    assert set(specs) == CHECKS
    assert all(spec.blocking for spec in specs.values())
    upstream = {key.to_user_string() for key in graph.get(dg.AssetKey("release")).parent_keys}
    assert {"claims", "observations", "areas", "metrics"} <= upstream


def test_job_schedule_and_sensor(defs):
    job = defs.resolve_job_def("all_assets")
    assert {key.to_user_string() for key in job.asset_layer.selected_asset_keys} == ASSETS
    schedule = defs.resolve_schedule_def("weekly_release")
    assert schedule.cron_schedule == "0 6 * * 1"
    assert schedule.job_name == "all_assets"
    sensor = defs.resolve_sensor_def("raw_files_changed")
    assert sensor.default_status == dg.DefaultSensorStatus.RUNNING


def test_sensor_requests_a_run_only_when_raw_files_change(project):
    resources = {"paths": ProjectPathsResource(root=str(project.root))}
    first = raw_files_changed(dg.build_sensor_context(resources=resources))
    assert len(first.run_requests) == 1
    key = first.run_requests[0].run_key
    assert first.cursor == key

    again = raw_files_changed(dg.build_sensor_context(cursor=key, resources=resources))
    assert isinstance(again, dg.SkipReason)

    article = next(project.articles.glob("*.txt"))
    article.write_text(article.read_text(encoding="utf-8") + "\nA late correction.\n", encoding="utf-8")
    changed = raw_files_changed(dg.build_sensor_context(cursor=key, resources=resources))
    assert changed.run_requests[0].run_key not in (None, key)

    (project.foi / "new_table.csv").write_text("area,period,metric,value,qualifier,note\n", encoding="utf-8")
    added = raw_files_changed(dg.build_sensor_context(cursor=changed.cursor, resources=resources))
    assert added.run_requests[0].run_key != changed.cursor


def test_dagster_cli_validates_the_code_location(tmp_path):
    repo = Path(__file__).resolve().parent.parent
    env = {**os.environ, "DAGSTER_HOME": str(repo)}
    completed = subprocess.run(
        [str(Path(sys.executable).parent / "dagster"), "definitions", "validate", "-m", "pipeline.definitions"],
        cwd=repo, env=env, capture_output=True, text=True, timeout=300,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
    assert "Validation successful" in completed.stdout + completed.stderr
