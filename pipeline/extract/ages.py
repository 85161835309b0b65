"""Age expressions: "aged 10 and under", "under-fives", "babies", "13-year-old".

Each becomes the range of ages it covers, (youngest, oldest) in whole years, so the metric follows
from data (lexicon/age_bands.csv): 0-10 is offences_victim_aged_10_and_under, 0-4 is
offences_victim_aged_4_and_under, 0-0 is offences_victim_under_1, 0-17 is every child. Any other
range ("under 13", "aged 11 and under", "teenagers") matches no metric, so a count about it is not
a claim. The numbers inside an age expression are never read as counts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.lexicon import Lexicon
from pipeline.extract.matching import finditer_words

OLDEST_CHILD = 17


@dataclass(frozen=True)
class Age:
    start: int
    end: int
    youngest: int
    oldest: int


def _word_number_pattern(lexicon: Lexicon) -> str:
    words = sorted((w for w, v in lexicon.number_words.items() if v <= 18), key=len, reverse=True)
    return r"(?:\d{1,2}|" + "|".join(words) + ")"


def _compile(lexicon: Lexicon) -> list[tuple[re.Pattern, str]]:
    n = _word_number_pattern(lexicon)
    year_old = r"(?:[\s-]*years?[\s-]*old)?"
    under = r"(?:under|younger\s+than|below|less\s+than)"
    babies = r"(?:babies|baby|newborns?|new-born\s+babies)"
    patterns = [
        # babies and toddlers together are not a band of ours
        (rf"{babies}\s+and\s+toddlers\b", "toddlers"),
        (rf"(?:aged\s+|age\s+)?(?P<n>{n}){year_old}\s+(?:and|or)\s+(?:under|younger|below)\b", "upto"),
        (rf"(?:aged\s+|age\s+)?(?P<n>{n}){year_old}\s+(?:and|or)\s+(?:over|older|above)\b", "from"),
        (rf"(?:aged|ages(?:\s+of)?|between\s+the\s+ages\s+of)\s+(?:between\s+)?(?P<a>{n})\s*(?:-|–|to|and)\s*(?P<b>{n})\b{year_old}", "range_aged"),
        (rf"(?P<a>{n})\s*(?:-|–|to)\s*(?P<b>{n})(?:[\s-]*years?[\s-]*olds?\b|\s+years?\s+old\b)", "range_aged"),
        (rf"(?:aged\s+)?{under}\s+(?:the\s+age\s+of\s+)?(?:a|one|1)\s+year(?:s)?(?:\s+old)?\b", "baby"),
        (rf"(?:aged\s+)?{under}\s+(?:12|twelve)\s+months(?:\s+old)?\b", "baby"),
        (rf"before\s+(?:their|his|her|the\s+child's|the\s+child’s|its)\s+first\s+birthday\b", "baby"),
        (rf"(?:aged\s+)?{under}\s+the\s+age\s+of\s+(?P<n>{n})\b", "under"),
        (rf"under[\s-](?P<n>{n})s\b", "under"),
        (rf"(?:aged\s+){under}\s+(?P<n>{n})\b", "under"),
        (rf"(?:children|child|victims?|girls|boys|youngsters|kids|those|babies|infants|pupils)\s+(?:who\s+(?:were|was)\s+|(?:was|were)\s+|aged\s+)?{under}\s+(?P<n>{n})(?:\s+years?(?:\s+old)?)?\b(?![\s-]*(?:per\s*cent|%))", "under"),
        (rf"{under}\s+(?P<n>{n})\s+years?(?:\s+old)?\b", "under"),
        (rf"(?P<n>{n})[\s-]*years?[\s-]*olds?\b", "exact"),
        (rf"aged\s+(?P<n>{n})\b", "exact"),
        (rf"{babies}\b", "baby"),
        (r"(?:teenagers?|teens|teenage)\b", "teen"),
        (r"toddlers?\b", "toddlers"),
    ]
    return [(re.compile(p), kind) for p, kind in patterns]


_CACHE: dict[int, list[tuple[re.Pattern, str]]] = {}


def find_ages(low: str, lexicon: Lexicon, spans: list[tuple[int, int]] | None = None) -> list[Age]:
    """Age expressions in the lower-cased text, within `spans` (default: all of it)."""
    compiled = _CACHE.get(id(lexicon))
    if compiled is None:
        compiled = _CACHE[id(lexicon)] = _compile(lexicon)
    found: list[Age] = []
    taken: list[tuple[int, int]] = []
    for regex, kind in compiled:
        for start, end in spans if spans is not None else [(0, len(low))]:
            _collect(regex, kind, low, start, end, lexicon, found, taken)
    found.sort(key=lambda a: a.start)
    return found


def _collect(regex: re.Pattern, kind: str, low: str, start: int, end: int, lexicon: Lexicon, found: list[Age], taken: list[tuple[int, int]]) -> None:
    """Add the matches of one pattern that no earlier (more specific) pattern has taken."""
    for match in finditer_words(regex, low, start, end):
        first, last = match.span()
        if any(first < t_end and t_start < last for t_start, t_end in taken):
            continue
        ages = _range(kind, match, lexicon)
        if ages is None:
            continue
        taken.append((first, last))
        found.append(Age(first, last, *ages))


def _value(text: str, lexicon: Lexicon) -> int:
    text = text.lower()
    return int(text) if text.isdigit() else lexicon.number_words[text]


def _range(kind: str, match: re.Match, lexicon: Lexicon) -> tuple[int, int] | None:
    if kind == "baby":
        return 0, 0
    if kind == "teen":
        return 13, OLDEST_CHILD
    if kind == "toddlers":
        return 0, 3
    if kind == "range_aged":
        a, b = _value(match["a"], lexicon), _value(match["b"], lexicon)
        if not a < b <= OLDEST_CHILD + 1:
            return None
        return a, min(b, OLDEST_CHILD)
    n = _value(match["n"], lexicon)
    if kind == "upto":
        return 0, n
    if kind == "from":
        return n, OLDEST_CHILD
    if kind == "under":
        return (0, n - 1) if n >= 1 else None
    return n, n  # "exact": a single age
