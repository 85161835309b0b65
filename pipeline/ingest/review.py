"""Reviewers' decisions on claims: data/raw/review/decisions.csv.

Columns `claim_id,source_id,decision,area_id,period,metric,value,qualifier,evidence,reason,reviewer,decided`
(only claim_id, decision, reason and reviewer must be in the header). One row per decision:

- `accept` a claim (usually a `needs_review` one): status ok, rule `...; review:accept`;
- `reject` a claim: status rejected (kept in claims as the audit trail, never used), rule `...; review:reject`;
- `correct` a claim: the fields given replace the claim's (blank = unchanged), status ok, rule `...; review:correct`;
- `add` a claim an article states that the extractor missed: `source_id`, the claim's fields and
  `evidence`, a quote of the number as written (pipeline/ingest/quotes.py). Its claim_id and locator
  are the number's offsets, `<source_id>:<start>-<end>` and `<start>-<end>`, as an extracted claim's
  would be; rule `review:add`.

Every decision's note says who decided, when, why and what changed. Decisions are keyed by claim_id,
which for an article is the offsets of the number in the raw text, so a decision survives
re-extraction as long as the extractor reads the same number. A decision whose claim no longer
exists is an error: the extraction changed under it and someone must look again.

The file is validated whole before anything is applied: with any error it is left out (half a file
would apply half the decisions) and the error blocks the release like any input's.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field

import pandas as pd

from pipeline import problems as P
from pipeline.extract.segment import sentences
from pipeline.ingest import values
from pipeline.ingest.common import CLAIM_COLUMNS, claim_row, frame, read_csv_rows
from pipeline.ingest.quotes import locate
from pipeline.paths import ProjectPaths
from pipeline.reference import Reference

DECISIONS_FILE = "decisions.csv"
COLUMNS = ["claim_id", "source_id", "decision", "area_id", "period", "metric", "value", "qualifier", "evidence", "reason", "reviewer", "decided"]
REQUIRED = ["claim_id", "decision", "reason", "reviewer"]
KINDS = ("accept", "reject", "correct", "add")
FIELDS = ("area_id", "period", "metric", "value", "qualifier")
ADD_NEEDS = ("source_id", "evidence", "area_id", "period", "metric", "value")
_SPAN = re.compile(r"^(\d+)-(\d+)$")


@dataclass
class Decision:
    line: int
    kind: str  # one of KINDS
    claim_id: str  # as written; for an add, computed from where its quote is
    source_id: str
    fields: dict  # the claim fields the row gives, parsed: area_id, period, metric, value, qualifier
    evidence: str
    reason: str
    reviewer: str
    decided: str | None
    complete: bool = True  # False when the row itself has errors: its claim is still checked
    # add only, found when the quote is placed in its article:
    span: tuple[int, int] | None = None
    sentence: str | None = None
    supersedes: list[str] = field(default_factory=list)  # extracted claims reading the same words

    def signed(self, verb: str, changes: str = "") -> str:
        when = f" on {self.decided}" if self.decided else ""
        return f"{verb} by {self.reviewer}{when}{f' ({changes})' if changes else ''}: {self.reason}"


def apply_review(claims: pd.DataFrame, paths: ProjectPaths, reference: Reference, texts: dict[str, str]) -> tuple[pd.DataFrame, list[P.Problem]]:
    """Claims with the reviewers' decisions applied, and the problems found in the decisions.

    `texts` maps each article's source_id to its raw text (an added claim's quote is found there).
    With any error in the decisions file the claims are returned unchanged.
    """
    problems = unread_files(paths)
    path = paths.review / DECISIONS_FILE
    if not path.exists():
        return claims, problems
    shown = paths.relative_to_raw(path)
    decisions, found = read_decisions(path, shown, claims, reference, texts)
    problems += found
    if P.errors(found):
        problems.append(P.left_out(shown, applied=" (none of its decisions was applied)"))
        return claims, problems
    return apply_decisions(claims, decisions, reference), problems


def unread_files(paths: ProjectPaths) -> list[P.Problem]:
    """Files in review/ that are not the decisions file: probably decisions in the wrong place."""
    if not paths.review.is_dir():
        return []
    return [
        P.warning(paths.relative_to_raw(p), f"is not read: review decisions go in review/{DECISIONS_FILE}")
        for p in sorted(paths.review.iterdir())
        if p.is_file() and not p.name.startswith(".") and p.name != DECISIONS_FILE
    ]


# ---- reading and validating ------------------------------------------------------------------


def read_decisions(path, shown: str, claims: pd.DataFrame, reference: Reference, texts: dict[str, str]) -> tuple[list[Decision], list[P.Problem]]:
    """Every decision in the file, with every problem in it, checked against the claims they name."""
    rows, problems = read_csv_rows(path, shown, required=REQUIRED, optional=[c for c in COLUMNS if c not in REQUIRED])
    decisions = []
    for line, cells in rows:
        decision, found = parse_decision(line, cells, shown, reference)
        problems += found
        decisions.append(decision)
    problems += check_against_claims(decisions, claims, texts, shown, reference)
    return decisions, problems


def parse_field(column: str, text: str, reference: Reference) -> tuple[object, str | None]:
    if column == "area_id":
        return values.parse_area(reference, text)
    if column == "period":
        return values.parse_period(text)
    if column == "metric":
        return values.parse_metric(reference, text)
    if column == "value":
        return values.parse_number(text)
    return values.parse_qualifier(text)


def parse_decision(line: int, cells: dict, shown: str, reference: Reference) -> tuple[Decision, list[P.Problem]]:
    """One row on its own (the claims it names are checked later). A row with errors still gives a
    Decision, without the fields that could not be read, so that its claim is checked too."""
    cell = lambda column: cells.get(column, "")  # noqa: E731 (optional columns may be absent)
    problems: list[P.Problem] = []

    def bad(column: str, reason: str, severity: str = P.ERROR) -> None:
        problems.append(P.Problem(severity, shown, reason, row=line, column=column, value=cell(column) or None))

    kind = cell("decision").casefold()
    if kind not in KINDS:
        bad("decision", ("decision is empty" if not kind else "unknown decision") + ": write accept, reject, correct or add")
    for column in ("reason", "reviewer"):
        if not cell(column):
            bad(column, f"{column} is empty: every decision says why and who decided")
    if cell("decided") and (reason := values.parse_date("decided", cell("decided"))[1]):
        bad("decided", reason)
    fields = {}
    for column in FIELDS:
        if cell(column):
            parsed, reason = parse_field(column, cell(column), reference)
            if reason:
                bad(column, reason)
            else:
                fields[column] = parsed
    if kind == "add":
        for column in ADD_NEEDS:
            if not cell(column):
                bad(column, f"{column} is empty: an add gives source_id, evidence (the number as written) and the claim's area_id, period, metric and value")
        fields.setdefault("qualifier", "exact")
        if "metric" in fields and "value" in fields and (reason := values.check_range(reference, fields["metric"], fields["value"])):
            bad("value", reason)
    elif kind in KINDS:
        if not cell("claim_id"):
            bad("claim_id", f"claim_id is empty: a {kind} names the claim it decides on (the claim_id in claims.csv)")
        if kind == "correct" and not any(cell(c) for c in FIELDS):
            bad("decision", "a correct gives the fields that change (area_id, period, metric, value, qualifier); none is given")
        if cell("evidence"):
            bad("evidence", f"evidence is only read for add decisions; on a {kind} it is ignored", P.WARNING)
    decision = Decision(line, kind, cell("claim_id"), cell("source_id"), fields, cell("evidence"), cell("reason"), cell("reviewer"),
                        cell("decided") or None, complete=not P.errors(problems))
    return decision, problems


def check_against_claims(decisions: list[Decision], claims: pd.DataFrame, texts: dict[str, str], shown: str, reference: Reference) -> list[P.Problem]:
    """Decisions against the claims they name: each claim exists, is decided on once, reads as the
    decision says; each add's quote is found once in its article."""
    problems: list[P.Problem] = []
    by_id = {row["claim_id"]: row for row in claims.to_dict("records")}
    spans = article_spans(claims)

    def bad(d: Decision, column: str, reason: str, value: object = None, severity: str = P.ERROR) -> None:
        problems.append(P.Problem(severity, shown, reason, row=d.line, column=column, value=None if value is None else show(value)))

    for d in decisions:
        if d.kind == "add" and d.source_id and d.evidence:
            place_add(d, claims, texts, bad)

    first: dict[str, Decision] = {}
    for d in decisions:
        if not d.claim_id:
            continue  # an add whose quote was not placed (already reported)
        if d.claim_id in first:
            bad(d, "claim_id" if d.kind != "add" else "evidence", f"a second decision on claim {d.claim_id} (the first is on line {first[d.claim_id].line}): one decision per claim", d.claim_id if d.kind != "add" else d.evidence)
        else:
            first[d.claim_id] = d

    for d in decisions:
        if d.kind == "add" or not d.claim_id:
            continue
        claim = by_id.get(d.claim_id)
        if claim is None:
            bad(d, "claim_id", "no claim has this id: " + stale_hint(d.claim_id, spans, by_id), d.claim_id)
            continue
        if d.source_id and d.source_id != claim["source_id"]:
            bad(d, "source_id", f"claim {d.claim_id} is stated by {claim['source_id']}, not by this source", d.source_id)
        if d.kind in ("accept", "reject"):
            for column, given in d.fields.items():
                if not same(given, claim[column]):
                    bad(d, column, f"the claim now reads {column} {show(claim[column])}, not {show(given)}: it changed since the decision was made; review it again and update the decision", given)
        if d.kind == "accept" and is_missing(claim["value"]):
            bad(d, "decision", f"claim {d.claim_id} has no value to accept (status {claim['status']}); correct it with a value or leave it", d.kind)
        if d.kind == "correct":
            check_correction(d, claim, reference, bad)

    for d in decisions:
        if d.kind == "add" and d.span is not None:
            check_add_overlaps(d, decisions, first, spans, by_id, bad)
    return problems


