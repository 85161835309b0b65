"""Reading claims out of news articles by general rules (DATA_MODEL.md, "Reading an article").

`extract_claims(text, published)` is the whole interface: text in, claims out. It never raises
on any text and never reads files. The rules are in reader.py; the vocabulary they use is data,
in lexicon/*.csv and data/reference/.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class ExtractedClaim:
    area_id: str
    period: str  # YYYY/YY
    metric: str
    value: float
    qualifier: str
    start: int  # character offsets of the number as written ("1,483", "one in 20", "every six hours")
    end: int
    evidence: str  # the sentence it was read from, white space folded
    rule: str  # which reading rules produced it
    status: str = "ok"  # or "needs_review": kept out of observations until a reviewer accepts it
    note: str | None = None


@dataclass
class Extraction:
    claims: list[ExtractedClaim] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # what was left out and why, for the run's output


def extract_claims(text: str, published: date | None = None) -> Extraction:
    """Every claim the article states, by the reading rules of docs/reading-rules.md."""
    from pipeline.extract.reader import read_article

    return read_article(text, published)
