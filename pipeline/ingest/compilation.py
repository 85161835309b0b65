"""Curated compilations of published figures: data/raw/curated/<name>.csv.

Columns `area,period,metric,value,qualifier,url,note`; each row is one figure as one public page
stated it. Each distinct url is a source of its own (source_type compilation), so the same figure
copied by three outlets counts as three sources.

A file with any error is left out whole (half a table would publish half its figures) and the
errors are reported with file, line and column.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from urllib.parse import urlparse

from pipeline import problems as P
from pipeline.ingest import values
from pipeline.ingest.common import CLAIM_COLUMNS, SOURCE_COLUMNS, Ingested, claim_row, frame, read_csv_rows, sha256_of
from pipeline.paths import ProjectPaths
from pipeline.reference import Reference

COLUMNS = ["area", "period", "metric", "value", "qualifier", "url", "note"]
REQUIRED = ["area", "period", "metric", "value", "url"]


def source_id_for_url(url: str) -> str:
    """A stable, readable id for a cited page: its host as a slug plus a short hash of the url."""
    host = urlparse(url).netloc.lower().removeprefix("www.")
    slug = re.sub(r"[^a-z0-9]+", "-", host).strip("-") or "web"
    return f"{slug}-{hashlib.sha256(url.encode('utf-8')).hexdigest()[:8]}"


def read_compilations(paths: ProjectPaths, reference: Reference) -> Ingested:
    batches = [read_compilation(path, paths, reference) for path in sorted(paths.curated.glob("*.csv"))]
    return Ingested.combine(batches)


def read_compilation(path: Path, paths: ProjectPaths, reference: Reference) -> Ingested:
    shown = paths.relative_to_raw(path)
    rows, problems = read_csv_rows(path, shown, required=COLUMNS)
    claims, urls, seen = [], {}, {}
    for line, cells in rows:
        row_problems = []

        def bad(column: str, reason: str) -> None:
            row_problems.append(P.error(shown, reason, row=line, column=column, value=cells.get(column)))

        for column in REQUIRED:
            if not cells[column]:
                bad(column, f"{column} is empty")
        area_id, reason = values.parse_area(reference, cells["area"]) if cells["area"] else (None, None)
        if reason:
            bad("area", reason)
        period, reason = values.parse_period(cells["period"]) if cells["period"] else (None, None)
        if reason:
            bad("period", reason)
        metric, reason = values.parse_metric(reference, cells["metric"]) if cells["metric"] else (None, None)
        if reason:
            bad("metric", reason)
        value, reason = values.parse_number(cells["value"]) if cells["value"] else (None, None)
        if reason:
            bad("value", reason)
        elif value is not None and metric and (reason := values.check_range(reference, metric, value)):
            bad("value", reason)
        qualifier, reason = values.parse_qualifier(cells["qualifier"])
        if reason:
            bad("qualifier", reason)
        url = cells["url"]
        if url and (reason := values.parse_url(url)[1]):
            bad("url", reason)
        if row_problems:
            problems.extend(row_problems)
            continue
        key = (url, area_id, period, metric)
        if key in seen:
            problems.append(P.error(shown, f"duplicate figure: the same url, area, period and metric as line {seen[key]}", row=line))
            continue
        seen[key] = line
        source_id = source_id_for_url(url)
        urls.setdefault(url, source_id)
        evidence = values.row_evidence(cells, qualifier)
        claims.append(
            claim_row(
                reference,
                claim_id=f"{source_id}:{area_id}:{period}:{metric}",
                source_id=source_id,
                source_type="compilation",
                area_id=area_id,
                period=period,
                metric=metric,
                value=value,
                qualifier=qualifier,
                evidence=evidence,
                locator=f"{shown}:{line}:value",
                rule=f"compilation:{path.stem}",
                note=cells["note"] or None,
            )
        )
    if P.errors(problems):
        problems.append(P.left_out(shown))
        return Ingested.empty(problems)
    digest = sha256_of(path)
    sources = [
        {"source_id": source_id, "source_type": "compilation", "title": None, "publisher": None,
         "published": None, "url": url, "sha256": digest, "path": shown, "n_claims": 0}
        for url, source_id in urls.items()
    ]
    return Ingested(frame(claims, CLAIM_COLUMNS), frame(sources, SOURCE_COLUMNS), problems)