def place_add(d: Decision, claims: pd.DataFrame, texts: dict[str, str], bad) -> None:
    """Find the add's quote in its article: its span, sentence and claim_id."""
    given_id, d.claim_id = d.claim_id, ""
    if d.source_id not in texts:
        types = claims.loc[claims["source_id"] == d.source_id, "source_type"]
        if len(types):
            bad(d, "source_id", f"source {d.source_id} is a {types.iloc[0]}, not an article: only articles get added claims (a figure missing from a table is added to that table's file)", d.source_id)
        else:
            bad(d, "source_id", "no article has this source_id (articles/sources.csv), or it could not be read", d.source_id)
        return
    text = texts[d.source_id]
    span, reason = locate(text, d.evidence)
    if span is None:
        bad(d, "evidence", f"in article {d.source_id}, {reason}", d.evidence)
        return
    computed = f"{d.source_id}:{span[0]}-{span[1]}"
    if given_id and given_id != computed:
        bad(d, "claim_id", f"the quoted number is at {span[0]}-{span[1]}, so the added claim's id is {computed}: write that or leave claim_id empty", given_id)
        return
    d.span, d.claim_id, d.sentence = span, computed, sentence_around(text, *span)


def check_correction(d: Decision, claim: dict, reference: Reference, bad) -> None:
    metric = d.fields.get("metric", claim["metric"])
    value = d.fields.get("value", claim["value"])
    if is_missing(value):
        bad(d, "value", f"claim {d.claim_id} has no value (status {claim['status']}): a correction that makes it usable gives one")
        return
    if metric in reference.metric_units and (reason := values.check_range(reference, metric, float(value))):
        bad(d, "value" if "value" in d.fields else "metric", reason, d.fields.get("value", metric))
    if d.complete and all(same(given, claim[column]) for column, given in d.fields.items()) and claim["status"] == "ok":
        bad(d, "decision", f"changes nothing: claim {d.claim_id} already reads so (the extractor may have improved); delete this decision", d.kind, P.WARNING)


