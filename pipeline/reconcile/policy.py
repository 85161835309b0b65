"""The conflict policy: which value to publish when sources disagree. Values are never averaged.

Disagreeing values are candidates; the rules below are tried in order, each keeping only the
candidates it prefers, until one candidate is left:
  1. a force's own FOI table (source_type foi_table) outranks articles and compilations;
  2. a later publication outranks an earlier one, when the published dates of all the remaining
     candidates' sources are known (a candidate's date is the latest of its sources' dates);
  3. a value stated by more independent sources outranks one stated by fewer.
If several candidates survive every rule there is no basis to choose: the observation is still
published, with status `conflict`, and its value is the fallback: the smallest of the most
precise values stated (exact over approximately over bounds). That fallback is deterministic and
is not an estimate; the note lists every value so users can pick for themselves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Callable, Sequence


PRECISION = {"exact": 0, "approximately": 1, "more_than": 2, "at_least": 2, "fewer_than": 2, "at_most": 2}
QUALIFIER_WORDS = {
    "exact": "", "approximately": "about ", "more_than": "more than ", "at_least": "at least ",
    "fewer_than": "fewer than ", "at_most": "at most ",
}
FALLBACK = "the smallest of the most precise values stated (a deterministic fallback, not an estimate)"


@dataclass(frozen=True)
class Candidate:
    value: float
    qualifier: str
    sources: tuple[str, ...]  # sorted ids of the distinct sources stating this value
    backed_by_foi: bool  # a force's FOI table states it, or states a bound only it satisfies
    published: date | None  # the latest known published date among `sources`


@dataclass(frozen=True)
class Decision:
    chosen: Candidate
    resolved: bool  # False: no rule decided, `chosen` is the fallback
    reason: str


Rule = Callable[[list[Candidate]], tuple[list[Candidate], str]]


def prefer_foi_table(candidates: list[Candidate]) -> tuple[list[Candidate], str]:
    kept = [c for c in candidates if c.backed_by_foi]
    return kept or candidates, "the force's own FOI response outranks articles and compilations"


def prefer_later_publication(candidates: list[Candidate]) -> tuple[list[Candidate], str]:
    if any(c.published is None for c in candidates):
        return candidates, ""
    latest = max(c.published for c in candidates)
    kept = [c for c in candidates if c.published == latest]
    earlier = sorted({c.published.isoformat() for c in candidates if c.published != latest})
    return kept, f"the later publication ({latest.isoformat()}) supersedes earlier ones ({', '.join(earlier)}): published figures get revised"


def prefer_more_sources(candidates: list[Candidate]) -> tuple[list[Candidate], str]:
    most = max(len(c.sources) for c in candidates)
    kept = [c for c in candidates if len(c.sources) == most]
    fewer = sorted({len(c.sources) for c in candidates if len(c.sources) != most})
    return kept, f"more independent sources state it ({most} against {', '.join(map(str, fewer))})"


POLICY: tuple[Rule, ...] = (prefer_foi_table, prefer_later_publication, prefer_more_sources)


def fallback(candidates: Sequence[Candidate]) -> Candidate:
    return min(candidates, key=lambda c: (PRECISION[c.qualifier], c.value, c.sources))


def choose(candidates: Sequence[Candidate]) -> Decision:
    """Apply POLICY to disagreeing candidates (two or more); the reason names every rule that
    narrowed them down."""
    remaining, reasons = list(candidates), []
    for rule in POLICY:
        kept, reason = rule(remaining)
        if len(kept) < len(remaining):
            reasons.append(reason)
            remaining = kept
        if len(remaining) == 1:
            chosen = remaining[0]
            return Decision(chosen, True, "; then ".join(reasons))
    chosen = fallback(remaining)
    reasons.append("no rule decides between the rest, so the value is " + FALLBACK)
    return Decision(chosen, False, "; then ".join(reasons))
