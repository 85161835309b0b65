"""`python -m pipeline check [PATH...]`: validate raw inputs without building anything.

It runs the same readers as a pipeline run (so it reports exactly the problems a run would) and
writes nothing. Output: one line per problem, `error: foi/x.csv:12:value: reason (value '12a')`,
then a summary line; exit status 1 when there is any error, 0 otherwise.

What a PATH is taken to be:
- no PATH: everything under the project's data/raw/ (articles, curated compilations, FOI tables,
  review decisions); a project folder (holding data/raw/) means its data/raw/;
- a folder holding articles/, curated/, foi/ or review/ (a data/raw/ of its own): everything in it;
- an FOI folder, anywhere (its sources.csv has the FOI columns request_ref and responded, or it
  is the foi/ of a raw folder): every table in it; a table or layout file in it (or any .yaml or .xlsx file):
  that table and its sources.csv row; its sources.csv: the whole folder;
- a folder named articles, or a file in one: the articles (with their sources.csv);
- a folder named curated, a folder of compilation CSVs, or one compilation CSV: those files;
- a folder named review, or a CSV file in one: the review decisions, checked against the claims of
  the raw folder it sits in.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path

from pipeline import problems as P
from pipeline.ingest.articles import MANIFEST_COLUMNS as ARTICLE_COLUMNS
from pipeline.ingest.articles import claims_from_articles, read_articles
from pipeline.ingest.common import Ingested
from pipeline.ingest.compilation import COLUMNS as COMPILATION_COLUMNS
from pipeline.ingest.compilation import read_compilation, read_compilations
from pipeline.ingest.foi import MANIFEST, read_foi, read_foi_folder
from pipeline.ingest.review import apply_review
from pipeline.paths import ProjectPaths
from pipeline.reference import Reference


@dataclass
class Checked:
    problems: list[P.Problem] = field(default_factory=list)
    files: set[Path] = field(default_factory=set)

    def add(self, other: "Checked") -> None:
        self.problems.extend(p for p in other.problems if p not in self.problems)
        self.files |= other.files


def run(paths: list[str]) -> int:
    project = ProjectPaths.default()
    try:
        reference = Reference.load(project)
    except (OSError, KeyError, ValueError) as exc:
        print(f"error: {project.reference}: the reference tables cannot be read ({exc})", flush=True)
        return 1
    checked = Checked()
    if not paths:
        checked.add(check_raw(project, reference))
    for text in paths:
        checked.add(check_path(Path(text), project, reference))
    report = P.format_report(checked.problems)
    if report:
        print(report)
    print(summary(checked), flush=True)
    return 1 if P.errors(checked.problems) else 0


def summary(checked: Checked) -> str:
    n_errors = len(P.errors(checked.problems))
    n_warnings = len(checked.problems) - n_errors
    files = f"checked {len(checked.files)} file{'s' if len(checked.files) != 1 else ''}"
    if not checked.problems:
        return f"{files}: no problems found"
    return f"{files}: {n_errors} error{'s' if n_errors != 1 else ''}, {n_warnings} warning{'s' if n_warnings != 1 else ''}"


# --- what a path is ---------------------------------------------------------------------------

def check_path(path: Path, project: ProjectPaths, reference: Reference) -> Checked:
    if not path.exists():
        return Checked([P.error(path.as_posix(), "does not exist")])
    if path.is_dir():
        return check_folder(path, project, reference)
    folder = path.parent
    if is_foi_folder(folder) or path.suffix.lower() in (".yaml", ".yml", ".xlsx"):
        only = None if path.name == MANIFEST else {path.stem}
        return check_foi(folder, project, reference, only)
    if folder.name == "articles" or path.suffix.lower() == ".txt":
        return check_articles(folder, project, reference, only=None if path.name == "sources.csv" else path)
    if folder.name == "review" and path.suffix.lower() == ".csv":
        return check_review(folder.parent, project, reference)
    if path.suffix.lower() == ".csv" and (folder.name == "curated" or csv_header(path) == COMPILATION_COLUMNS):
        return Checked(read_compilation(path, project, reference).problems, {path})
    return Checked([P.error(path.as_posix(), "cannot tell what kind of raw input this is (an article, a compilation, an FOI table or layout, review decisions); see README.md, \"Adding a curated FOI table\"")])


def check_folder(folder: Path, project: ProjectPaths, reference: Reference) -> Checked:
    if (folder / "data" / "raw").is_dir():  # a project root
        folder = folder / "data" / "raw"
    if folder.resolve() == project.raw.resolve() or is_raw_folder(folder):
        return check_raw(replace(project, raw=folder), reference)
    if is_foi_folder(folder):
        return check_foi(folder, project, reference)
    if folder.name == "articles" or csv_header(folder / "sources.csv") == ARTICLE_COLUMNS:
        return check_articles(folder, project, reference)
    if folder.name == "review":
        return check_review(folder.parent, project, reference)
    compilations = [p for p in sorted(folder.glob("*.csv")) if folder.name == "curated" or csv_header(p) == COMPILATION_COLUMNS]
    if compilations:
        checked = Checked(files=set(compilations))
        for path in compilations:
            checked.problems.extend(read_compilation(path, project, reference).problems)
        return checked
    return Checked([P.error(folder.as_posix(), "cannot tell what this folder holds: expected a data/raw/ folder, an FOI folder (sources.csv with request_ref,responded), articles/, curated/ or review/")])


def is_foi_folder(folder: Path) -> bool:
    """An FOI folder has an FOI sources.csv, or (still without one) is the foi/ of a raw folder."""
    if (folder / MANIFEST).exists():
        return is_foi_manifest(folder / MANIFEST)
    return folder.name == "foi" and is_raw_folder(folder.parent)


def is_raw_folder(folder: Path) -> bool:
    """A data/raw/ of its own: it holds inputs in their places (a folder that merely has a
    subfolder named foi, such as a checkout of this repo, is not one)."""
    return (
        (folder / "articles" / "sources.csv").exists()
        or any((folder / "curated").glob("*.csv"))
        or is_foi_manifest(folder / "foi" / MANIFEST)
        or (folder / "review").is_dir()
    )


def is_foi_manifest(path: Path) -> bool:
    """Whether a sources.csv is an FOI folder's (its header names request_ref and responded)."""
    return {"request_ref", "responded"} <= set(csv_header(path) or [])


