"""Publishing a release folder: deterministic, self-describing, atomic, never overwritten."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess

import frictionless
import pytest
import yaml

from conftest import REPO

from pipeline import schemas
from pipeline.release import datapackage as publishing_datapackage, files
from pipeline.release.config import ReleaseConfigError, load_release_config
from pipeline.release.publish import IDENTICAL, WRITTEN, ReleaseConflict, ReleaseError, publish, write_release_files
from pipeline.release.tables import TABLES, column_kind
from release_samples import sample_config, sample_tables

TABLE_NAMES = [spec.name for spec in TABLES]
EXPECTED_FILES = sorted(
    [f"{name}.csv" for name in TABLE_NAMES] + [f"{name}.parquet" for name in TABLE_NAMES]
    + ["datapackage.json", "README.md", "SHA256SUMS"]
)


@pytest.fixture
def tables(reference):
    return sample_tables(reference)


@pytest.fixture(scope="module")
def published(reference, tmp_path_factory):
    """One release of the sample tables, for the tests that only read it."""
    return publish(sample_tables(reference), sample_config(), tmp_path_factory.mktemp("published"))


def snapshot(folder):
    return {path.name: path.read_bytes() for path in sorted(folder.iterdir())}


def test_release_folder_holds_every_file(published, tables):
    assert published.status == WRITTEN
    assert published.path.name == "1.0.0"
    assert sorted(p.name for p in published.path.iterdir()) == EXPECTED_FILES
    assert list(published.path.parent.iterdir()) == [published.path]  # no temporary folder left
    assert published.rows["claims"] == len(tables["claims"])


def test_two_builds_are_byte_identical_whatever_the_row_order(tables, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    write_release_files(tables, sample_config(), tmp_path / "a")
    shuffled = {name: frame.sample(frac=1, random_state=7) for name, frame in tables.items()}
    write_release_files(shuffled, sample_config(), tmp_path / "b")
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b")


def test_datapackage_validates_with_frictionless(published):
    report = frictionless.validate(str(published.path / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    assert {task.name for task in report.tasks} == set(TABLE_NAMES) | {f"{name}-parquet" for name in TABLE_NAMES}


def test_datapackage_describes_the_files(published):
    folder = published.path
    package = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
    assert package["version"] == "1.0.0"
    assert package["name"] == "test-package"
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert {"title": "compilation web-1", "path": "https://example.org/gwent"} in package["sources"]
    resources = {resource["name"]: resource for resource in package["resources"]}
    for spec in TABLES:
        csv_resource = resources[spec.name]
        data = (folder / csv_resource["path"]).read_bytes()
        assert csv_resource["format"] == "csv" and csv_resource["encoding"] == "utf-8"
        assert csv_resource["mediatype"] == "text/csv"
        assert csv_resource["bytes"] == len(data)
        assert csv_resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
        fields = csv_resource["schema"]["fields"]
        model_columns = spec.model.to_schema().columns
        assert [f["name"] for f in fields] == spec.columns
        for field in fields:
            assert field["type"] == column_kind(spec.model, field["name"])
            assert field["description"] == model_columns[field["name"]].description
        assert resources[f"{spec.name}-parquet"]["path"] == f"{spec.name}.parquet"
        assert resources[f"{spec.name}-parquet"]["schema"]["fields"] == fields
    observations = resources["observations"]["schema"]
    assert observations["primaryKey"] == ["area_id", "period", "metric"]
    assert {"fields": ["area_id"], "reference": {"resource": "areas", "fields": ["area_id"]}} in observations["foreignKeys"]
    assert {"fields": ["metric"], "reference": {"resource": "metrics", "fields": ["metric"]}} in observations["foreignKeys"]
    claim_links = {fk["reference"]["resource"] for fk in resources["claims"]["schema"]["foreignKeys"]}
    assert claim_links == {"areas", "metrics", "sources"}
    published = next(f for f in resources["sources"]["schema"]["fields"] if f["name"] == "published")
    assert published["type"] == "date"


def test_sha256sums_covers_every_other_file(published):
    folder = published.path
    lines = (folder / "SHA256SUMS").read_text(encoding="utf-8").splitlines()
    listed = {}
    for line in lines:
        digest, name = line.split("  ", 1)
        listed[name] = digest
    assert sorted(listed) == [name for name in EXPECTED_FILES if name != "SHA256SUMS"]
    for name, digest in listed.items():
        assert hashlib.sha256((folder / name).read_bytes()).hexdigest() == digest
    if shutil.which("sha256sum"):
        subprocess.run(["sha256sum", "--quiet", "-c", "SHA256SUMS"], cwd=folder, check=True)


def test_release_readme_is_a_codebook(published):
    folder = published.path
    readme = (folder / "README.md").read_text(encoding="utf-8")
    for spec in TABLES:
        assert f"### {spec.name}" in readme
        for column in spec.columns:
            assert f"| `{column}` |" in readme
    assert "sha256sum -c SHA256SUMS" in readme
    assert "`offences_per_day`" in readme


def test_identical_rebuild_changes_nothing(tables, tmp_path):
    first = publish(tables, sample_config(), tmp_path)
    before = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in first.path.iterdir()}
    second = publish(tables, sample_config(), tmp_path)
    assert second.status == IDENTICAL
    assert "already exists" in second.describe() and "identical" in second.describe()
    assert {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in second.path.iterdir()} == before
    assert list(tmp_path.iterdir()) == [first.path]


def test_changed_data_under_a_published_version_fails_clearly(tables, tmp_path):
    folder = publish(tables, sample_config("2.3.4"), tmp_path).path
    before = snapshot(folder)
    changed = dict(tables)
    observations = tables["observations"].copy()
    restated = (observations["metric"] == "offences") & (observations["period"] == "2016/17")
    observations.loc[restated, "value"] = 315.0
    changed["observations"] = schemas.Observations.validate(observations)
    with pytest.raises(ReleaseConflict) as failure:
        publish(changed, sample_config("2.3.4"), tmp_path)
    message = str(failure.value)
    assert "release 2.3.4 already exists" in message
    assert "observations.csv: 1 row changed" in message
    assert "data/release.yaml" in message and "Bump `version`" in message
    assert snapshot(folder) == before
    assert list(tmp_path.iterdir()) == [folder]


def test_a_failure_midway_leaves_nothing_behind(tables, tmp_path, monkeypatch):
    calls = []
    real = files.write_parquet

    def failing(spec, frame, path):
        calls.append(spec.name)
        if len(calls) == 3:
            raise OSError("disk full (simulated)")
        real(spec, frame, path)

    monkeypatch.setattr(files, "write_parquet", failing)
    with pytest.raises(OSError, match="simulated"):
        publish(tables, sample_config(), tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_a_package_that_does_not_validate_is_not_published(tables, tmp_path):
    broken = dict(tables)
    claims = tables["claims"].copy()
    claims.loc[0, "area_id"] = "atlantis"  # not in areas: a broken foreign key
    broken["claims"] = claims
    with pytest.raises(ReleaseError, match="does not validate") as failure:
        publish(broken, sample_config(), tmp_path)
    assert "claims" in str(failure.value)
    assert list(tmp_path.iterdir()) == []


def test_missing_table_is_refused(tables, tmp_path):
    del tables["quality"]
    with pytest.raises(ReleaseError, match="quality"):
        publish(tables, sample_config(), tmp_path)
    assert not (tmp_path / "1.0.0").exists()


def test_release_config_is_read_and_checked(tmp_path):
    path = tmp_path / "release.yaml"
    path.write_text("version: 1.2.0\nname: pkg\ntitle: T\ndescription: >-\n  one\n  two\nlicenses:\n  - name: CC-BY-4.0\n", encoding="utf-8")
    config = load_release_config(path)
    assert (config.version, config.description) == ("1.2.0", "one two")
    path.write_text(path.read_text(encoding="utf-8").replace("1.2.0", "1.2"), encoding="utf-8")
    with pytest.raises(ReleaseConfigError, match="not a semantic version"):
        load_release_config(path)
    with pytest.raises(ReleaseConfigError, match="missing"):
        load_release_config(tmp_path / "absent.yaml")


def test_repo_release_config_is_valid():
    config = load_release_config(REPO / "data" / "release.yaml")
    assert config.licenses[0]["name"]
    assert config.title and config.description


def test_changelog_and_citation_name_the_version_being_built():
    version = load_release_config(REPO / "data" / "release.yaml").version
    changelog = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## {version}" in changelog, f"CHANGELOG.md needs an entry for {version} (data/release.yaml)"
    citation = yaml.safe_load((REPO / "CITATION.cff").read_text(encoding="utf-8"))
    assert str(citation["version"]) == version
    assert citation["type"] == "dataset" and citation["authors"] and citation["cff-version"] == "1.2.0"


def test_a_version_published_by_another_run_meanwhile_is_compared_not_merged(tables, tmp_path, monkeypatch):
    other = tmp_path / "other"
    other.mkdir()
    published_elsewhere = publish(tables, sample_config(), other).path
    real_validate = publishing_datapackage.validate_package

    def publish_concurrently(path):
        # another run renames its identical build into place just before ours does
        shutil.copytree(published_elsewhere, tmp_path / "releases" / "1.0.0")
        return real_validate(path)

    monkeypatch.setattr(publishing_datapackage, "validate_package", publish_concurrently)
    outcome = publish(tables, sample_config(), tmp_path / "releases")
    assert outcome.status == IDENTICAL
    assert [p.name for p in (tmp_path / "releases").iterdir()] == ["1.0.0"]
