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
from pipeline.extract.matching import match_at, starts_near, word_positions

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


# Every age expression contains one of these words; the patterns run only around them.
_ANCHORS = (
    "aged", "age", "ages", "under", "younger", "below", "less", "over", "older", "above", "year", "years",
    "olds", "old", "babies", "baby", "newborn", "newborns", "birthday", "teenagers", "teenager", "teens",
    "teenage", "toddlers", "toddler", "months", "fives", "elevens", "tens", "fours", "she", "he", "they", "i", "we", "young",
)


def _compile(lexicon: Lexicon) -> re.Pattern:
    """One pattern, most specific alternative first; the group name says how to read a match."""
    n = _word_number_pattern(lexicon)
    year_old = r"(?:[\s-]*years?[\s-]*old)?"
    under = r"(?:under|younger\s+than|below|less\s+than)"
    babies = r"(?:babies|baby|newborns?|new-born\s+babies)"
    child = r"(?:children|child|victims?|girls|boys|youngsters|kids|those|babies|infants|pupils)"
    alternatives = [
        ("toddlers", rf"{babies}\s+and\s+toddlers\b"),  # babies and toddlers together: no band of ours
        ("upto", rf"(?:aged\s+|age\s+)?(?P<n1>{n}){year_old}\s+(?:and|or)\s+(?:under|younger|below)\b"),
        ("from", rf"(?:aged\s+|age\s+)?(?P<n2>{n}){year_old}\s+(?:and|or)\s+(?:over|older|above)\b"),
        ("range", rf"(?:aged|ages(?:\s+of)?|between\s+the\s+ages\s+of)\s+(?:between\s+)?(?P<a1>{n})\s*(?:-|–|to|and)\s*(?P<b1>{n})\b{year_old}"),
        ("range", rf"(?P<a2>{n})\s*(?:-|–|to)\s*(?P<b2>{n})(?:[\s-]*years?[\s-]*olds?\b|\s+years?\s+old\b)"),
        ("baby", rf"(?:aged\s+)?{under}\s+(?:the\s+age\s+of\s+)?(?:a|one|1)\s+years?(?:\s+old)?\b"),
        ("baby", rf"(?:aged\s+)?{under}\s+(?:12|twelve)\s+months(?:\s+old)?\b"),
        ("baby", r"before\s+(?:their|his|her|the\s+child's|the\s+child’s|its)\s+first\s+birthday\b"),
        ("under", rf"(?:aged\s+)?{under}\s+the\s+age\s+of\s+(?P<n3>{n})\b"),
        ("under", rf"under[\s-](?P<n4>{n})s\b"),
        ("under", rf"aged\s+{under}\s+(?P<n5>{n})\b"),
        ("under", rf"{child}\s+(?:who\s+(?:were|was)\s+|(?:was|were)\s+|aged\s+)?{under}\s+(?P<n6>{n})(?:\s+years?(?:\s+old)?)?\b(?![\s-]*(?:per\s*cent|%|months))"),
        ("under", rf"{under}\s+(?P<n7>{n})\s+years?(?:\s+old)?\b"),
        ("exact", rf"(?P<n8>{n})[\s-]*years?[\s-]*olds?\b"),
        ("exact", rf"aged\s+(?P<n9>{n})\b"),
        ("exact", rf"(?:the\s+)?age\s+of\s+(?P<n10>{n})\b"),
        ("exact", rf"(?:aged\s+)?as\s+young\s+as\s+(?P<n12>{n})\b"),
        ("exact", rf"(?:she|he|they|i|we)\s+(?:was|were)\s+(?:only\s+|just\s+)?(?P<n11>{n})\b(?!\s*(?:per\s*cent|%|offences|crimes))"),
        ("baby", rf"{babies}\b"),
        ("teen", r"(?:teenagers?|teens|teenage)\b"),
        ("toddlers", r"toddlers?\b"),
    ]
    return re.compile("|".join(f"(?P<{kind}_{i}>{pattern})" for i, (kind, pattern) in enumerate(alternatives)))


# Compiled once per lexicon, kept beside it (see numbers._CACHE).
_CACHE: dict[int, tuple[Lexicon, re.Pattern]] = {}


def find_ages(low: str, lexicon: Lexicon) -> list[Age]:
    """Age expressions in the lower-cased text, in order."""
    cached = _CACHE.get(id(lexicon))
    if cached and cached[0] is lexicon:
        regex = cached[1]
    else:
        regex = _compile(lexicon)
        _CACHE[id(lexicon)] = (lexicon, regex)
    found = []
    for match in match_at(regex, low, starts_near(low, word_positions(low, _ANCHORS), reach=45)):
        kind = match.lastgroup.split("_")[0]
        numbers = {k[0]: v for k, v in match.groupdict().items() if v and k[0] in "nab" and k[1:].isdigit()}
        ages = _range(kind, numbers, lexicon)
        if ages is not None:
            found.append(Age(match.start(), match.end(), *ages))
    return found


def _value(text: str, lexicon: Lexicon) -> int:
    text = text.lower()
    return int(text) if text.isdigit() else lexicon.number_words[text]


def _range(kind: str, numbers: dict[str, str], lexicon: Lexicon) -> tuple[int, int] | None:
    if kind == "baby":
        return 0, 0
    if kind == "teen":
        return 13, OLDEST_CHILD
    if kind == "toddlers":
        return 0, 3
    if kind == "range":
        a, b = _value(numbers["a"], lexicon), _value(numbers["b"], lexicon)
        if not a < b <= OLDEST_CHILD + 1:
            return None
        return a, min(b, OLDEST_CHILD)
    n = _value(numbers["n"], lexicon)
    if kind == "upto":
        return 0, n
    if kind == "from":
        return n, OLDEST_CHILD
    if kind == "under":
        return (0, n - 1) if n >= 1 else None
    return n, n  # "exact": a single age
