"""Curated FOI tables: data/raw/foi/.

A folder of FOI tables holds:
    sources.csv             one row per table: source_id,area,request_ref,responded,url,title
    <source_id>.csv         the long template (area,period,metric,value,qualifier,note), or
    <source_id>.csv|.xlsx   a table in the force's own layout, with
    <source_id>.yaml        its layout description beside it (pipeline/ingest/foi_layout.py)

Each table is one source (source_type foi_table, published by the force that answered). Its figures
become claims; a table with any error is left out whole (half a table would publish half its
figures) and the others are unaffected. `read_foi` serves both the Dagster run and
`python -m pipeline check`, so both report the same problems.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pipeline import problems as P
from pipeline.ingest import values
from pipeline.ingest.common import CLAIM_COLUMNS, SOURCE_COLUMNS, Ingested, frame, read_csv_rows, sha256_of
from pipeline.ingest.foi_figures import Figure, check_figures
from pipeline.ingest.foi_layout import read_layout
from pipeline.ingest.foi_long import read_long_table
from pipeline.ingest.foi_wide import read_wide_table
from pipeline.paths import ProjectPaths
from pipeline.reference import Reference

MANIFEST = "sources.csv"
MANIFEST_COLUMNS = ["source_id", "area", "request_ref", "responded", "url", "title"]
TABLE_SUFFIXES = (".csv", ".xlsx")
LAYOUT_SUFFIXES = (".yaml", ".yml")
SOURCE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


@dataclass(frozen=True)
class FoiSource:
    """A row of sources.csv."""

    source_id: str
    area_id: str
    line: int
    request_ref: str | None
    responded: str | None  # ISO date
    url: str | None
    title: str | None


@dataclass(frozen=True)
class TableFiles:
    """The files of one table: the table itself and, for a wide layout, its description."""

    source_id: str
    table: Path | None
    layout: Path | None


def read_foi(paths: ProjectPaths, reference: Reference) -> Ingested:
    """Claims and sources from every table under data/raw/foi/, with every problem found."""
    if not paths.foi.exists():
        return Ingested.empty()
    return read_foi_folder(paths.foi, paths, reference)


def read_foi_folder(folder: Path, paths: ProjectPaths, reference: Reference, only: set[str] | None = None) -> Ingested:
    """The tables in one FOI folder (data/raw/foi/ or any folder laid out like it).

    `only`: the source ids to read, with their sources.csv rows (the rest of the folder is not
    checked); None reads everything.
    """
    manifest_path = folder / MANIFEST
    manifest_shown = paths.relative_to_raw(manifest_path)
    files, problems = table_files(folder, paths, only)
    manifest = Manifest({}, {}, [])
    if manifest_path.exists():
        manifest = read_manifest(manifest_path, manifest_shown, reference)
        problems.extend(p for p in manifest.problems if only is None or p.row is None or manifest.ids_by_line.get(p.row) in only)
    elif files:
        problems.append(P.error(manifest_shown, "is missing: every FOI table needs a row " + ",".join(MANIFEST_COLUMNS)))
    for source_id, source in manifest.sources.items():
        if (only is None or source_id in only) and getattr(files.get(source_id), "table", None) is None:
            problems.append(P.error(manifest_shown, f"names table {source_id}, but there is no {source_id}.csv or {source_id}.xlsx beside it", row=source.line, column="source_id", value=source_id))
    claims, source_rows = [], []
    for source_id, found_files in sorted(files.items()):
        if found_files.table is None:
            continue  # a layout without its table, or an XLSX without its layout: already reported
        shown = paths.relative_to_raw(found_files.table)
        source = manifest.sources.get(source_id)
        table_problems = []
        if source is None and source_id not in manifest.ids_by_line.values():
            table_problems.append(P.error(shown, f"has no row in {manifest_shown}; add {','.join(MANIFEST_COLUMNS)}"))
        figures, found = read_table(found_files, shown, paths, reference, source.area_id if source else None)
        table_problems.extend(found)
        table_problems.extend(check_figures(figures, reference))
        problems.extend(table_problems)
        if source is None or P.errors(table_problems):
            problems.append(P.left_out(shown, "table"))
            continue
        claims.extend(figure.claim(reference, source_id) for figure in figures)
        source_rows.append(source_row(source, reference, found_files.table, shown))
    return Ingested(frame(claims, CLAIM_COLUMNS), frame(source_rows, SOURCE_COLUMNS), problems)


def read_table(files: TableFiles, shown: str, paths: ProjectPaths, reference: Reference, source_area: str | None) -> tuple[list[Figure], list[P.Problem]]:
    """Figures and problems of one table, by its format (long template, or a layout beside it)."""
    if files.layout is None:
        return read_long_table(files.table, shown, reference, source_area)
    layout, problems = read_layout(files.layout, paths.relative_to_raw(files.layout), reference, xlsx=files.table.suffix.lower() == ".xlsx")
    if layout is None:
        return [], problems
    return read_wide_table(files.table, shown, layout, reference, source_area)


def table_files(folder: Path, paths: ProjectPaths, only: set[str] | None = None) -> tuple[dict[str, TableFiles], list[P.Problem]]:
    """The tables in a folder by source id, pairing each wide table with its layout."""
    tables: dict[str, list[Path]] = {}
    layouts: dict[str, list[Path]] = {}
    problems = []
    for path in sorted(folder.iterdir()):
        name = path.name
        if name.startswith(".") or name == MANIFEST or name.lower().startswith("readme") or path.is_dir():
            continue
        if only is not None and path.stem not in only:
            continue
        suffix = path.suffix.lower()
        if suffix in TABLE_SUFFIXES:
            tables.setdefault(path.stem, []).append(path)
        elif suffix in LAYOUT_SUFFIXES:
            layouts.setdefault(path.stem, []).append(path)
        elif suffix in (".xls", ".ods", ".xlsm"):
            problems.append(P.error(paths.relative_to_raw(path), f"{suffix} files cannot be read: save the table as .xlsx or .csv"))
        else:
            problems.append(P.warning(paths.relative_to_raw(path), "is not an FOI table, layout or sources.csv; it was ignored"))
    files = {}
    for stem in sorted(set(tables) | set(layouts)):
        shown = paths.relative_to_raw(folder / stem)
        found_tables, found_layouts = tables.get(stem, []), layouts.get(stem, [])
        if not SOURCE_ID.match(stem):
            problems.append(P.error(shown, "is not a usable source id: use letters, digits, '-' and '_' only (the file name is the source_id)"))
            continue
        if len(found_tables) > 1:
            problems.append(P.error(shown, f"has several tables ({', '.join(p.name for p in found_tables)}); keep one per source id"))
            continue
        if len(found_layouts) > 1:
            problems.append(P.error(shown, f"has several layouts ({', '.join(p.name for p in found_layouts)}); keep one"))
            continue
        table = found_tables[0] if found_tables else None
        layout = found_layouts[0] if found_layouts else None
        if table is None:
            problems.append(P.error(paths.relative_to_raw(layout), f"describes a table {stem}.csv or {stem}.xlsx, which does not exist"))
        elif table.suffix.lower() == ".xlsx" and layout is None:
            problems.append(P.error(paths.relative_to_raw(table), f"is an XLSX table without its layout description {stem}.yaml beside it"))
            table = None
        files[stem] = TableFiles(stem, table, layout)
    return files, problems


@dataclass
class Manifest:
    sources: dict[str, FoiSource]  # the usable rows, by source_id
    ids_by_line: dict[int, str]  # every row's source_id (usable or not), by line
    problems: list[P.Problem]


def read_manifest(path: Path, shown: str, reference: Reference) -> Manifest:
    """sources.csv: a row with any error is reported and its table left out."""
    rows, problems = read_csv_rows(path, shown, required=MANIFEST_COLUMNS)
    manifest = Manifest({}, {}, problems)
    for line, cells in rows:
        found = []

        def bad(column: str, reason: str) -> None:
            found.append(P.error(shown, reason, row=line, column=column, value=cells[column] or None))

        source_id = cells["source_id"]
        manifest.ids_by_line[line] = source_id
        if not source_id:
            bad("source_id", "source_id is empty")
        elif not SOURCE_ID.match(source_id):
            bad("source_id", "source_id must be letters, digits, '-' and '_' (it is the table's file name)")
        elif first := next((n for n, i in manifest.ids_by_line.items() if i == source_id and n != line), None):
            bad("source_id", f"duplicate source_id (first on line {first}): which row describes the table is unclear")
            manifest.sources.pop(source_id, None)
        area_id = None
        if not cells["area"]:
            bad("area", "area is empty: name the force that answered")
        else:
            area_id, reason = values.parse_area(reference, cells["area"])
            if reason:
                bad("area", reason)
        responded = None
        if cells["responded"]:
            day, reason = values.parse_date("responded", cells["responded"])
            if reason:
                bad("responded", reason)
            else:
                responded = day.isoformat()
        if cells["url"] and (reason := values.parse_url(cells["url"])[1]):
            bad("url", reason)
        problems.extend(found)
        if not found:
            manifest.sources[source_id] = FoiSource(
                source_id, area_id, line, cells["request_ref"] or None, responded, cells["url"] or None, cells["title"] or None
            )
    return manifest


def source_row(source: FoiSource, reference: Reference, table: Path, shown: str) -> dict:
    area_names = dict(zip(reference.areas["area_id"], reference.areas["area_name"]))
    return {
        "source_id": source.source_id, "source_type": "foi_table", "title": source.title,
        "publisher": area_names.get(source.area_id), "published": source.responded, "url": source.url,
        "sha256": sha256_of(table), "path": shown, "n_claims": 0,
    }
