"""Reading the numbers of one sentence: what each counts, for which area and year, how exactly.

`SentenceReader` holds one sentence's numbers, area and period mentions and clauses, and reads
each number in turn against them and against what the article reader keeps in mind (its
`context`). The questions, in order, are in `read`: a number is read by its kind (count, percent,
share, rate), then given an area (`area_for`) and a year (`period_for`); any unclear answer
drops it. The phrases it looks for are in patterns.py and lexicon/.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from pipeline import financial_year as fy
from pipeline.extract.ages import OLDEST_CHILD, Age
from pipeline.extract.areas import AreaMention
from pipeline.extract.lexicon import Lexicon, phrase_key
from pipeline.extract.matching import has_cue
from pipeline.extract.numbers import COUNT, PERCENT, RATE, SHARE, Number
from pipeline.extract.patterns import (
    ABSOLUTE,
    ADULTS,
    ALL_AGES,
    APPOSITION,
    AREA_GAP,
    ASIDE_CLOSE,
    BASE_OF,
    CHANGE,
    CHANGE_AFTER,
    CHANGE_BEFORE,
    CHANGE_OF,
    CHANGE_WORD,
    COMMA,
    COMPARED,
    CUE_END_AFTER,
    CUE_START_BEFORE,
    DOWN,
    ELLIPTICAL,
    ENUMERATED,
    EXTRA,
    FRACTION_CHANGE,
    FROM,
    IN_PHRASE,
    LINK,
    LIST_LINE,
    METHOD,
    MORE_CASES_THAN,
    MORE_THAN_AFTER,
    NATIONAL,
    NEIGHBOUR,
    RANKED_IN,
    SAID_GAP,
    COMPARED_BEFORE_YEAR,
    RESTATED_LEAD,
    RESTATED_NOUN,
    SERIES_JOIN,
    AREA_AFTER_GAP,
    NUMBER_WORDS_CONTEXT,
    N_FORCES,
    OFFENCES,
    OFFENCE_CONTEXT,
    OFFENCE_WORDS,
    OF_THE,
    OF_THESE,
    OF_WHICH,
    ONLINE,
    ONLINE_CHANGE,
    ONLINE_SHARE,
    PARENTHESIS_BEFORE,
    PERIOD_GAP,
    PER_DAY,
    PER_DAY_AFTER,
    PLURAL_FORCES,
    POSSESSIVE,
    RANK,
    RATE_LEAD,
    REFERENT,
    REGION_AFTER,
    SEX_WORDS,
    SHARE_OF,
    SHARE_OF_BEFORE,
    SHARE_REFERENT,
    STOP,
    THAT_WAS,
    TOTAL_OF,
    TOTAL_WORDS,
    TO_END,
    WHEN_CLAUSE,
    WORD,
)
from pipeline.extract.periods import PeriodMention
from pipeline.extract.segment import Sentence

if TYPE_CHECKING:
    from pipeline.extract.reader import ArticleReader


@dataclass
class Claim:
    """A number read as a claim, before it becomes an ExtractedClaim."""

    number: Number
    metric: str
    value: float
    area_id: str | None = None
    period: str | None = None
    qualifier: str = "exact"
    rule: str = ""
    status: str = "ok"
    notes: list[str] = field(default_factory=list)
    change_start: bool = False  # the count a change started from ("up from 1,569"): the year before


class SentenceReader:
    """The numbers of one sentence, read against each other and the article's context."""

    def __init__(self, reader: ArticleReader, sentence: Sentence, numbers: list[Number], areas: list[AreaMention], periods: list[PeriodMention], clauses: list[tuple[int, int]]):
        self.r = reader
        self.lex = reader.lexicon
        self.work = reader.work
        self.sentence = sentence
        self.numbers = numbers
        self.areas = areas
        self.periods = periods
        self.clauses = clauses
        self.claims: list[Claim] = []
        self._windows = [self._compute_windows(i) for i in range(len(numbers))]
        self.when_bound: set[int] = set()
        self.bound = self._bind_periods()
        self._bound_ids = {id(p) for p in self.bound.values()}

    # -- helpers -------------------------------------------------------------------------------

    def clause_of(self, position: int) -> tuple[int, int]:
        for start, end in self.clauses:
            if start <= position < end:
                return start, end
        return self.clauses[-1]

    def windows(self, index: int) -> tuple[int, int, int, int]:
        """(left start, left end, right start, right end): the text between this number and its
        neighbours in the same clause."""
        return self._windows[index]

    def _compute_windows(self, index: int) -> tuple[int, int, int, int]:
        number = self.numbers[index]
        c_start, c_end = self.clause_of(number.start)
        left = c_start
        if index > 0 and self.numbers[index - 1].end > c_start:
            left = self.numbers[index - 1].end
        right = c_end
        if index + 1 < len(self.numbers) and self.numbers[index + 1].start < c_end:
            right = self.numbers[index + 1].start
        return left, number.start, number.end, right

    def cue(self, kind: str, start: int, end: int) -> bool:
        return end > start and has_cue(self.r.cue_spans[kind], start, end)

    def ages_between(self, start: int, end: int) -> list[Age]:
        return self.r._in("ages", start, end)

    def _age_band(self, start: int, end: int) -> bool:
        """Whether [start, end) names an age band narrower than all children ("under-18s" is all)."""
        return any((a.youngest, a.oldest) != (0, OLDEST_CHILD) for a in self.ages_between(start, end))

    def has_previous_in_clause(self, index: int) -> bool:
        if index == 0:
            return False
        return self.numbers[index - 1].end > self.clause_of(self.numbers[index].start)[0]

    def previous_claim(self) -> Claim | None:
        return self.claims[-1] if self.claims else None

    def _previous_count(self) -> Claim | None:
        return next((c for c in reversed(self.claims) if c.number.kind == COUNT), None)

    # -- periods ---------------------------------------------------------------------------------

    def _bind_periods(self) -> dict[int, PeriodMention]:
        """Periods written right after a number belong to that number alone: "1,569 the year
        before", "1,151 in 2015/16", "114 in the previous year", "1,120 (2016/17)"."""
        bound: dict[int, PeriodMention] = {}
        gap, when = PERIOD_GAP, WHEN_CLAUSE
        for mention in self.periods:
            if mention.calendar:
                continue
            after = [n for n in self.numbers if n.start >= mention.end]
            if after and when.match(self.work, mention.end, after[0].start):
                bound[after[0].start] = mention  # "the year before, when the force recorded 69"
                self.when_bound.add(after[0].start)
                continue
            if after and POSSESSIVE.fullmatch(self.work, mention.end, after[0].start):
                bound[after[0].start] = mention  # "a decrease of 7 per cent on 2020/21's 1,392"
                continue
            if mention.base:
                continue
            before = [n for n in self.numbers if n.end <= mention.start]
            if not before:
                continue
            number = before[-1]
            if gap.match(self.work, number.end, mention.start) and number.start not in bound:
                bound[number.start] = mention
        return bound

    def free_periods(self, start: int, end: int) -> list[PeriodMention]:
        bound = self._bound_ids
        return [p for p in self.periods if start <= p.start < end and not p.base and id(p) not in bound]

    def reference_year(self, position: int, sentence_level: bool = False, area_id: str | None = None) -> str | None:
        """The year "the previous year" is counted from: the year of the figure before it in the
        sentence (of the same area, and not itself a change's starting point), else the year the
        sentence or paragraph names, else (for a sentence opening "The year before, ...") the year
        the article named last, else the article's year."""
        previous = [c for c in self.claims if c.period and c.number.start < position
                    and (area_id is None or c.area_id == area_id) and not c.change_start]
        if previous:
            return previous[-1].period
        clause = self.clause_of(position)
        for span in (clause, (self.sentence.start, self.sentence.end)):
            explicit = [p for p in self.free_periods(*span) if p.period]
            if explicit:
                return min(explicit, key=lambda p: abs(p.start - position)).period
        context = self.r.context
        if sentence_level and not context.paragraph_period and context.last_explicit:
            return context.last_explicit
        return context.paragraph_period or self.r.focus

    def period_for(self, number: Number, left_text: str, is_change: bool, area_id: str | None = None) -> tuple[str | None, str | None]:
        """(period, reason it is unknown)."""
        if number.start in self.bound:
            mention = self.bound[number.start]
            if mention.relation == "focus" and COMPARED.search(left_text):
                return _shift(self.reference_year(number.start, area_id=area_id), -1), None  # "compared to 1,037 last year"
            return self.r._resolve_period(mention, self.reference_year(number.start, area_id=area_id)), None
        clause = self.clause_of(number.start)
        if not is_change and has_cue(self.r.years_ago, *clause) and not any(p.period for p in self.free_periods(*clause)):
            return None, "a clause about years long past"
        if is_change:
            bases = [p for p in self.periods if clause[0] <= p.start < clause[1] and p.base and p.start > number.start]
            bases = bases or [p for p in self.periods if clause[0] <= p.start < clause[1] and p.base]
            explicit_base = next((p for p in bases if p.period), None)
            if explicit_base:
                return self._year_after_base(explicit_base)
            # "8 per cent higher than the 5,207 offences the Met recorded in 2017/18", "68% higher
            # than it was in 2013/14": a year after the comparison word is the base, and the change
            # is a year-on-year one only if the year after it is the year the text is about
            compared = next((p for p in self.periods if p.period and number.end <= p.start < clause[1]
                             and COMPARED_BEFORE_YEAR.search(self.work, number.end, p.start)), None)
            if compared:
                return self._year_after_base(compared, about=self.r.context.paragraph_period or self.r.focus)
        # "A year later the figure had fallen to 603, a drop of 8 per cent": a change beside counts
        # is the change in the latest of their years, unless that is a year before the article's
        # own ("A year earlier, the force recorded 4,109, meaning the number rose by 7 per cent").
        latest = max((c.period for c in self.claims if c.number.kind == COUNT and c.period and c.metric in CHANGE_OF), default=None)
        if is_change and latest and (self.r.focus is None or latest >= self.r.focus):
            return latest, None
        for span in (clause, (self.sentence.start, self.sentence.end)):
            candidates = self.free_periods(*span)
            if is_change:  # "A year earlier, the force recorded 4,109, meaning the number rose by 7%"
                candidates = [p for p in candidates if p.relation != -1]
            if candidates:
                mention = min(candidates, key=lambda p: abs(p.start - number.start))
                if mention.calendar:
                    return None, "a calendar year, not a financial year"
                return self.r._resolve_period(mention, self.reference_year(number.start, sentence_level=True, area_id=area_id)), None
        if self.r.context.list_period:
            return self.r.context.list_period, None
        return self.r.context.paragraph_period or self.r.focus, None

    def _year_after_base(self, base: PeriodMention, about: str | None = None) -> tuple[str | None, str | None]:
        """(period, reason) for a change measured from the year `base` names: the year after it,
        unless the sentence names other years and none is that one, or (naming none) the text is
        `about` another year. Either way the change spans several years."""
        after_base = fy.shift(base.period, 1)
        own = [p for p in self.free_periods(self.sentence.start, self.sentence.end) if p.period and p is not base]
        if own and all(p.period != after_base for p in own) or not own and about and about != after_base:
            return None, "compares years further apart than one"
        return after_base, None

    # -- areas -----------------------------------------------------------------------------------

    def area_for(self, number: Number) -> tuple[str | None, str, str | None]:
        """(area_id, how it was found, reason it is unknown).

        An area named in the sentence goes with the number it sits beside: each mention belongs
        to the number it is closest to, counting a comma between them as far ("In Wales the
        figure was 2,418, Scotland's police recorded 3,510"; "Lancashire, where offences went up
        by 31 per cent, Kent, up 27 per cent"). A number no mention belongs to takes the nearest.
        """
        clause = self.clause_of(number.start)
        mentions = [
            a for a in self.areas
            if not NEIGHBOUR.search(self.work, max(0, a.start - 20), a.start)
            # "..., according to the charity, which gathered figures from forces across the country"
            and not (a.kind in ("national", "region") and a.start >= number.end and COMMA.search(self.work, number.end, a.start))
            # "..., according to figures obtained by the NSPCC from every police force in the UK"
            and not (a.start >= number.end and METHOD.search(self.work, number.end, a.start))
            and not REGION_AFTER.match(self.work, a.end)  # "the West Midlands region": several forces
        ]
        ranked_in = [a for a in mentions if RANKED_IN.search(self.work, max(0, a.start - 50), a.start)]
        mentions = [a for a in mentions if a not in ranked_in]
        owned = [a for a in mentions if self._owner(a) is number]
        for span in (clause, (self.sentence.start, self.sentence.end)):
            candidates = [a for a in owned if span[0] <= a.start < span[1]]
            if candidates:
                return self._resolve(min(candidates, key=lambda a: self._cost(a, number)))
        mentions = [a for a in mentions if a.kind != "non_area" or self._owner(a) in (number, None)]
        for span in (clause, (self.sentence.start, self.sentence.end)):
            candidates = [a for a in mentions if span[0] <= a.start < span[1]]
            if candidates:
                nearest = min(candidates, key=lambda a: (_distance(a, number), a.start > number.start))
                return self._resolve(nearest)
        if ranked_in:
            return None, "", "the area named is where the figure ranks, not whose it is"
        c = self.r.context
        if not c.areas:
            return None, "", "no area named yet"
        if c.areas == [None] or None in c.areas:
            return None, "", "the text is about a place that is not one of our areas"
        if len(c.areas) > 1:
            if c.single_area and all(c.single_area in self.lex.within.get(a, ()) for a in c.areas):
                # "In England, 39,441; Welsh forces, 2,167. More than 10,000 of the offences ...":
                # a breakdown into parts of the area the text was about, which it is still about
                return c.single_area, "context", None
            return c.areas[-1], "context", "several areas named in the previous sentence"
        return c.areas[0], "context", None

    def _cost(self, area: AreaMention, number: Number) -> int:
        """How far apart an area mention and a number are: characters, a comma or dash between
        them counting as 100, an area after its number as 15 more (but not in "915 in Suffolk")."""
        start, end = (area.end, number.start) if area.end <= number.start else (number.end, area.start)
        between = self.work[start:end]
        breaks = len(COMMA.findall(between)) + between.count(";") + between.count(" – ") + between.count(" - ")
        after = area.start >= number.end and not AREA_AFTER_GAP.fullmatch(self.work, number.end, area.start)
        return len(between) + 100 * breaks + (15 if after else 0)

    def _owner(self, area: AreaMention) -> Number | None:
        """The number of the sentence an area mention goes with."""
        in_sentence = [n for n in self.numbers if self.sentence.start <= n.start < self.sentence.end]
        return min(in_sentence, key=lambda n: self._cost(area, n)) if in_sentence else None

    def _resolve(self, mention: AreaMention) -> tuple[str | None, str, str | None]:
        c = self.r.context
        if mention.kind == "area":
            return mention.area_id, "named", None
        if mention.kind == "non_area":
            return None, "", "a place that is not one of our areas"
        if mention.kind == "local":
            earlier = [a.area_id for a in self.areas if a.kind == "area" and a.end <= mention.start
                       and a.area_id in self.lex.force_areas]
            force = earlier[-1] if earlier else c.force  # "Essex Police recorded ..., when the force logged 1,609"
            return (force, "the force", None) if force else (None, "", "no force named yet")
        if mention.kind == "region":
            if c.force and len(c.forces_named) == 1:
                return c.force, "the region", None
            return None, "", "'the region' may mean several forces"
        if mention.kind == "national":
            if c.national:
                return c.national, "national", None
            return None, "", "'nationally' does not say which nation"
        return None, "", "unknown area mention"

    # -- qualifiers ------------------------------------------------------------------------------

    def qualifier_for(self, number: Number, left: int) -> str:
        """The qualifier the words around a number give it: "more than 300", "300 or more"."""
        words = self.r.low[max(left, number.start - 40):number.start].replace("-", " ").split()
        for size in (3, 2, 1):  # the longest hedge ending right before the number
            if len(words) >= size:
                qualifier = self.lex.hedges_before.get(" ".join(words[-size:]))
                if qualifier:
                    return qualifier
        after = self.r.low[number.end:number.end + 12].replace("-", " ").split()
        for size in (2, 1):
            qualifier = self.lex.hedges_after.get(" ".join(after[:size]))
            if qualifier:
                return qualifier
        return "exact"

    # -- reading each number -----------------------------------------------------------------------

    def read(self) -> list[Claim]:
        for index, number in enumerate(self.numbers):
            claim = self._read_number(index, number)
            if claim is None:
                continue
            found = self.claim_area(index, number)
            if found is None:
                continue
            area_id, how, doubt = found
            claim.area_id = area_id
            if doubt:
                claim.status = "needs_review"
                claim.notes.append(doubt)
            claim.rule += f"; area:{how}"
            left = self.windows(index)[0]
            period, why = self.period_for(number, self.work[left:number.start], claim.metric in (CHANGE, ONLINE_CHANGE), claim.area_id)
            if why:
                continue
            claim.period = period
            if claim.number.kind == COUNT:
                starting_point = self._starting_point(index, claim.number, claim.area_id)
                if starting_point == "skip":
                    continue
                if starting_point:
                    claim.period = starting_point
                    claim.rule += "; from:previous-year"
                    claim.change_start = True
            self.claims.append(claim)
        return self.claims

    def claim_area(self, index: int, number: Number) -> tuple[str, str, str | None] | None:
        """(area_id, how it was found, doubt) for a number that is a claim, or None where its area is
        unknown or the figure is about several areas or a part of one (a town, some of a region's
        forces, a total of the areas named)."""
        area_id, how, doubt = self.area_for(number)
        if how in ("the force", "the region", "context") and any(
                a.kind == "non_area" for a in self.areas if self.clause_of(number.start)[0] <= a.start < number.start):
            return None  # "Swansea recorded the most offences of any local authority in the force area, with 480"
        restated = self._restated
        if how == "context" and restated:
            area_id, how, doubt = restated, "restated", None  # "Of the 46,731 offences, 9,861 were ..."
        if area_id is None:
            return None
        left = self.windows(index)[0]
        comma = COMMA.search(self.work, number.end, self.sentence.end)
        segment_end = comma.start() if comma else self.sentence.end
        if how in ("context", "the region", "the force") and PLURAL_FORCES.search(self.work, self.sentence.start, segment_end) \
                and area_id in self.lex.force_areas:
            if how != "context" or not self.r.context.national:
                return None  # "the four forces in the region recorded 4,000": a sum of several forces
            area_id, how = self.r.context.national, "national"  # "flagged by forces": the national figure
        if self.cue("sum", self.sentence.start, self.windows(index)[3]) and area_id not in NATIONAL and self.lex.area_types.get(area_id) != "nation":
            return None
        if TOTAL_OF.search(self.work, max(left, number.start - 25), number.start) and len({a.area_id for a in self.areas if a.kind == "area"}) > 1:
            return None  # "Kent (2,236), Sussex (1,617) and Surrey (1,009) - a total of 4,862": a sum
        if self._some_forces(number, area_id, how):
            return None  # "the ten largest forces accounted for 15,062": a sum of some forces
        return area_id, how, doubt

    def _some_forces(self, number: Number, area_id: str, how: str) -> bool:
        """Whether the figure is about a number of forces other than the area's own: "the
        region's three forces, Durham, Cleveland and Northumbria, 380 offences"; "the ten largest
        forces accounted for 15,000". "The four forces in Wales" are all of Wales: not a sum."""
        before = [a for a in self.areas if a.kind == "area" and a.end <= number.start]
        if before and ENUMERATED.fullmatch(self.work, before[-1].end, number.start):
            return False  # "the other three forces as follows: Dyfed-Powys (702), Gwent (556)"
        comma = COMMA.search(self.work, number.end, self.sentence.end)
        counts = self.lex.force_counts.get(area_id, (1,))
        for m in N_FORCES.finditer(self.work, number.end, comma.start() if comma else self.sentence.end):
            if self._forces(m) not in counts:
                return True  # "5,900 offences were recorded by the four police forces covering ..."
        for m in N_FORCES.finditer(self.work, self.sentence.start, number.start):
            if self._forces(m) in counts:
                continue
            if not COMMA.search(self.work, m.end(), number.start) or how != "named":
                return True  # "Among the 28 forces that did, 2,716 offences were flagged"
            names = {a.area_id for a in self.areas if a.kind == "area" and m.end() <= a.start < number.start}
            if len(names) >= 2:
                return True
        return False

    def _forces(self, m) -> int:
        """How many forces an N_FORCES match names ("the ten largest forces": 10)."""
        count = m["n"]
        return int(count) if count.isdigit() else self.lex.number_words[count]

    def _part_of(self, index: int) -> Number | None:
        """The total a part is given against: the 1,703 in "531 of the 1,703 offences"."""
        if index + 1 >= len(self.numbers):
            return None
        following = self.numbers[index + 1]
        if following.kind == COUNT and OF_THE.fullmatch(self.work, self.numbers[index].end, following.start):
            return following
        return None

    def _is_total_of_part(self, index: int) -> bool:
        return index > 0 and self._part_of(index - 1) is self.numbers[index]

    @cached_property
    def _restated(self) -> str | None:
        """The area of a figure the article already gave that this sentence repeats: a total
        restated to introduce its parts says which area the parts are about. (The context's
        claimed figures change only between sentences, so once per sentence.)"""
        for number in self.numbers:
            if number.kind == COUNT and number.value >= 100:
                area = self.r.context.claimed.get(number.value)
                if area:
                    return area
        return None

    def _starting_point(self, index: int, number: Number, area_id: str | None = None) -> str | None:
        """"up 14 per cent from 1,569", "rose from 1,151 to 1,325": the count a change started
        from is the previous year's ("skip" when the change spans several years)."""
        left = self.windows(index)[0]
        if number.start in self.bound or not FROM.search(self.work, max(left, number.start - 20), number.start):
            return None
        clause = self.clause_of(number.start)
        if not CHANGE_WORD.search(self.work, clause[0], number.start):
            return None
        if self.r.about_several_years(*clause):
            return "skip"
        return _shift(self.reference_year(number.start, area_id=area_id), -1)

    def _read_number(self, index: int, number: Number) -> Claim | None:
        if number.kind == COUNT:
            return self._read_count(index, number)
        if number.kind == PERCENT:
            return self._read_percent(index, number)
        if number.kind == SHARE:
            return self._read_share(index, number)
        if number.kind == RATE:
            return self._read_rate(index, number)
        return None

    def _distractor(self, start: int, end: int) -> bool:
        return bool(self.cue("distractor", start, end))

    def _read_count(self, index: int, number: Number) -> Claim | None:
        if number.in_words and number.value <= 1:
            return None  # "one of the", "an offence every six hours"
        if RANK.match(self.work, number.end) and not self.work[self.sentence.start:number.start].strip():
            return None  # "1. Metropolitan Police - 4,012": the number of a list item
        if RESTATED_LEAD.fullmatch(self.work, self.sentence.start, number.start) and RESTATED_NOUN.match(self.work, number.end) \
                and any(a.kind == "area" and a.start > number.end for a in self.areas):
            return None  # "Of the 3,846 offences, South Wales Police recorded the most, 1,702": the total, not South Wales's
        left, _, _, right = self.windows(index)
        left_text = self.work[max(left, number.start - 60):number.start]
        right_text = self.work[number.end:min(right, number.end + 120)]
        closing = ASIDE_CLOSE.match(right_text) if PARENTHESIS_BEFORE.search(left_text) else None
        if closing:  # "One in five of the offences (264) were against ...", "A fifth of them - 297 - were ..."
            right_text = right_text[closing.end():]
        head = _noun_head(right_text, self.lex)
        total = self._part_of(index)
        if total is not None:  # "531 of the 1,703 offences": a part, counted in what the total counts
            head = _noun_head(self.work[total.end:total.end + 80], self.lex)
            head.part = True
        if number.year_like and not (head.noun == "offence" and head.words_before <= 2):
            return None  # "the Act (Northern Ireland) 2022 created a number of new offences"
        if ABSOLUTE.search(left_text) or EXTRA.search(left_text) or (MORE_THAN_AFTER.match(right_text) and head.noun != "offence"):
            return None  # "a rise of 318", "318 more than last year": absolute changes
        if MORE_CASES_THAN.match(right_text):
            return None
        if self._distractor(left, right) and head.noun != "offence":
            return None
        if ADULTS.search(self.work, number.end, _cue_end(self.work, number.end, right)):
            return None  # "4,900 sexual offences against adults"
        if ALL_AGES.search(self.r.low, *self.clause_of(number.start)):
            return None  # "including offences against adults, the PSNI recorded 3,614"
        if self.cue("other_crime", self.clause_of(number.start)[0], number.start) and head.noun != "offence":
            return None  # "Domestic abuse incidents reported to the force topped 31,000"
        per_day = (self.cue("per_day", number.end, number.end + 90) or self.cue("per_hour", number.end, number.end + 90)) and PER_DAY_AFTER.match(right_text)
        if per_day:
            if not (head.noun == "offence" or OFFENCE_CONTEXT.search(self.work, self.sentence.start, self.sentence.end) or self._refers_back(number)):
                return None
            factor = 24.0 if "hour" in per_day["unit"].lower() else 1.0
            return Claim(number, PER_DAY, round(number.value * factor, 2), qualifier=self.qualifier_for(number, left), rule="count:per-day")
        if head.noun == "other" or head.type_specific:
            return None
        if number.value != int(number.value):
            return None  # a count is a whole number: 9.7 is not a count
        rule = "count:noun"
        if head.noun is None:
            rule = self._elliptical_count(number, left_text, right_text)
            if rule is None:
                return None
        if rule == "count:series":
            metric, how = self._previous_count().metric, "series"
        else:
            metric, how = self._subset_metric(index, number, left, right, rule)
        if metric is None:
            return None
        if head.part and how not in ("age", "online"):
            return None  # "612 of the offences were recorded in Leicester": a part we have no metric for
        return Claim(number, metric, number.value, qualifier=self.qualifier_for(number, left), rule=f"{rule}; metric:{how}")

    def _area_just_before(self, number: Number, gap: re.Pattern = AREA_GAP) -> bool:
        before = [a for a in self.areas if a.end <= number.start and a.kind == "area"]
        return bool(before) and gap.fullmatch(self.work, before[-1].end, number.start) is not None

    def _area_just_after(self, number: Number) -> bool:
        """"915 in Suffolk": the number's area follows it."""
        after = [a for a in self.areas if a.start >= number.end and a.kind == "area"]
        return bool(after) and AREA_AFTER_GAP.fullmatch(self.work, number.end, after[0].start) is not None

    def _refers_back(self, number: Number) -> bool:
        """The sentence continues about a figure already read: "A year later, it rose to 4,500"."""
        return bool(self.r.context.claims_so_far and REFERENT.search(self.work, self.sentence.start, number.start))

    def _elliptical_count(self, number: Number, left_text: str, right_text: str) -> str | None:
        """A count with no noun after it: "rose to 1,483", "Norfolk Police - 1,120", "512 were against..."."""
        offence_before = OFFENCE_CONTEXT.search(self.work, self.sentence.start, number.start) or self.claims or self._refers_back(number)
        if ELLIPTICAL.match(right_text) and (offence_before or OF_THESE.search(left_text)):
            return "count:elliptical"
        if ELLIPTICAL.match(right_text) and self.r.context.online_topic and self._area_just_before(number, SAID_GAP):
            return "count:elliptical"  # "... had been flagged as online. Suffolk Police said 95 had."
        if ELLIPTICAL.match(right_text) and self.r.context.claims_so_far and self.ages_between(number.end, number.end + len(right_text)):
            return "count:elliptical"  # "Here, 1,020 were against children aged 10 or under."
        if OF_THESE.match(right_text.lstrip()) and (offence_before or self.r.context.claims_so_far):
            return "count:part"
        if LINK.search(left_text) and (offence_before or self.r.context.list_metric):
            return "count:linked"
        if self._area_just_before(number) and (self.claims or (self.work[number.start - 1:number.start] == "(" and OFFENCE_CONTEXT.search(self.work, self.sentence.start, self.sentence.end))):
            return "count:parallel"  # "Norfolk Police recorded 1,120 offences, Suffolk Police 915 and ..."
        if self._previous_count() and SERIES_JOIN.search(left_text) and self._area_just_after(number):
            return "count:parallel"  # "1,120 offences in Norfolk, 915 in Suffolk and 1,002 in Cambridgeshire"
        line_start = self.work[self.sentence.start:number.start]
        if self.r.context.list_metric and LIST_LINE.fullmatch(line_start):
            return "count:list"
        if self._previous_count() and number.start in self.bound and SERIES_JOIN.search(left_text):
            return "count:series"  # "1,102 offences in 2015-16, 1,054 in 2014-15 and 980 in 2013-14"
        return None

    def _subset_metric(self, index: int, number: Number, left: int, right: int, rule: str) -> tuple[str | None, str]:
        """Which count: all offences, an age band, or online. (None, why) when it is a band of no metric."""
        closing = ASIDE_CLOSE.match(self.work, number.end) if PARENTHESIS_BEFORE.search(self.work, left, number.start) else None
        after = closing.end() if closing else number.end
        total = self._part_of(index)
        if total is not None:  # "531 of the 1,703 offences were against ...": the cue is after the total
            after = total.end
            right = self.windows(index + 1)[3]
        if self._is_total_of_part(index):
            return OFFENCES, "total"  # the 1,703 of "531 of the 1,703 offences"
        right_cues = _cue_end(self.work, after, right)
        ages = self.ages_between(after, right_cues)
        online = self.cue("online", after, right_cues)
        if not ages and not online and not self.has_previous_in_clause(index):
            left_cues = max(left, number.start - 100)
            for brk in CUE_START_BEFORE.finditer(self.work, left_cues, number.start):
                left_cues = brk.end()
            ages = self.ages_between(left_cues, number.start)
            online = self.cue("online", left_cues, number.start)
        if ages:
            age = ages[0]
            metric = self.lex.age_metrics.get((age.youngest, age.oldest))
            return (metric, "age") if metric else (None, "age band of no metric")
        if online:
            return ONLINE, "online"
        previous = self.previous_claim()
        if previous and PARENTHESIS_BEFORE.search(self.work, left, number.start) and previous.metric in (ONLINE_SHARE,):
            return BASE_OF[previous.metric], "share-count"
        if previous and number.start in self.when_bound and not (ages or online):
            return BASE_OF.get(previous.metric, previous.metric), "compared"  # "up 44 per cent on 2015/16, when forces flagged 2,150"
        if rule == "count:parallel":
            return (BASE_OF.get(previous.metric, previous.metric), "parallel") if previous else (OFFENCES, "parallel")
        if previous and rule in ("count:linked", "count:elliptical") and (FROM.search(self.work, left, number.start) or COMPARED.search(self.work, left, number.start) or TO_END.search(self.work, max(left, number.start - 10), number.start)):
            return BASE_OF.get(previous.metric, previous.metric), "compared"
        if OF_THESE.search(self.work, left, number.start) and previous is None and self.r.context.last_metric is None:
            return None, "subset of what?"
        if rule == "count:list" and self.r.context.list_metric:
            return self.r.context.list_metric, "list"
        if rule == "count:linked" and self.r.context.list_metric and not OFFENCE_CONTEXT.search(self.work, self.sentence.start, number.start):
            return self.r.context.list_metric, "list"
        if previous and rule == "count:linked" and previous.metric in (OFFENCES, ONLINE) and not OFFENCE_CONTEXT.search(self.work, previous.number.end, number.start):
            return previous.metric, "as-before"
        if self.r.context.online_topic and not TOTAL_WORDS.search(self.work, self.sentence.start, self.sentence.end) and not self.cue("online", self.sentence.start, self.sentence.end):
            return ONLINE, "online-paragraph"
        return OFFENCES, "offences"

    def _change_metric(self, index: int, number: Number, left: int, right: int) -> tuple[str | None, str]:
        clause = self.clause_of(number.start)
        subject_start = left if self.has_previous_in_clause(index) else clause[0]
        after = self.work[number.end:right]
        in_phrase = IN_PHRASE.match(after)
        scope_end = number.start
        texts = [(subject_start, scope_end)]
        if in_phrase:
            texts.insert(0, (number.end + in_phrase.start("what"), number.end + in_phrase.end("what")))
        for start, end in texts:
            if self._age_band(start, end):
                return None, "change in an age band"
            if self.cue("online", start, end):
                return ONLINE_CHANGE, "online"
        previous = self.previous_claim()
        if previous:
            base = BASE_OF.get(previous.metric, previous.metric)
            if base in CHANGE_OF:
                return CHANGE_OF[base], "as-before"
            return None, "change in a metric of no change"
        if any(n.kind == COUNT and n.value >= 10 for n in self.numbers[:index]):
            # "5,441 Sexual Communication with a Child offences in 2020/21, up 69 per cent": a change
            # in a figure of this sentence that was not a claim
            return None, "change in a figure that is no claim"
        last_metric = self.r.context.last_metric or self.r.context.article_metric
        last = BASE_OF.get(last_metric, last_metric)
        if last in CHANGE_OF and THAT_WAS.match(self.work, self.sentence.start, number.start):
            return CHANGE_OF[last], "as-before"  # "That was up 44 per cent on 2015/16": the figure just read
        if OFFENCE_CONTEXT.search(self.work, self.sentence.start, self.sentence.end) or NUMBER_WORDS_CONTEXT.search(self.work, self.sentence.start, self.sentence.end):
            if self.r.context.online_topic and not TOTAL_WORDS.search(self.work, self.sentence.start, self.sentence.end):
                return ONLINE_CHANGE, "online-paragraph"  # "... flagged as online. The number rose by 28 per cent"
            return CHANGE, "offences"
        if last in CHANGE_OF:  # "That is a rise of 7 per cent on the previous year."
            return CHANGE_OF[last], "as-before"
        return None, "change of what?"

    def _change(self, index: int, number: Number) -> int | None:
        """The sign of the change when the number is a year-on-year change, else None."""
        left, _, _, right = self.windows(index)
        change = CHANGE_BEFORE.search(self.work, max(left, number.start - 60), number.start) \
            or CHANGE_AFTER.match(self.work, number.end, right)
        if change:
            return -1 if change["cue"].lower() in DOWN else 1
        return None

    def _multi_year(self, number: Number) -> bool:
        return self.r.about_several_years(*self.clause_of(number.start))

    def _read_percent(self, index: int, number: Number) -> Claim | None:
        left, _, _, right = self.windows(index)
        if self._distractor(self.sentence.start, right):
            return None  # "ChildLine counselled 18,000 children ..., a 12 per cent increase"
        if self.cue("other_crime", self.clause_of(number.start)[0], number.start):
            return None  # "while knife crime rose by 12 per cent"
        sign = self._change(index, number)
        if sign:
            if self._multi_year(number):
                return None
            metric, how = self._change_metric(index, number, left, right)
            if metric is None:
                return None
            # the hedge CHANGE_BEFORE allows between the change word and the number ("up almost 14")
            # is the one qualifier_for reads from hedges.csv
            return Claim(number, metric, sign * number.value, qualifier=self.qualifier_for(number, left), rule=f"percent:change; metric:{how}")
        return self._share_claim(index, number, number.value / 100, "percent:share")

    def _share_claim(self, index: int, number: Number, value: float, rule: str) -> Claim | None:
        left, _, _, right = self.windows(index)
        of_which = OF_WHICH.search(self.work, max(left, number.start - 40), number.start) \
            or SHARE_OF_BEFORE.search(self.work, max(self.sentence.start, number.start - 90), number.start)
        referent = self.r.context.online_topic and SHARE_REFERENT.search(self.work, max(self.sentence.start, number.start - 40), number.start)
        previous = self.previous_claim()
        in_brackets = previous is not None and previous.metric == ONLINE_SHARE and self.work[number.start - 1:number.start] == "("
        appositive = previous is not None and previous.metric == ONLINE and APPOSITION.search(self.work, previous.number.end, number.start)
        if not (SHARE_OF.match(self.work, number.end, self.sentence.end) or of_which or referent or in_brackets or appositive):
            return None
        clause = self.clause_of(number.start)
        if self._age_band(*clause):
            return None
        if not (self.cue("online", clause[0], clause[1]) or referent):
            return None
        if not 0 < value <= 1:
            return None
        return Claim(number, ONLINE_SHARE, round(value, 4), qualifier=self.qualifier_for(number, left), rule=f"{rule}; metric:online")

    def _read_share(self, index: int, number: Number) -> Claim | None:
        left, _, _, right = self.windows(index)
        if self._distractor(left, right):
            return None
        if number.fraction:
            change = FRACTION_CHANGE.search(self.work, max(left, number.start - 40), number.start)
            if change:
                if self._multi_year(number):
                    return None
                metric, how = self._change_metric(index, number, left, right)
                if metric is None:
                    return None
                sign = -1 if change["cue"].lower() in DOWN else 1
                qualifier = self.lex.hedges_before.get(phrase_key(change["hedge"]), "approximately") if change["hedge"] else "approximately"
                return Claim(number, metric, round(sign * number.value * 100, 2), qualifier=qualifier, rule=f"fraction:change; metric:{how}")
        return self._share_claim(index, number, number.value, "share")

    def _read_rate(self, index: int, number: Number) -> Claim | None:
        s, e = self.sentence.start, self.sentence.end
        if self.cue("distractor", s, e) or not (OFFENCE_CONTEXT.search(self.work, s, e) or self.r.context.claims_so_far):
            return None  # a rate of calls or contacts, or one nothing says is about offences
        left, _, _, _ = self.windows(index)
        start = number.start
        lead = RATE_LEAD.search(self.work, max(self.sentence.start, start - 40), start)
        if lead:  # "about one every 16 hours", "nearly an offence every hour"
            start = lead.start()
        return Claim(number, PER_DAY, number.value, qualifier=self.qualifier_for(number._replace(start=start), max(0, start - 40)), rule="rate:every")