def check_add_overlaps(d: Decision, decisions: list[Decision], first: dict[str, Decision], spans: dict, by_id: dict, bad) -> None:
    """An add is the reviewer's reading of those characters: an extracted claim on the same or
    overlapping characters gives way to it, unless another decision already vouches for it."""
    start, end = d.span
    for claim_id, (other_start, other_end) in spans.get(d.source_id, {}).items():
        if not (start < other_end and other_start < end):
            continue
        claim = by_id[claim_id]
        if claim_id == d.claim_id:
            if not d.complete:
                continue  # the row's own errors come first
            changes = differences(claim, d.fields)
            if changes:
                bad(d, "evidence", f"the extractor now reads this number too, as claim {claim_id} ({describe(claim)}); this add's fields replace it ({changes}): make it a correct decision on {claim_id}", d.evidence, P.WARNING)
            else:
                bad(d, "evidence", f"the extractor now reads this number the same way, as claim {claim_id}: this add is no longer needed; delete it", d.evidence, P.WARNING)
            continue
        other = first.get(claim_id)
        if other is not None and other.kind in ("reject", "add"):
            continue  # rejected anyway; two adds on the same words are reported below
        if other is not None:
            bad(d, "evidence", f"the quoted number overlaps claim {claim_id}, which line {other.line} decides to {other.kind}: two readings of the same words; keep one of the two decisions", d.evidence)
            continue
        d.supersedes.append(claim_id)
        if d.complete:
            bad(d, "evidence", f"the quoted number overlaps extracted claim {claim_id} ({describe(claim)}), which is rejected in favour of this add; better: decide on {claim_id} instead (correct or reject) and delete this add", d.evidence, P.WARNING)
    for other in decisions:
        if other is not d and other.kind == "add" and other.span is not None and other.source_id == d.source_id \
                and other.line < d.line and start < other.span[1] and other.span[0] < end and other.claim_id != d.claim_id:
            bad(d, "evidence", f"the quoted number overlaps the one added on line {other.line}: two readings of the same words", d.evidence)


