"""Reading an article the way DATA_MODEL.md says a person does (docs/reading-rules.md in detail).

The text is scanned once for numbers, areas, periods, age expressions and tables; then each
sentence is read in order (by sentence.SentenceReader), keeping what a reader keeps in mind: the
area the text is about, the force "the force" refers to, the year a paragraph is about, whether a
paragraph is about online offences, a list's lead-in. That memory is `Context`, updated after each
sentence by `ArticleReader._remember`.

Where any answer is unclear the number is not a claim, or is a `needs_review` claim kept out of
observations: a wrong number published is worse than a missed one. A value its unit cannot take is
never claimed; one implausible for its area (plausible.csv) is claimed as needs_review. Every rule
that produces a claim names itself in `rule`.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date

from pipeline import financial_year as fy
from pipeline.extract import ExtractedClaim, Extraction
from pipeline.extract.ages import find_ages
from pipeline.extract.areas import AreaMention, find_areas
from pipeline.extract.lexicon import Lexicon, load_lexicon
from pipeline.extract.matching import has_cue, lower, match_at, starts_near, word_positions
from pipeline.extract.numbers import COUNT, Number, find_numbers
from pipeline.extract.patterns import (
    ASKED_IN,
    ATTRIBUTION,
    CLAUSE_BREAK,
    LEAD_IN_WORDS,
    LIST_ITEM,
    MULTI_YEAR,
    NATIONAL,
    OFFENCES,
    ONLINE,
    YEARS_AGO,
    blank_asides,
)
from pipeline.extract.periods import PeriodMention, find_periods, focus_period
from pipeline.extract.segment import Sentence, sentences
from pipeline.extract.sentence import Claim, SentenceReader
from pipeline.extract.tables import Table, find_tables, read_table


@dataclass
class Context:
    """What a reader keeps in mind between sentences."""

    areas: list[str | None] = field(default_factory=list)  # named in the last sentence naming any (None = not ours)
    force: str | None = None  # the last force named: what "the force" refers to
    single_area: str | None = None  # the area of the last sentence that named exactly one
    forces_named: set[str] = field(default_factory=set)
    national: str | None = None  # the last national area named (uk, england-and-wales)
    paragraph: int = -1
    paragraph_period: str | None = None  # the year the paragraph is about, once it names one
    online_topic: bool = False  # the paragraph so far is about online offences
    list_metric: str | None = None  # set by a lead-in line ending in ":" for the lines below it
    list_period: str | None = None
    last_metric: str | None = None  # metric of the previous claim in this paragraph
    claims_so_far: int = 0  # claims read in the article so far
    article_metric: str | None = None  # metric of the previous claim in the article
    claimed: dict[float, str] = field(default_factory=dict)  # count value -> area, for counts read so far
    last_explicit: str | None = None  # the last financial year the article named


class ArticleReader:
    def __init__(self, text: str, published: date | None, lexicon: Lexicon):
        self.text = text
        self.lexicon = lexicon
        self.low = lower(text)
        self.work = blank_asides(self.low)
        self.sentences = sentences(text)
        self.periods = find_periods(self.low)
        self.ages = find_ages(self.low, lexicon)
        taken = sorted([(p.start, p.end) for p in self.periods] + [(a.start, a.end) for a in self.ages])
        self.numbers = [n for n in find_numbers(self.low, lexicon) if not _overlaps_any(taken, n.start, n.end)]
        # an area named only as where the figures were asked for is not an area the text is about
        self.areas = [a for a in find_areas(text, self.low, lexicon) if not ASKED_IN.search(self.work, max(0, a.start - 70), a.start)]
        self.tables = find_tables(text)
        self.cue_spans = {kind: _cue_spans(self.work, lexicon, kind) for kind in ("online", "distractor", "sum", "offence_noun", "per_day", "per_hour", "other_crime")}
        self.breaks = [m.start() for m in CLAUSE_BREAK.finditer(self.work)]
        years = word_positions(self.work, ("years", "year", "decade", "since"))
        starts = starts_near(self.work, years, reach=40)
        self.multi_year = [m.span() for m in match_at(MULTI_YEAR, self.work, starts)]
        self.years_ago = [m.span() for m in match_at(YEARS_AGO, self.work, starts)]
        self.focus = focus_period(self.periods, published)
        self.notes: list[str] = []
        self.context = Context()
        self._starts = {
            "numbers": [n.start for n in self.numbers],
            "areas": [a.start for a in self.areas],
            "periods": [p.start for p in self.periods],
            "ages": [a.start for a in self.ages],
        }

    # -- the whole article -------------------------------------------------------------------

    def read(self) -> Extraction:
        claims: list[ExtractedClaim] = []
        skipped_for_period = 0
        tables = list(self.tables)
        for sentence in self.sentences:
            if tables and tables[0].start <= sentence.start:
                claims.extend(self._read_table(tables.pop(0)))
            if any(t.start <= sentence.start < t.end for t in self.tables):
                continue  # a table line: read as a table above
            if sentence.paragraph != self.context.paragraph:
                self._new_paragraph(sentence.paragraph)
            for claim in self._read_sentence(sentence):
                if claim.period is None:
                    skipped_for_period += 1
                    continue
                if not self._possible(claim.metric, claim.value):
                    continue  # "down 101 per cent": a misreading, never a claim
                claims.append(self._finish(claim, " ".join(self.text[sentence.start:sentence.end].split())))
        claims = _review_rival_values(claims, self.lexicon)
        if skipped_for_period:
            self.notes.append(
                f"{skipped_for_period} figure(s) left out: the article names no financial year and has no published date, "
                "so 'last year' cannot be resolved; add the published date to sources.csv"
            )
        return Extraction(claims=claims, notes=self.notes)

    def _read_table(self, table: Table) -> list[ExtractedClaim]:
        """A table's claims; rows and columns that name no area or year take the article's."""
        c = self.context
        area = c.areas[0] if len(c.areas) == 1 else None
        period = c.list_period or c.paragraph_period or self.focus
        header = " | ".join(cell.text for cell in table.header)
        found = []
        for cell in read_table(table, self.lexicon, c.list_metric):
            claim = Claim(
                Number(cell.start, cell.end, cell.value, COUNT, False), cell.metric, cell.value,
                area_id=cell.area_id or area, period=cell.period or period, rule=f"{cell.rule}; area:{'row' if cell.area_id else 'context'}",
            )
            if claim.area_id is None or claim.period is None or not self._possible(claim.metric, claim.value):
                continue
            row = " ".join(self.text[cell.row_line[0]:cell.row_line[1]].split())
            found.append(self._finish(claim, f"{header} / {row}"))
        self.context.claims_so_far += len(found)
        return found

    def _new_paragraph(self, index: int) -> None:
        c = self.context
        c.paragraph = index
        c.paragraph_period = None
        c.online_topic = False
        c.last_metric = None

    def _in(self, kind: str, start: int, end: int) -> list:
        items = getattr(self, kind)
        starts = self._starts[kind]
        return items[bisect.bisect_left(starts, start):bisect.bisect_left(starts, end)]

    # -- one sentence ------------------------------------------------------------------------

    def _read_sentence(self, sentence: Sentence) -> list[Claim]:
        s, e = sentence.start, sentence.end
        numbers = self._in("numbers", s, e)
        areas = self._in("areas", s, e)
        periods = [p for p in self._in("periods", s, e)]
        claims: list[Claim] = []
        free = periods
        if numbers:
            sentence_reading = SentenceReader(self, sentence, numbers, areas, periods, self._clauses(s, e))
            claims = sentence_reading.read()
            bound = sentence_reading._bound_ids
            free = [p for p in periods if id(p) not in bound]
        self._remember(sentence, areas, free, claims, bool(numbers))
        return claims

    def _clauses(self, start: int, end: int) -> list[tuple[int, int]]:
        inner = self.breaks[bisect.bisect_left(self.breaks, start):bisect.bisect_left(self.breaks, end)]
        bounds = [start, *(b for b in inner if b > start), end]
        return [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]

    def about_several_years(self, start: int, end: int) -> bool:
        """Whether [start, end) speaks of several years ("in five years", "since 2012/13")."""
        return has_cue(self.multi_year, start, end)

    def _remember(self, sentence: Sentence, areas: list[AreaMention], periods: list[PeriodMention], claims: list[Claim], has_numbers: bool) -> None:
        c = self.context
        text = self.text[sentence.start:sentence.end]
        named = [a for a in areas if a.kind == "area"]
        foreign = [a for a in areas if a.kind == "non_area"]
        if foreign and not named and (has_numbers or not ATTRIBUTION.search(text)):
            c.areas = [None]  # "In Bristol alone, 802 offences were recorded": about a place not ours
        elif named:
            ordered = list(dict.fromkeys(a.area_id for a in named))
            c.areas = ordered
            if len(ordered) == 1:
                c.single_area = ordered[0]
        for a in named:
            if a.area_id in self.lexicon.force_areas:
                c.force = a.area_id
                c.forces_named.add(a.area_id)
            if a.area_id in NATIONAL:
                c.national = a.area_id
        explicit = [p for p in periods if p.period and not p.base]
        if explicit:
            c.paragraph_period = explicit[-1].period
            c.last_explicit = explicit[-1].period
        if has_cue(self.cue_spans["online"], sentence.start, sentence.end):
            c.online_topic = True
        if c.list_metric and not text.rstrip().endswith(":") and not LIST_ITEM.match(text):
            c.list_metric = c.list_period = None  # the list is over
        if text.rstrip().endswith(":"):
            # "Here is the top 10:" names no metric: the list goes on with the article's
            c.list_metric = _lead_in_metric(self, sentence) or OFFENCES  # "Here is the top 10:", "How the nations compare:"
            relative = [p for p in periods if not p.base]
            c.list_period = self._resolve_period(relative[-1]) if relative else None
        if claims:
            c.last_metric = c.article_metric = claims[-1].metric
            c.claims_so_far += len(claims)
            for claim in claims:
                if claim.number.kind == COUNT and claim.area_id:
                    c.claimed.setdefault(claim.value, claim.area_id)

    def _resolve_period(self, mention: PeriodMention, reference: str | None = None) -> str | None:
        if mention.period:
            return mention.period
        if mention.calendar:
            return None
        if mention.relation == "focus":
            # "up 16 per cent compared to last year": last year as a comparison is the year before
            return fy.shift(self.focus, -1) if mention.base and self.focus else self.focus
        reference = reference or self.context.paragraph_period or self.focus
        return fy.shift(reference, mention.relation) if reference else None

    # -- final checks --------------------------------------------------------------------------

    def _finish(self, claim: Claim, evidence: str) -> ExtractedClaim:
        """The claim as returned, marked needs_review when implausible for its area."""
        plausible = self._plausible(claim)
        if plausible:
            claim.status = "needs_review"
            claim.notes.append(plausible)
        number = claim.number
        return ExtractedClaim(
            area_id=claim.area_id,
            period=claim.period,
            metric=claim.metric,
            value=claim.value,
            qualifier=claim.qualifier,
            start=number.start,
            end=number.end,
            evidence=evidence,
            rule=claim.rule,
            status=claim.status,
            note="; ".join(claim.notes) or None,
        )

    def _possible(self, metric: str, value: float) -> bool:
        """Whether a value can be true at all for its metric's unit (units.csv)."""
        low, high = self.lexicon.metric_ranges[metric]
        return math.isfinite(value) and (low is None or value >= low) and (high is None or value <= high)

    def _plausible(self, claim: Claim) -> str | None:
        """Why a value is implausible for its area (so probably given the wrong area), or None."""
        area_type = self.lexicon.area_types.get(claim.area_id, "")
        bounds = self.lexicon.plausible.get((claim.area_id, claim.metric)) or self.lexicon.plausible.get((area_type, claim.metric))
        if not bounds:
            return None
        low, high = bounds
        if not low <= claim.value <= high:
            return f"{claim.value:g} is outside the plausible range {low:g}-{high:g} for {claim.metric} in {claim.area_id}: check the area"
        return None


