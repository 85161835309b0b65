"""`python -m pipeline extract PATH [PATH...] [--format csv|json]`: the claims articles state.

Prints the claims table (the columns of claims.csv) for article files without building anything:
what the pipeline would read from them. The source_id is the file stem; where a sources.csv
beside the file has a row for it, its published date is used to resolve "last year".
Problems go to standard error, one line each; a missing or unreadable file stops the command
with exit status 1 before anything is printed.
"""

from __future__ import annotations

import csv
import json
import math
import sys
from pathlib import Path
from typing import TextIO

from pipeline import problems as P
from pipeline.ingest.articles import Article, claims_from_articles, read_article_file, read_manifest
from pipeline.ingest.common import CLAIM_COLUMNS
from pipeline.reference import Reference


def run(paths: list[str], output_format: str, out: TextIO | None = None, err: TextIO | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    articles = []
    manifests: dict[Path, dict[str, dict]] = {}  # folder -> its sources.csv rows, read once
    for given in paths:
        path = Path(given)
        if not path.is_file():
            print(P.error(given, "no such file"), file=err)
            return 1
        text, problems = read_article_file(path, given)
        for problem in problems:
            print(problem, file=err)
        if text is None:
            if P.errors(problems):
                return 1
            continue  # an empty file: warned, nothing to read
        if path.parent not in manifests:
            manifests[path.parent] = _manifest(path.parent)
        row = manifests[path.parent].get(path.stem)
        articles.append(Article(path.stem, path, given, text, published=row["published"] if row else None))
    ingested = claims_from_articles(articles, Reference.load())
    for problem in ingested.problems:
        print(problem, file=err)
    rows = [{name: _plain(row[name]) for name in CLAIM_COLUMNS} for row in ingested.claims.to_dict("records")]
    if output_format == "json":
        json.dump(rows, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        writer = csv.DictWriter(out, fieldnames=CLAIM_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    return 0


def _manifest(folder: Path) -> dict[str, dict]:
    """The rows of a sources.csv in the articles' folder (for their published dates), if there is one."""
    manifest = folder / "sources.csv"
    return read_manifest(manifest, str(manifest))[0] if manifest.is_file() else {}


def _plain(value):
    """JSON- and CSV-friendly cell: no NaN, whole floats as ints."""
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return int(value) if value.is_integer() else value
    return value