def stale_hint(claim_id: str, spans: dict, by_id: dict) -> str:
    """Why a claim_id may no longer exist, and which claim to decide on instead."""
    source_id, _, where = claim_id.partition(":")  # source ids hold no ':'
    match = _SPAN.match(where)
    if match and source_id in spans:
        start, end = int(match[1]), int(match[2])
        near = [c for c, (s, e) in spans[source_id].items() if s < end and start < e]
        if near:
            now = "; ".join(f"{c} ({describe(by_id[c])})" for c in near)
            return f"the extractor now reads the number at these characters as {now}; decide on that claim instead"
        return f"the extractor no longer reads a number at characters {start}-{end} of {source_id}: if it states a claim, add it; otherwise delete this decision"
    if any(c.startswith(f"{source_id}:") for c in by_id):
        return f"source {source_id} states no such claim now (its extraction or its table changed): find its current id in claims.csv"
    return f"no source {source_id} was read; the id is mistyped or its source is gone: find the claim's id in claims.csv"


# ---- applying ----------------------------------------------------------------------------------


def apply_decisions(claims: pd.DataFrame, decisions: list[Decision], reference: Reference) -> pd.DataFrame:
    """The claims with valid decisions applied (pure: the input frame is not changed)."""
    if not decisions:
        return claims
    rows = claims.to_dict("records")
    index = {row["claim_id"]: i for i, row in enumerate(rows)}
    for d in decisions:
        if d.kind == "add":
            if d.claim_id in index:
                row = rows[index[d.claim_id]]
                was = describe(row)
                changes = differences(row, d.fields)
                set_fields(row, d.fields, reference)
                review(row, "add", d.signed("added", f"the extractor read it as {was}" if changes else ""))
            else:
                rows.append(added_claim(d, reference))
                index[d.claim_id] = len(rows) - 1
            for claim_id in d.supersedes:
                review(rows[index[claim_id]], "superseded", f"superseded by the reviewer's add {d.claim_id}, which reads the same words", status="rejected")
            continue
        row = rows[index[d.claim_id]]
        if d.kind == "accept":
            review(row, "accept", d.signed("accepted"))
        elif d.kind == "reject":
            review(row, "reject", d.signed("rejected"), status="rejected")
        else:
            changes = differences(row, d.fields)
            set_fields(row, d.fields, reference)
            review(row, "correct", d.signed("corrected", changes))
    return frame(rows, CLAIM_COLUMNS)


