"""README.md inside a release: what the files are, every column (the codebook), the metrics, and
how to check the download. Generated from the same models as datapackage.json, so it cannot
disagree with the data; deterministic (no build date), so a rebuild gives the same bytes.
"""

from __future__ import annotations

import pandas as pd

from pipeline.release.config import ReleaseConfig
from pipeline.release.tables import TABLES, column_kind


def _cell(text: object) -> str:
    return str(text).replace("|", "\\|").replace("\n", " ")


def render_readme(config: ReleaseConfig, tables: dict[str, pd.DataFrame]) -> str:
    licenses = ", ".join(
        f"[{item.get('title') or item['name']}]({item['path']})" if item.get("path") else item.get("title") or item["name"]
        for item in config.licenses
    )
    lines = [
        f"# {config.title}, release {config.version}",
        "",
        config.description,
        "",
        f"Licence: {licenses}. Cite the version you used (see CITATION.cff in the project repository).",
        "",
        "## Files",
        "",
        "Each table comes as CSV and as Parquet with the same columns and rows; `datapackage.json`",
        "describes both (Frictionless Data Package: types, descriptions, primary and foreign keys,",
        "per-file sha256), and `SHA256SUMS` lists the checksum of every other file.",
        "",
        "| table | rows | what it holds |",
        "|---|---:|---|",
    ]
    for spec in TABLES:
        lines.append(f"| `{spec.name}.csv` / `{spec.name}.parquet` | {len(tables[spec.name])} | {_cell(spec.description)} |")
    lines += [
        "",
        "Start with `observations`: one row per area x financial year x metric. `source_ids` lead to",
        "`sources`, and `claims` shows every statement behind a value, with the sentence or table cell",
        "it was read from. Where sources disagree, `status` and `note` say what was chosen and why.",
        "",
        "## File conventions",
        "",
        "- CSV: RFC 4180, UTF-8 without BOM, CRLF line ends, one header row, an empty cell for a",
        "  missing value. Dates are ISO (`2016-04-01`); periods are UK financial years (`2016/17`,",
        "  1 April to 31 March); booleans are `true`/`false`.",
        "- Numbers are written plainly and exactly: whole numbers without a decimal point (`64667`),",
        "  others as the shortest decimal that reads back as the same double (`0.05`, `205.71`).",
        "- Free-text cells (evidence, notes, titles) that would start with `=`, `+`, `-`, `@`, a tab or",
        "  a carriage return carry a leading `'` in the CSV, so spreadsheets do not run them as",
        "  formulas. The Parquet files hold the text unchanged; numbers are never altered.",
        "- Rows are sorted by each table's key, so two releases can be compared with a plain diff.",
        "",
        "## Checking the download",
        "",
        "    sha256sum -c SHA256SUMS",
        "    frictionless validate datapackage.json",
        "",
        "## Columns",
    ]
    for spec in TABLES:
        schema = spec.model.to_schema()
        lines += ["", f"### {spec.name}", ""]
        if spec.key:
            lines.append(f"Key: ({', '.join(spec.key)}), unique.")
            lines.append("")
        lines += ["| column | type | may be empty | meaning |", "|---|---|---|---|"]
        for column in spec.columns:
            model_column = schema.columns[column]
            lines.append(
                f"| `{column}` | {column_kind(spec.model, column)} | {'yes' if model_column.nullable else 'no'} "
                f"| {_cell(model_column.description or '')} |"
            )
    lines += ["", "## Metrics", "", "| metric | unit | title | description |", "|---|---|---|---|"]
    for row in tables["metrics"].itertuples(index=False):
        lines.append(f"| `{row.metric}` | {row.unit} | {_cell(row.title)} | {_cell(row.description)} |")
    lines.append("")
    return "\n".join(lines)
