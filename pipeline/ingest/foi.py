"""Curated FOI tables under data/raw/foi/ (long template and wide layouts). Not built yet."""

from __future__ import annotations

from pipeline.ingest.common import CLAIM_COLUMNS, SOURCE_COLUMNS, Ingested, frame
from pipeline.paths import ProjectPaths
from pipeline.reference import Reference


def read_foi(paths: ProjectPaths, reference: Reference) -> Ingested:
    """Claims and sources from every FOI table, with problems. Not built yet: reads nothing."""
    return Ingested(frame([], CLAIM_COLUMNS), frame([], SOURCE_COLUMNS), [])