def _review_rival_values(claims: list[ExtractedClaim], lexicon: Lexicon) -> list[ExtractedClaim]:
    """An article that states two exact values for one area, year and metric has been misread in
    one of them. Where the first count it states is also the largest, a later, smaller one is most
    likely a part read as the whole (a town, one offence type, one court case), and only that is
    needs_review. Otherwise (a later, larger count; or any other unit) no value can be preferred,
    and all of them are."""
    exact = [c for c in claims if c.status == "ok" and c.qualifier == "exact"]
    by_key: dict[tuple, list[ExtractedClaim]] = defaultdict(list)
    for claim in sorted(exact, key=lambda c: c.start):
        by_key[(claim.area_id, claim.period, claim.metric)].append(claim)
    doubtful: dict[int, str] = {}
    for (area_id, period, metric), stated in by_key.items():
        values = {c.value for c in stated}
        if len(values) < 2:
            continue
        lead = stated[0].value
        keep_lead = lexicon.metric_units.get(metric) == "count" and lead == max(values)
        for claim in stated:
            if not (keep_lead and claim.value == lead):
                others = ", ".join(f"{v:g}" for v in sorted(values - {claim.value}))
                doubtful[id(claim)] = f"the article also gives {others} for {area_id} {period} {metric}: check which is meant"
    return [
        replace(c, status="needs_review", note="; ".join(filter(None, [c.note, doubtful[id(c)]]))) if id(c) in doubtful else c
        for c in claims
    ]


