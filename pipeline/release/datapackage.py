"""datapackage.json: the Frictionless (Data Package v2) description of a release folder.

Field types, descriptions and constraints come from the pandera models, keys and links from
release/tables.py, so the descriptor says exactly what the files hold. Each table is described
twice, as its CSV (`observations`) and its Parquet copy (`observations-parquet`), with the same
schema. No timestamp is written: the same release must give the same bytes.

Only the CSV resources declare `bytes` and `hash`: frictionless reads Parquet through pyarrow and
cannot measure its bytes, so a declared count would fail `frictionless validate`. SHA256SUMS
covers the Parquet files instead.
"""

from __future__ import annotations

import json
from pathlib import Path

import frictionless
import pandas as pd

from pipeline.ingest.common import sha256_of
from pipeline.release.config import ReleaseConfig
from pipeline.release.tables import TABLES, TableSpec, column_kind

PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
PARQUET_MEDIATYPE = "application/vnd.apache.parquet"


def _pattern(regex: str) -> str:
    # Table Schema patterns match the whole value already; the models anchor theirs for pandera.
    return regex.removeprefix("^").removesuffix("$")


def field_descriptor(spec: TableSpec, column: str) -> dict:
    model_column = spec.model.to_schema().columns[column]
    kind = column_kind(spec.model, column)
    descriptor = {"name": column, "type": kind, "description": model_column.description or ""}
    constraints: dict = {}
    if not model_column.nullable:
        constraints["required"] = True
    if model_column.unique:
        constraints["unique"] = True
    for check in model_column.checks:
        stats = check.statistics
        if check.name == "isin":
            constraints["enum"] = list(stats["allowed_values"])
        elif check.name == "str_matches" and kind == "string":
            constraints["pattern"] = _pattern(stats["pattern"])
        elif check.name == "greater_than_or_equal_to":
            constraints["minimum"] = stats["min_value"]
    if constraints:
        descriptor["constraints"] = constraints
    return descriptor


def table_schema(spec: TableSpec, resource_suffix: str = "") -> dict:
    schema: dict = {"fields": [field_descriptor(spec, column) for column in spec.columns]}
    if spec.key:
        schema["primaryKey"] = list(spec.key)
    if spec.foreign_keys:
        schema["foreignKeys"] = [
            {"fields": fk.fields, "reference": {"resource": fk.table + resource_suffix, "fields": fk.table_fields}}
            for fk in spec.foreign_keys
        ]
    return schema


def resource(spec: TableSpec, folder: Path, fmt: str) -> dict:
    if fmt == "csv":
        name, filename, extra = spec.name, f"{spec.name}.csv", {"mediatype": "text/csv", "encoding": "utf-8"}
        suffix = ""
    else:
        name, filename, extra = f"{spec.name}-parquet", f"{spec.name}.parquet", {"mediatype": PARQUET_MEDIATYPE}
        suffix = "-parquet"
    descriptor = {
        "name": name,
        "type": "table",
        "path": filename,
        "title": spec.title if fmt == "csv" else f"{spec.title} (Parquet)",
        "description": spec.description,
        "format": fmt,
        **extra,
    }
    if fmt == "csv":
        path = folder / filename
        descriptor["bytes"] = path.stat().st_size
        descriptor["hash"] = f"sha256:{sha256_of(path)}"
    descriptor["schema"] = table_schema(spec, suffix)
    return descriptor


def package_sources(sources: pd.DataFrame) -> list[dict]:
    """Every document the release was built from, as Frictionless sources (sources.csv has the detail)."""
    listed = []
    for row in sources.sort_values("source_id").itertuples(index=False):
        title = row.title if isinstance(row.title, str) and row.title else f"{row.source_type} {row.source_id}"
        entry = {"title": title}
        if isinstance(row.url, str) and row.url:
            entry["path"] = row.url
        listed.append(entry)
    return listed


def build_descriptor(config: ReleaseConfig, folder: Path, sources: pd.DataFrame) -> dict:
    return {
        "$schema": PROFILE,
        "name": config.name,
        "title": config.title,
        "description": config.description,
        "version": config.version,
        "licenses": config.licenses,
        "sources": package_sources(sources),
        "resources": [resource(spec, folder, fmt) for fmt in ("csv", "parquet") for spec in TABLES],
    }


def write_descriptor(descriptor: dict, path: Path) -> None:
    path.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8", newline="\n")


def validate_package(path: Path) -> list[str]:
    """Frictionless's verdict on a written package: [] when valid, else one line per error."""
    report = frictionless.validate(str(path))
    if report.valid:
        return []
    lines = []
    for task in report.tasks:
        for error in task.errors:
            where = [task.name]
            row = getattr(error, "row_number", None)
            field_name = getattr(error, "field_name", None)
            if row:
                where.append(f"row {row}")
            if field_name:
                where.append(f"field {field_name}")
            lines.append(f"{', '.join(where)}: {error.type}: {error.note or error.message}")
    for error in report.errors:
        lines.append(f"datapackage.json: {error.type}: {error.message}")
    return lines