def csv_header(path: Path) -> list[str] | None:
    try:
        with open(path, encoding="utf-8-sig") as handle:
            return [name.strip() for name in handle.readline().strip().split(",")]
    except (OSError, UnicodeDecodeError):
        return None


# --- one kind of input ------------------------------------------------------------------------

def check_raw(paths: ProjectPaths, reference: Reference) -> Checked:
    """Everything in one raw folder, as a pipeline run would read it."""
    checked = Checked()
    if paths.articles.exists():
        checked.add(check_articles(paths.articles, paths, reference))
    if paths.curated.exists():
        checked.add(Checked(read_compilations(paths, reference).problems, set(paths.curated.glob("*.csv"))))
    if paths.foi.exists():
        checked.add(check_foi(paths.foi, paths, reference))
    if paths.review.exists():
        checked.add(check_review(paths.raw, paths, reference))
    return checked


def check_foi(folder: Path, paths: ProjectPaths, reference: Reference, only: set[str] | None = None) -> Checked:
    files = {p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".")}
    if only is not None:
        files = {p for p in files if p.stem in only or p.name == MANIFEST}
    return Checked(read_foi_folder(folder, paths, reference, only).problems, files)


def check_articles(folder: Path, project: ProjectPaths, reference: Reference, only: Path | None = None) -> Checked:
    """Articles are read as <raw>/articles/ with their sources.csv; `only`: report that file's problems."""
    if folder.name != "articles":
        return Checked([P.error(folder.as_posix(), "an articles folder must be named articles/ (it is read as <raw folder>/articles/)")])
    paths = replace(project, raw=folder.parent)
    articles, problems = read_articles(paths)
    # extraction too, so what a run would warn of ("no claims were found", a failing article) shows here
    problems = problems + claims_from_articles(articles, reference).problems
    files = {folder / "sources.csv", *folder.glob("*.txt")}
    if only is not None:
        shown, manifest = paths.relative_to_raw(only), paths.relative_to_raw(folder / "sources.csv")
        problems = [p for p in problems if p.file == shown or (p.file == manifest and p.value in (None, only.stem))]
        files = {only, folder / "sources.csv"}
    return Checked(problems, {f for f in files if f.exists()})


def check_review(raw: Path, project: ProjectPaths, reference: Reference) -> Checked:
    """Review decisions, checked against the claims they decide on (read in memory, nothing written)."""
    paths = replace(project, raw=raw)
    files = {p for p in paths.review.glob("*") if p.is_file() and not p.name.startswith(".")} if paths.review.exists() else set()
    if not files:
        return Checked()
    articles, _ = read_articles(paths)
    batch = Ingested.combine([claims_from_articles(articles, reference), read_compilations(paths, reference), read_foi(paths, reference)])
    _, problems = apply_review(batch.claims, paths, reference, batch.texts)
    return Checked(list(problems), files)