def _cue_spans(work: str, lexicon: Lexicon, kind: str) -> list[tuple[int, int]]:
    """Where the cue phrases of one kind occur in the article, found once."""
    starts = starts_near(work, word_positions(work, lexicon.cue_anchors[kind]), reach=lexicon.cue_reach[kind])
    return [m.span() for m in match_at(lexicon.cues[kind], work, starts)]


def _overlaps_any(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) overlaps any of the sorted spans."""
    i = bisect.bisect_left(spans, (end, end))
    return any(s < end and start < e for s, e in spans[max(0, i - 8):i])


def _lead_in_metric(reader: ArticleReader, sentence: Sentence) -> str | None:
    """The metric a list's lead-in line announces ("Offences recorded by each force:")."""
    s, e = sentence.start, sentence.end
    online = has_cue(reader.cue_spans["online"], s, e)
    ages = reader._in("ages", s, e)
    if ages:
        return reader.lexicon.age_metrics.get((ages[-1].youngest, ages[-1].oldest))
    if online:
        return ONLINE
    if has_cue(reader.cue_spans["offence_noun"], s, e) or LEAD_IN_WORDS.search(reader.work, s, e):
        return OFFENCES
    return None


def read_article(text: str, published: date | None = None, lexicon: Lexicon | None = None) -> Extraction:
    return ArticleReader(text, published, lexicon or load_lexicon()).read()
