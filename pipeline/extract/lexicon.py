"""The extractor's vocabulary, read from the CSV files in lexicon/ and data/reference/.

Phrases become regular expressions here, once per process, matched against the lower-cased text
(see matching.py): a space matches any run of spaces or a hyphen ("UK wide" matches "UK-wide"),
and "and" matches "&". Phrase lists compile to a trie so matching stays fast on long articles.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pipeline.paths import ProjectPaths
from pipeline.reference import Reference

LEXICON_DIR = Path(__file__).resolve().parent / "lexicon"

SEPARATOR = r"(?:[ \t\u00a0]*[-‐‑][ \t\u00a0]*|[ \t\u00a0]+)"


def read_rows(name: str) -> list[dict[str, str]]:
    with open(LEXICON_DIR / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _token_pattern(token: str) -> str:
    if token == "and":
        return r"(?:and|&)"
    return re.escape(token)


def _tokens(phrase: str) -> list[str]:
    text = phrase.replace("&", " and ")
    return [t for t in re.split(r"[\s\-]+", text.strip()) if t]


def trie_pattern(phrases: list[str]) -> str:
    """One regex alternative matching any phrase, longest first, without a slow flat alternation."""
    trie: dict = {}
    for phrase in phrases:
        node = trie
        for token in _tokens(phrase.lower()):
            node = node.setdefault(token, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = []
        for token in sorted((t for t in node if t), key=lambda t: (-len(t), t)):
            child = node[token]
            rest = {k: v for k, v in child.items() if k}
            piece = _token_pattern(token)
            if rest:
                tail = f"{SEPARATOR}{build(child)}"
                piece += f"(?:{tail})" + ("?" if "" in child else "")
            branches.append(piece)
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return build(trie)


def phrase_regex(phrases: list[str]) -> re.Pattern:
    """Matcher for any of the phrases in lower-cased text; use it through matching.finditer_words
    (or match_at), which check that a match starts a word."""
    return re.compile(rf"(?:{trie_pattern(phrases)})(?![\w&])")


def phrase_key(text: str) -> str:
    """The form a matched phrase is looked up in: lower case, single spaces, '&' as 'and'."""
    return " ".join(_tokens(text.lower()))


@dataclass(frozen=True)
class AreaEntry:
    kind: str  # "area", "non_area", "local", "region", "national"
    area_id: str | None
    proper: bool  # a proper name: only matches where written with a capital letter


@dataclass(frozen=True)
class Lexicon:
    number_words: dict[str, int]
    fractions: dict[str, float]
    hedges_before: dict[str, str]  # phrase key -> qualifier
    hedges_after: dict[str, str]
    cues: dict[str, re.Pattern]  # kind -> matcher
    cue_words: dict[str, frozenset[str]]  # kind -> phrase keys
    cue_anchors: dict[str, tuple[str, ...]]  # kind -> the last word of each phrase
    cue_reach: dict[str, int]  # kind -> how far before its last word a phrase can start
    age_metrics: dict[tuple[int, int], str]  # (youngest, oldest) -> metric
    areas: dict[str, AreaEntry]  # phrase key -> entry
    area_regex: re.Pattern
    area_types: dict[str, str]  # area_id -> area_type
    plausible: dict[tuple[str, str], tuple[float, float]]  # (area_id or area_type, metric) -> range
    anaphor_anchors: tuple[str, ...]  # the last word of each phrase that refers back to an area
    force_areas: frozenset[str]  # areas one police force covers: what "the force" can mean
    force_counts: dict[str, tuple[int, ...]]  # area -> how many forces police it (the whole of it)
    within: dict[str, frozenset[str]]  # area -> the larger areas it lies in (Gwent: wales, england-and-wales, uk)
    metric_ranges: dict[str, tuple[float | None, float | None]]  # metric -> its unit's range (units.csv)
    metric_units: dict[str, str]  # metric -> unit (metrics.csv)


def _cue_kinds() -> dict[str, list[str]]:
    kinds: dict[str, list[str]] = {}
    for row in read_rows("cues.csv"):
        kinds.setdefault(row["kind"], []).append(row["phrase"])
    return kinds


def _area_entries(reference: Reference, cues: dict[str, list[str]]) -> dict[str, AreaEntry]:
    entries: dict[str, AreaEntry] = {}

    def add(phrase: str, entry: AreaEntry) -> None:
        entries.setdefault(phrase_key(phrase), entry)

    for row in reference.areas.itertuples(index=False):
        add(row.area_name, AreaEntry("area", row.area_id, True))
    for row in reference.aliases.itertuples(index=False):
        add(row.alias, AreaEntry("area", row.area_id, True))
    for row in read_rows("area_phrases.csv"):
        add(row["phrase"], AreaEntry("area", row["area_id"], True))
    for row in read_rows("non_areas.csv"):
        add(row["phrase"], AreaEntry("non_area", None, True))
    for kind, entry_kind in (("local_anaphor", "local"), ("region_anaphor", "region"), ("national_anaphor", "national")):
        for phrase in cues.get(kind, []):
            add(phrase, AreaEntry(entry_kind, None, False))
    return entries


def _force_areas(reference: Reference) -> frozenset[str]:
    """Force areas and BTP, plus areas whose aliases name a single force ("Police Scotland",
    "Police Service of Northern Ireland"): the areas "the force" can refer to."""
    forces = set(reference.areas.loc[reference.areas["area_type"].isin(["police_force_area", "police_force"]), "area_id"])
    named_force = reference.aliases["alias"].str.contains(r"\b(?:Police|Constabulary)\b", regex=True)
    forces |= set(reference.aliases.loc[named_force, "area_id"])
    return frozenset(forces)


def _within(reference: Reference) -> dict[str, frozenset[str]]:
    """The larger areas each area lies in, from the nation column of areas.csv."""
    within = {}
    for row in reference.areas.itertuples(index=False):
        parents = {"uk"} if row.area_id != "uk" else set()
        if row.nation and row.nation != row.area_id:
            parents.add(row.nation)
        if row.nation in ("england", "wales") and row.area_id != "england-and-wales":
            parents.add("england-and-wales")
        within[row.area_id] = frozenset(parents)
    return within


def _force_counts(reference: Reference) -> dict[str, tuple[int, ...]]:
    """How many forces police each area, from areas.csv: a figure for "the four forces in Wales"
    is a figure for Wales; one for "the ten largest forces" is a sum, not any area's figure."""
    areas = reference.areas
    territorial = areas[areas["area_type"] == "police_force_area"]
    per_nation = territorial.groupby("nation")["area_id"].count().to_dict()
    single = ("scotland", "northern-ireland")
    counts = {area_id: (1,) for area_id in areas["area_id"]}
    for nation, n in per_nation.items():
        counts[nation] = (n,)
    england_and_wales = sum(per_nation.values())
    counts["england-and-wales"] = (england_and_wales,)
    btp = int((areas["area_type"] == "police_force").sum())
    counts["uk"] = (england_and_wales + len(single), england_and_wales + len(single) + btp)
    return counts