@dataclass
class _Head:
    noun: str | None  # "offence", "other" or None
    type_specific: bool = False
    words_before: int = 0  # words between the number and its noun
    part: bool = False  # "N of the offences", "N of these", "N of them": a part of something counted


def _noun_head(right_text: str, lexicon: Lexicon) -> _Head:
    """What the words right after a number say it counts: "1,483 offences", "1,200 children",
    "312 rapes", "64,667 child sex offences", "2,788 of these crimes"."""
    words = WORD.findall(right_text[:80])
    part = len(words) >= 2 and words[0].lower() == "of" and words[1].lower() in ("the", "these", "those", "them", "all", "which", "its", "their")
    if part and words[1].lower() in ("its", "their"):
        words = words[2:]  # "27 of its offences": read on from the noun
    type_specific = False
    seen = 0
    i = 0
    while i < len(words) and seen < 6:
        word = words[i].lower().strip("'’")
        if not word:  # an apostrophe on its own: "the 1990's", "314 'offences'"
            i += 1
            continue
        if not word[0].isalpha():
            if word in ("-", "–"):
                i += 1
                continue
            break
        two = f"{word} {words[i + 1].lower()}" if i + 1 < len(words) else word
        if word in lexicon.cue_words["offence_noun"]:
            rest = [w.lower() for w in words[i + 1:i + 4]]
            if rest[:1] == ["of"] and (" ".join(rest[1:3]) in lexicon.cue_words["offence_type"] or rest[1:2] and rest[1] in lexicon.cue_words["offence_type"]):
                type_specific = True  # "57 offences of sexual communication with a child"
            return _Head("offence", type_specific, seen, part)
        if two in lexicon.cue_words["offence_type"] or word in lexicon.cue_words["offence_type"]:
            type_specific = True
            i += 2 if two in lexicon.cue_words["offence_type"] else 1
            seen += 1
            continue
        if word in ("child", "children"):
            following = " ".join(w.lower() for w in words[i + 1:i + 4])
            if SEX_WORDS.search(following) and OFFENCE_WORDS.search(following):
                i += 1
                seen += 1
                continue
        if two in lexicon.cue_words["other_noun"] or word in lexicon.cue_words["other_noun"]:
            return _Head("other", type_specific, seen, part)
        if word in STOP:
            return _Head(None, type_specific, seen, part)
        i += 1  # an adjective or a word we do not know: "four regional forces"
        seen += 1
    return _Head(None, type_specific, seen, part)


def _cue_end(work: str, start: int, end: int) -> int:
    stop = CUE_END_AFTER.search(work, start, end)
    return stop.start() if stop else end


def _distance(area: AreaMention, number: Number) -> int:
    if area.end <= number.start:
        return number.start - area.end
    if area.start >= number.end:
        return area.start - number.end
    return 0


def _shift(period: str | None, years: int) -> str | None:
    return fy.shift(period, years) if period else None
