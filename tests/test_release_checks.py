"""The asset checks in front of the release, on crafted inputs, and the release's own refusal."""

from __future__ import annotations

import dagster as dg
import pandas as pd
import pytest

from pipeline import problems as P
from pipeline.defs import checks
from pipeline.defs.release import refusal, release
from pipeline.defs.resources import ProjectPathsResource
from pipeline.ingest.common import Ingested
from pipeline.reconcile import Reconciled
from pipeline.schemas import Quality, empty
from release_samples import sample_tables


@pytest.fixture
def tables(reference):
    return sample_tables(reference)


def batch(tables, problems=()):
    return Ingested(tables["claims"], tables["sources"], list(problems))


def reconciled(tables, observations=None, problems=(), quality=None):
    return Reconciled(
        observations if observations is not None else tables["observations"],
        tables["claims"],
        quality if quality is not None else tables["quality"],
        list(problems),
    )


def test_checks_pass_on_good_tables(tables, project):
    paths = ProjectPathsResource(root=str(project.root))
    results = [
        checks.claims_source_known(claims=batch(tables)),
        checks.claims_area_and_metric_known(claims=batch(tables), areas=tables["areas"], metrics=tables["metrics"]),
        checks.claims_value_in_range(claims=batch(tables), paths=paths),
        checks.observation_key_unique(observations=reconciled(tables)),
        checks.observations_source_known(observations=reconciled(tables), claims=batch(tables)),
        checks.observations_area_and_metric_known(observations=reconciled(tables), areas=tables["areas"], metrics=tables["metrics"]),
        checks.observations_value_in_range(observations=reconciled(tables), paths=paths),
        checks.inputs_valid(claims=batch(tables, [P.warning("articles/a.txt", "no claims were found")])),
        checks.reconciliation_valid(observations=reconciled(tables)),
    ]
    assert [r.passed for r in results] == [True] * len(results)


def test_duplicate_observation_key_fails(tables):
    doubled = pd.concat([tables["observations"], tables["observations"].head(1)], ignore_index=True)
    result = checks.observation_key_unique(observations=reconciled(tables, observations=doubled))
    assert not result.passed
    assert result.metadata["failures"].value == 2


def test_unknown_source_fails_for_claims_and_observations(tables):
    sources = tables["sources"][tables["sources"]["source_id"] != "web-1"]
    assert not checks.claims_source_known(claims=Ingested(tables["claims"], sources, [])).passed
    result = checks.observations_source_known(observations=reconciled(tables), claims=Ingested(tables["claims"], sources, []))
    assert not result.passed
    assert "web-1" in result.metadata["sample"].value


def test_joined_source_ids_are_each_checked():
    frame = pd.DataFrame({"source_ids": ["a;b", "a", "c;a"]})
    assert checks.unknown_source_ids(frame, "source_ids", pd.Series(["a", "b"]), joined=True)["source_ids"].tolist() == ["c;a"]


def test_unknown_area_or_metric_fails(tables):
    claims = tables["claims"].copy()
    claims.loc[0, "area_id"] = "atlantis"
    claims.loc[1, "metric"] = "offences_per_year"
    result = checks.claims_area_and_metric_known(claims=Ingested(claims, tables["sources"], []), areas=tables["areas"], metrics=tables["metrics"])
    assert not result.passed and result.metadata["failures"].value == 2
    observations = tables["observations"].copy()
    observations.loc[0, "area_id"] = "atlantis"
    result = checks.observations_area_and_metric_known(observations=reconciled(tables, observations=observations), areas=tables["areas"], metrics=tables["metrics"])
    assert not result.passed and result.metadata["failures"].value == 1


def test_values_outside_their_units_range_fail(tables, reference, project):
    frame = pd.DataFrame({
        "unit": ["count", "proportion", "percent", "percent", "count"],
        "value": [-1.0, 1.5, -150.0, 250.0, None],
    })
    assert checks.out_of_range(frame, reference)["value"].tolist() == [-1.0, 1.5, -150.0]
    observations = tables["observations"].copy()
    observations.loc[0, "value_low"] = -5.0
    result = checks.observations_value_in_range(observations=reconciled(tables, observations=observations), paths=ProjectPathsResource(root=str(project.root)))
    assert not result.passed


def test_inputs_valid_fails_on_any_reader_error_and_names_the_file(tables):
    problems = [P.warning("articles/a.txt", "is empty; it was skipped"), P.error("articles/b.txt", "is not UTF-8 text")]
    result = checks.inputs_valid(claims=batch(tables, problems))
    assert not result.passed
    assert "articles/b.txt" in result.description
    assert "articles/a.txt" not in result.description  # warnings do not block


def test_reconciliation_errors_fail_the_check(tables):
    impossible = P.error("quality", "offences_victim_under_1 (20) is above offences (10) for gwent 2016/17 (sources a, b)")
    assert not checks.reconciliation_valid(observations=reconciled(tables, problems=[impossible])).passed
    quality = Quality.validate(pd.DataFrame([{
        "check": "subset_le_total", "area_id": "gwent", "period": "2016/17", "metric": "offences",
        "values": "under_1=20; offences=10", "expected": "under_1 <= offences", "result": "error",
        "sources": "a;b", "detail": "a subset above its total",
    }]))
    result = checks.reconciliation_valid(observations=reconciled(tables, quality=quality))
    assert not result.passed and "subset_le_total" in result.description


def test_release_refuses_inputs_with_errors_even_without_checks(tables, project):
    claims = batch(tables, [P.error("foi/x.csv", "unknown area 'Atlantis'", row=3, column="area")])
    reason = refusal(claims, reconciled(tables))
    assert reason.startswith("no release written") and "foi/x.csv:3:area" in reason
    assert refusal(batch(tables), reconciled(tables, quality=empty(Quality))) is None
    context = dg.build_asset_context()
    with pytest.raises(dg.Failure, match="foi/x.csv"):
        release(context, paths=ProjectPathsResource(root=str(project.root)), claims=claims,
                observations=reconciled(tables), areas=tables["areas"], metrics=tables["metrics"])
    assert not project.releases.exists()


def test_an_invalid_frame_fails_its_asset_with_every_failure_named(tables):
    from pipeline.defs.frames import table_metadata, validate_frame
    from pipeline.schemas import Claims

    claims = tables["claims"].copy()
    claims.loc[1, "period"] = "2016"
    claims.loc[2, "unit"] = "dozens"
    with pytest.raises(dg.Failure) as failure:
        validate_frame(Claims, claims, "article claims")
    description = failure.value.description
    assert "article claims does not match the claims schema (2 failures)" in description
    assert "row 1, column period" in description and "'2016'" in description
    assert "row 2, column unit" in description and "'dozens'" in description

    metadata = table_metadata(Claims, tables["claims"])
    assert metadata["dagster/row_count"] == len(tables["claims"])
    assert [c.name for c in metadata["dagster/column_schema"].columns] == list(Claims.to_schema().columns)
    assert "claim_id" in metadata["preview"].value