@lru_cache(maxsize=4)
def load_lexicon(reference_folder: Path | None = None) -> Lexicon:
    reference = Reference.from_folder(reference_folder or ProjectPaths.default().reference)
    cue_kinds = _cue_kinds()
    cues = {kind: phrase_regex(phrases) for kind, phrases in cue_kinds.items()}
    areas = _area_entries(reference, cue_kinds)
    hedges = read_rows("hedges.csv")
    plausible = {}
    for row in read_rows("plausible.csv"):
        plausible[(row["area"], row["metric"])] = (float(row["minimum"]), float(row["maximum"]))
    return Lexicon(
        number_words={row["word"]: int(row["value"]) for row in read_rows("number_words.csv")},
        fractions={phrase_key(row["phrase"]): float(row["value"]) for row in read_rows("fractions.csv")},
        hedges_before={phrase_key(r["phrase"]): r["qualifier"] for r in hedges if r["position"] == "before"},
        hedges_after={phrase_key(r["phrase"]): r["qualifier"] for r in hedges if r["position"] == "after"},
        cues=cues,
        cue_words={kind: frozenset(phrase_key(p) for p in phrases) for kind, phrases in cue_kinds.items()},
        cue_anchors={kind: tuple(sorted({phrase_key(p).split()[-1] for p in phrases})) for kind, phrases in cue_kinds.items()},
        cue_reach={kind: max(len(p) for p in phrases) + 2 for kind, phrases in cue_kinds.items()},
        age_metrics={(int(r["youngest"]), int(r["oldest"])): r["metric"] for r in read_rows("age_bands.csv")},
        areas=areas,
        area_regex=phrase_regex(list(areas)),
        area_types=dict(zip(reference.areas["area_id"], reference.areas["area_type"])),
        plausible=plausible,
        force_areas=_force_areas(reference),
        force_counts=_force_counts(reference),
        within=_within(reference),
        metric_ranges={metric: reference.unit_ranges[unit] for metric, unit in reference.metric_units.items()},
        metric_units=dict(reference.metric_units),
        anaphor_anchors=tuple(sorted({phrase_key(k).split()[-1] for k, e in areas.items() if not e.proper})),
    )
