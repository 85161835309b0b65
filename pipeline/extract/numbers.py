"""Numbers as written: "1,483", "nine", "15 per cent", "one in 20", "a third", "every six hours".

Finds each with its span and value; what it counts is decided by the reader. Text that looks like
a number but is not a quantity (phone numbers, money, dates, times, statute sections, codes such
as "Covid-19") is found first and never read as a number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.lexicon import Lexicon, phrase_key, trie_pattern
from pipeline.extract.matching import finditer_words
from pipeline.extract.periods import DATE

COUNT, PERCENT, SHARE, RATE = "count", "percent", "share", "rate"

_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_PHONE = re.compile(r"(?<![\w,.])(?:0\d{3,4}[ \-]?\d{3,4}(?:[ \-]?\d{3,4})?|116[ \-]?\d{3}|101|999|111|112)(?![\w,]|\.\d)")
# Patterns below match the lower-cased text (see matching.py).
_PHONE_CONTEXT = re.compile(r"\b(?:call|calling|dial|dialling|ring|ringing|phone|phoning|text|texting|contact|contacting|helpline|childline|number|on)\b[^.\n]{0,30}$")
_MONEY = re.compile(rf"[£$€]\s?{_DIGITS}(?:\s?(?:m|bn|k|million|billion|thousand)\b)?|{_DIGITS}\s?(?:million|billion|bn)\b|{_DIGITS}\s?(?:pounds|pence|p)\b")
_TIME = re.compile(r"\b\d{1,2}(?:[.:]\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)")
_STATUTE = re.compile(
    r"\b(?:sections?|s\.|article|schedule|clause|chapter|paragraph|part|rule|regulation|no\.|number)\s*\d+[a-z]?\b"
    r"|\b(?:act|order|regulations|bill)\s+(?:of\s+)?(?:19|20)\d{2}\b|\b\d+[a-z]?\s+of\s+the\s+\w+(?:\s+\w+)?\s+act\b"
)
_CODE = re.compile(r"\b[a-z]+-\d+\b|\b\d+[a-z]+\d*\b|\b\d+/\d+\b")
# "a five-year high", "a 10-point plan": a number fused to a unit is a description, not a count
_COMPOUND = re.compile(r"\b[\w,.]+-(?:years?|months?|weeks?|days?|hours?|minutes?|points?|strong|fold|times|page|step|per-cent)\b")
_NOT_BEFORE_DIGITS = set(".,/£$€#-")


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    value: float
    kind: str  # COUNT, PERCENT, SHARE (0-1) or RATE (per day)
    in_words: bool  # written in words ("nine", "one in five", "a third")
    year_like: bool = False  # a bare 4-digit number that could be a year (2016)
    fraction: bool = False  # "a third", "half": a share that may also be a change ("rose by a third")


def _compile(lexicon: Lexicon) -> re.Pattern:
    units = sorted((w for w, v in lexicon.number_words.items() if v < 20), key=len, reverse=True)
    tens = sorted((w for w, v in lexicon.number_words.items() if v >= 20), key=len, reverse=True)
    word = rf"(?:(?:{'|'.join(tens)})(?:[\s-](?:{'|'.join(units)}))?|{'|'.join(units)})"
    fractions = trie_pattern(list(lexicon.fractions))
    return re.compile(
        rf"(?P<rate>every\s+(?:(?P<rate_n>\d+|{word})\s+)?(?P<rate_unit>seconds?|minutes?|hours?)\b)"
        rf"|(?P<share>(?:one|1)\s+in\s+(?:every\s+)?(?P<share_n>\d{{1,3}}(?:,\d{{3}})*|{word})\b)"
        rf"|(?P<fraction>{fractions}(?![\w-]))"
        rf"|(?P<pct>(?P<pct_n>{_DIGITS}|{word})\s*(?:%|per[\s-]?cent\b|percent\b|pc\b))"
        rf"|(?P<digits>{_DIGITS}(?![\w/%]|[.,]\d))"
        rf"|(?P<word>{word}\b)"
    )


_CACHE: dict[int, re.Pattern] = {}


def word_value(text: str, lexicon: Lexicon) -> int:
    parts = re.split(r"[\s-]+", text.lower())
    return sum(lexicon.number_words[p] for p in parts)


def _value(text: str, lexicon: Lexicon) -> float:
    text = text.strip()
    if text[0].isdigit():
        return float(text.replace(",", ""))
    return float(word_value(text, lexicon))


def excluded_spans(low: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Spans in low[start:end] whose digits are not quantities: money, dates, times, statutes,
    codes, phone numbers."""
    end = len(low) if end is None else end
    spans = []
    for regex in (_MONEY, DATE, _TIME, _STATUTE, _CODE, _COMPOUND):
        spans.extend(m.span() for m in regex.finditer(low, start, end))
    for m in _PHONE.finditer(low, start, end):
        digits = re.sub(r"\D", "", m.group())
        if (digits.startswith("0") and len(digits) >= 7) or _PHONE_CONTEXT.search(low, max(0, m.start() - 40), m.start()) \
                or re.match(r"\s+in\s+an\s+emergency", low[m.end():m.end() + 20]):
            spans.append(m.span())
    return spans


def find_numbers(low: str, lexicon: Lexicon, excluded: list[tuple[int, int]] = ()) -> list[Number]:
    """Numbers in the lower-cased text, except inside the excluded spans."""
    regex = _CACHE.get(id(lexicon))
    if regex is None:
        regex = _CACHE[id(lexicon)] = _compile(lexicon)
    excluded = sorted(excluded)
    found = []
    for m in finditer_words(regex, low):
        start, end = m.span()
        if m["digits"] and start > 0 and low[start - 1] in _NOT_BEFORE_DIGITS:
            continue  # "Covid-19", "0.5", "£300", "#1"
        if excluded and _overlaps(excluded, start, end):
            continue
        number = _read(m, lexicon)
        if number is not None:
            found.append(number)
    return found


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in spans)


def _read(m: re.Match, lexicon: Lexicon) -> Number | None:
    start, end = m.span()
    if m["rate"]:
        n = _value(m["rate_n"], lexicon) if m["rate_n"] else 1.0
        if n <= 0:
            return None
        per_day = {"second": 86400.0, "minute": 1440.0, "hour": 24.0}[m["rate_unit"].lower().rstrip("s")]
        return Number(start, end, round(per_day / n, 2), RATE, in_words=True)
    if m["share"]:
        n = _value(m["share_n"], lexicon)
        if n < 2:
            return None
        return Number(start, end, round(1 / n, 4), SHARE, in_words=True)
    if m["fraction"]:
        return Number(start, end, lexicon.fractions[phrase_key(m["fraction"])], SHARE, in_words=True, fraction=True)
    if m["pct"]:
        text = m["pct_n"]
        return Number(start, end, _value(text, lexicon), PERCENT, in_words=not text[0].isdigit())
    if m["digits"]:
        text = m["digits"]
        value = float(text.replace(",", ""))
        year_like = bool(re.fullmatch(r"(?:19|20)\d{2}", text))
        return Number(start, end, value, COUNT, in_words=False, year_like=year_like)
    return Number(start, end, float(word_value(m["word"], lexicon)), COUNT, in_words=True)