def added_claim(d: Decision, reference: Reference) -> dict:
    start, end = d.span
    return claim_row(
        reference,
        claim_id=d.claim_id,
        source_id=d.source_id,
        source_type="article",
        **{column: d.fields[column] for column in FIELDS},
        evidence=d.sentence,
        locator=f"{start}-{end}",
        rule="review:add",
        note=d.signed("added"),
    )


def set_fields(row: dict, fields: dict, reference: Reference) -> None:
    row.update(fields)
    row["unit"] = reference.metric_units[row["metric"]]  # the unit follows the metric


def review(row: dict, what: str, note: str, status: str = "ok") -> None:
    row["status"] = status
    row["rule"] = f"{row['rule']}; review:{what}"
    row["note"] = note if is_missing(row.get("note")) or not row["note"] else f"{row['note']}; {note}"


def decision_counts(claims: pd.DataFrame) -> dict[str, int]:
    """How many claims each kind of decision changed, read back from their rules (for run metadata)."""
    tags = claims["rule"].astype(str).str.extractall(r"review:(\w+)")[0] if len(claims) else pd.Series(dtype=str)
    return {kind: int((tags == kind).sum()) for kind in (*KINDS, "superseded")}


# ---- small helpers -----------------------------------------------------------------------------


def article_spans(claims: pd.DataFrame) -> dict[str, dict[str, tuple[int, int]]]:
    """{source_id: {claim_id: (start, end)}} for article claims, whose locator is `start-end`."""
    spans: dict[str, dict[str, tuple[int, int]]] = {}
    articles = claims[claims["source_type"] == "article"]
    for claim_id, source_id, locator in articles[["claim_id", "source_id", "locator"]].itertuples(index=False, name=None):
        match = _SPAN.match(str(locator))
        if match:
            spans.setdefault(source_id, {})[claim_id] = (int(match[1]), int(match[2]))
    return spans


def sentence_around(text: str, start: int, end: int) -> str:
    """The sentence(s) holding text[start:end], white space folded, as an extracted claim's evidence."""
    holding = [s for s in sentences(text) if s.start < end and start < s.end]
    if not holding:
        return " ".join(text[start:end].split())
    return " ".join(text[holding[0].start:holding[-1].end].split())


def is_missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def same(given: object, current: object) -> bool:
    if isinstance(given, float):
        return not is_missing(current) and math.isclose(given, float(current), rel_tol=1e-9, abs_tol=1e-12)
    return given == current


def show(value: object) -> str:
    """A value as a reviewer wrote it: 64667, 0.05, 205.71; empty shown as 'none'."""
    if is_missing(value):
        return "none"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    return str(value)


def describe(claim: dict) -> str:
    return " ".join(show(claim[c]) for c in FIELDS) + f", status {claim['status']}"


def differences(claim: dict, fields: dict) -> str:
    """'value 987 -> 978, area_id a -> b' for the fields that change."""
    return ", ".join(f"{c} {show(claim[c])} -> {show(v)}" for c, v in fields.items() if not same(v, claim[c]))
