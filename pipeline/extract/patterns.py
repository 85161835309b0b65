"""The phrases the reading rules look for, as patterns over the lower-cased text.

Each pattern is matched in a small window around a number (what comes right before or after it,
its clause, its sentence), never over the whole article, so most are anchored at one end (`$`
for what ends where a number starts). Vocabulary that is a plain list of words or phrases lives in
lexicon/*.csv instead; what stays here is grammar: how English links a figure to what it counts.
"""

from __future__ import annotations

import re

# --- Metrics the rules produce ----------------------------------------------------------------------

OFFENCES = "offences"
CHANGE = "offences_change_pct"
ONLINE = "offences_online_flagged"
ONLINE_CHANGE = "offences_online_flagged_change_pct"
ONLINE_SHARE = "offences_online_flagged_share"
PER_DAY = "offences_per_day"
CHANGE_OF = {OFFENCES: CHANGE, ONLINE: ONLINE_CHANGE}
BASE_OF = {CHANGE: OFFENCES, ONLINE_CHANGE: ONLINE, ONLINE_SHARE: ONLINE, PER_DAY: OFFENCES}
NATIONAL = {"uk", "england-and-wales"}


# --- Sentences, clauses and asides ------------------------------------------------------------------

# "including rape, sexual assault and grooming": asides that list offence types, blanked out so
# they neither break a sentence's grammar nor read as a count of one offence type. Items are
# words only (never a figure: "including 10 against babies" is a claim) and must name an offence.
_ASIDE = re.compile(
    r"(?:[–—(]|\s-\s|,)\s*(?:which\s+|these\s+|that\s+)?(?:include|includes|including|such\s+as)\s+"
    r"(?P<items>(?:{word})(?:\s+(?:{word})){{0,3}}(?:\s*,\s*(?:{word})(?:\s+(?:{word})){{0,3}})*)\s*(?:[–—)]|\s-\s|,)?".format(
        word=r"(?!(?:up|down|rising|falling|compared|which|while|with|a|an|the|from|to|in|on|by|were|was|is|are|has|have|had|but)\b)[a-z'’-]+"
    )
)

_ASIDE_OFFENCE = re.compile(r"\b(?:rape|assault|grooming|exploitation|activity|abuse|indecent|images|exposure|voyeurism|offences?)\b")


def blank_asides(low: str) -> str:
    def blank(match: re.Match) -> str:
        return " " * len(match.group()) if _ASIDE_OFFENCE.search(match["items"]) else match.group()

    return _ASIDE.sub(blank, low)


# Where a clause ends inside a sentence: "; ", ", while", ", but", ", compared with".
CLAUSE_BREAK = re.compile(r";|,\s+(?:and|while|whereas|but|although|though|compared\s+(?:with|to))\b|\s+(?:while|whereas)\s+|\s+but\s+", re.IGNORECASE)

# After a number, a subset cue applies up to the first comma or dash ("1,650 offences last year,
# including one against a 13-year-old").
CUE_END_AFTER = re.compile(r",|;|–|—|\s-\s|\(|\)")

# Before a number, a cue does not reach across a relative clause ("groomed online in Hampshire,
# where police recorded 1,650").
CUE_START_BEFORE = re.compile(r",\s+(?:where|which|who|when|as)\b|;|\.", re.IGNORECASE)

# A comma between words, not inside "52,000".
COMMA = re.compile(r",(?!\d)")

# A figure set off by a bracket or dash: "offences (264)", "of them - 297 -".
PARENTHESIS_BEFORE = re.compile(r"(?:\(|\s[-–—])\s*$")

# The ")" or " - " closing a figure set off.
ASIDE_CLOSE = re.compile(r"\s*(?:\)|[-–—](?=\s))")


# --- What a count counts ----------------------------------------------------------------------------

# The words after a number, for reading what it counts.
WORD = re.compile(r"[A-Za-z][A-Za-z'’]*|\d[\d,.]*|[^\sA-Za-z\d]")

# Words that end the noun phrase after a number: "512 were against...", "1,483 last year".

# Words that end the noun phrase after a number: "512 were against...", "1,483 last year".
STOP = frozenset(
    "were was are is be been being had has have against in by from with for to on at and or while "
    "which that where who whom whose last this year compared up down than as but across over "
    "during since it its their they involved involving involve involves concerned concerning affected "
    "targeted committed perpetrated occurred happened took related relating".split()
)

# "512 were against children ...": a count whose noun is understood.
ELLIPTICAL = re.compile(r"^\s*(?:were|was|had|have|involved|involving|related|concerned|concerning|being|of\s+which|came|took\s+place|against|where|flagged)\b", re.IGNORECASE)

# "2,788 of these crimes", "of the offences": a count of a part.
OF_THESE = re.compile(r"\bof\s+(?:these|those|them|which|the\s+(?:[\w,-]+\s+){0,2}?(?:offences|crimes|cases|total))\b", re.IGNORECASE)

# "Of the 3,846 offences, South Wales Police recorded the most": a total restated to introduce its
# parts, with nothing of its own (no area, no year) before the comma.
RESTATED_LEAD = re.compile(r"\W*of\s+(?:all\s+)?(?:the|these|those)\s+")
RESTATED_NOUN = re.compile(r"(?:\s+[\w-]+){0,3}?\s+(?:offences|crimes|cases)\s*,")

# "531 of the 1,703 offences": a part given against its total.
OF_THE = re.compile(r"\s+of\s+(?:the|these|its|their|all)\s+")

# What links a subject to a figure with no noun after it: "rose to 1,483", "the figure was 1,540",
# "recorded the most, 1,012", "2020/21's 1,392".
LINK = re.compile(
    r"(?:\bto|\breached|\breaching|\btotalled|\btotalling|\btotaled|\btotaling|\bstood\s+at|\bstanding\s+at|\bwas|\bwere|\bis|\b(?:total|figure|number|tally|record|high|peak|average|rise|increase)\s+of|\bat|"
    r"\bon\s+the|\bhit|\bflagged|\btop|\btops|\babove|\btopped|\btopping|\bexceeded|\bexceeding|\bpassed|\bsurpassed|\bfrom|\bwith|\bcompared\s+(?:with|to)|\bagainst|\bversus|\bnumbered|\bnumbering|\brecorded|\blogged|\bsaw|[:(–—\-])"
    r"\s*(?:a|an|the)?\s*(?:new\s+)?(?:record|total\s+of|high\s+of|figure\s+of|staggering|further|massive|whopping|all-time\s+high\s+of|peak\s+of)?\s*$"
    r"|\b(?:number|figure|total|tally|offences|crimes|cases|most|highest|lowest|fewest)\s*[,:]\s*$|(?:\d\d|year)['’]s\s+(?:total\s+of\s+|figure\s+of\s+)?$",
    re.IGNORECASE,
)

# "A year later, it rose to 4,500", "there were 271": a figure the article is already about.
REFERENT = re.compile(
    r"\b(?:it|this|that|the\s+figure|the\s+number|the\s+total|the\s+tally)\s+(?:has\s+|had\s+|have\s+)?(?:rose|risen|fell|fallen|increased|decreased|dropped|jumped|climbed|went\s+up|went\s+down|was|is|stood|reached|hit|grew|grown|soared|compared|compares)\b"
    r"|\b(?:it|that)['’]s\b"  # "That's up from 1,602", "it's risen to 1,483"
    r"|\bthere\s+(?:were|was|had\s+been|have\s+been)\b"
    r"|\b(?:average|equivalent)\b",
    re.IGNORECASE,
)

# Words that say a sentence is about offences.
OFFENCE_CONTEXT = re.compile(r"\b(?:offences?|offenses?|crimes?|cases|recorded|flagged|abused|abuse|figures?|total|tally)\b", re.IGNORECASE)

# "A year later, it rose to 4,500", "the figure was 1,540": a figure the article is already about

# Words that say a sentence is about a figure.
NUMBER_WORDS_CONTEXT = re.compile(r"\b(?:number|figures?|total)\b")

# "child sex offences": "child" before these words is part of the noun, not a count of children.
SEX_WORDS = re.compile(r"\b(?:sex|sexual|abuse)\b")

# The nouns that make "child ... offences" one noun phrase.
OFFENCE_WORDS = re.compile(r"\b(?:offences?|crimes?|cases)\b")

# Figures about adults are not claims.
ADULTS = re.compile(r"\b(?:adults?|aged\s+18\s+(?:and|or)\s+over|over\s+18s?|grown-ups)\b", re.IGNORECASE)

# "including offences against adults", "sexual offences of all kinds": totals of all ages

# "including offences against adults", "sexual offences of all kinds": totals of all ages.
ALL_AGES = re.compile(r"\bincluding\s+(?:offences\s+|those\s+|crimes\s+)?against\s+adults\b|\bof\s+all\s+kinds\b|\bincluding\s+those\s+against\s+children\b|\b(?:victims\s+)?of\s+all\s+ages\b")

# Words that say a figure is a total, so not the online figure of an online paragraph.
TOTAL_WORDS = re.compile(r"\b(?:total|overall|in\s+all|all\s+(?:child\s+)?sex(?:ual)?\s+offences|altogether)\b", re.IGNORECASE)


# --- Changes ----------------------------------------------------------------------------------------

# "a rise of 318", "increased by 318": absolute changes are not claims.
ABSOLUTE = re.compile(
    r"\b(?:rise|rises|rose|risen|increase|increased|increases|up|jump|jumped|fall|fell|fallen|drop|dropped|decrease|decreased|down|growth|grew|reduction|climbed)"
    r"\s+(?:by|of)\s+(?:a\s+further\s+|another\s+|more\s+than\s+|almost\s+|nearly\s+|over\s+|around\s+|about\s+|some\s+|roughly\s+|just\s+over\s+|just\s+under\s+|close\s+to\s+)?$",
    re.IGNORECASE,
)

# "the extra 83 offences": an absolute change.
EXTRA = re.compile(r"\b(?:extra|additional)\s*$")

# "318 more than last year": an absolute change.
MORE_THAN_AFTER = re.compile(r"^\s*(?:more|fewer|extra|additional|less)\b", re.IGNORECASE)

# "192 more offences in 2021/22 than in 2020/21": an absolute change.
MORE_CASES_THAN = re.compile(r"\s*(?:more|fewer)\s+(?:[\w-]+\s+){0,3}?(?:offences|crimes|cases)\b[^.;]{0,40}?\bthan\b")

# A change word before a percentage, with its hedge: "up 14 per cent", "a rise of almost 14".
CHANGE_BEFORE = re.compile(
    r"(?<!made\s)(?<!make\s)(?<!makes\s)(?<!taken\s)\b(?P<cue>up|down|rise|rises|rose|risen|rising|increase|increases|increased|increasing|jump|jumps|jumped|climb|climbed|climbing|soar|soared|grew|grown|growth|surge|surged|leap|leapt|leaped|hike|spike|spiked|"
    r"fall|falls|fell|fallen|falling|drop|drops|dropped|decrease|decreases|decreased|decreasing|decline|declines|declined|dip|dipped|slump|slumped|plunge|plunged|reduction|reduced|cut)"
    r"(?:\s+(?:in|for|during|across)(?:\s+[\w/–'’-]+){1,3})?(?:,?\s+(?:by|of|some))?\s+(?:a\s+|an\s+)?(?:(?:massive|huge|staggering|further|significant|sharp|dramatic)\s+)?(?P<hedge>(?:just\s+)?(?:more\s+than|over|almost|nearly|around|about|roughly|approximately|close\s+to|just\s+under|at\s+least|some|up\s+to)\s+)?$",
    re.IGNORECASE,
)

# A change word after a percentage: "a 15 per cent rise", "9% lower", "a 12% year-on-year increase".
CHANGE_AFTER = re.compile(
    r"\s*(?:(?:year[\s-]+on[\s-]+year|annual|yearly)\s+)?(?P<cue>rise|rises|increase|increases|jump|hike|surge|leap|spike|growth|more|higher|up|"
    r"fall|falls|drop|drops|decrease|decreases|decline|reduction|dip|fewer|lower|down|less|cut)\b",
    re.IGNORECASE,
)

# Change words that mean a fall: the change is negative.
DOWN = frozenset("down fall falls fell fallen falling drop drops dropped decrease decreases decreased decreasing decline declines declined dip dipped slump slumped plunge plunged reduction reduced cut fewer lower less".split())

# Any change word: "up from 1,569", "rose from 1,151 to 1,325".
CHANGE_WORD = re.compile(r"\b(?:up|down|rise|rose|risen|rising|fall|fell|fallen|falling|increase[ds]?|decrease[ds]?|dropped|drop|jumped|climbed|grew|grown)\b")

# "up 14 per cent from 1,569", "on the 4,185 recorded in ...": the count a change started from.
FROM = re.compile(r"\b(?:from|up\s+from|down\s+from|on\s+the)\s*$", re.IGNORECASE)

# "compared with 1,037": a figure given for comparison.
COMPARED = re.compile(r"\b(?:compared\s+(?:with|to)|against|versus|than)\s*$", re.IGNORECASE)

# "rose to 3,004": the count a change ended at.
TO_END = re.compile(r"\bto\s*$")

# "a 20 per cent rise in online offences": what a change is a change in.
IN_PHRASE = re.compile(r"\s*(?:per\s*cent\s+|%\s*)?(?:rise|increase|jump|fall|drop|decrease|hike|surge)?\s*in\s+(?P<what>[^,.;]{0,60})")

# "That was up 44 per cent": a change of the figure just read.
THAT_WAS = re.compile(r"\s*(?:(?:that|this|it)\s+(?:was|is|has\s+been|had\s+been|represents|represented)|(?:that|it)['’]s)\b")

# "rose by almost a third": a change written as a fraction.
FRACTION_CHANGE = re.compile(
    r"\b(?P<cue>rose|risen|increased|grew|grown|jumped|up|fell|fallen|dropped|decreased|down|rise|increase|fall|drop|decrease)\s+(?:by\s+|of\s+)?(?P<hedge>(?:almost|nearly|more\s+than|over|around|about|just\s+over|just\s+under)\s+)?$"
)

_NUMBER_WORD = r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)"
# Changes over several years ("up 92 per cent in five years", "since 2012/13", "over the past
# decade") are not year-on-year changes. "The highest since records began" says nothing of a change.

# Changes over several years ("up 92 per cent in five years", "since 2012/13", "over the past
# decade") are not year-on-year changes. "The highest since records began" says nothing of a change.
MULTI_YEAR = re.compile(
    rf"\b(?:in|over|across|during|within)\s+(?:the\s+)?(?:(?:past|last|previous)\s+)?{_NUMBER_WORD}\s+years\b"
    rf"|\b{_NUMBER_WORD}[\s-]+years?\s+(?:ago|earlier|before|previously)\b|\b{_NUMBER_WORD}-year\b|\bsince\s+(?:19|20)\d{{2}}\b"
    r"|\b(?:in|over)\s+(?:a|the\s+(?:past|last)|the)\s+decade\b|\bdecade\b"
)

# Counts in a clause about years long past ("compared with 827 five years ago") have no year we know.

# Counts in a clause about years long past ("compared with 827 five years ago") have no year we know.
YEARS_AGO = re.compile(
    rf"\b{_NUMBER_WORD}[\s-]+years?\s+(?:ago|earlier|before|previously)\b|\b(?:in|over)\s+(?:the\s+)?(?:past|last)\s+{_NUMBER_WORD}\s+years\b|\bdecade\s+(?:ago|earlier)\b"
)


# --- Shares and rates -------------------------------------------------------------------------------

# What follows a share: "one in five offences", "9 per cent of all offences", "one in ten was flagged".
SHARE_OF = re.compile(r"\s*(?:of\s+(?:all\s+|the\s+|these\s+|those\s+|them\b)?(?:[\w'’,-]+\s+){0,3}?(?:offences|crimes|cases|incidents|total)\b|of\s+them\b|(?:[\w-]+\s+){0,2}?(?:offences|crimes|cases)\b|\s*(?:was|were|had|involved)\b)", re.IGNORECASE)

# "Of all offences in North Wales, 9 per cent ...": the base of a share before it.
SHARE_OF_BEFORE = re.compile(r"\bof\s+(?:all\s+|the\s+)?(?:[\w'’-]+\s+){0,2}(?:offences|crimes|cases)\b[^.;,]{0,40},\s*$")

# "The answer here was one in eight": a share of the figure a paragraph is about.
SHARE_REFERENT = re.compile(r"\b(?:the\s+answer|the\s+figure|the\s+proportion|the\s+share|the\s+rate)\b[^.;]{0,25}$")

# "of which 10 per cent": a share of the figure before.
OF_WHICH = re.compile(r"\bof\s+(?:which|these|those|them)\s*,?\s*(?:\w+\s+){0,2}$")

# "flagged 219 ... as online - about one in 10": a share set beside the count it is a share of.
APPOSITION = re.compile(r"[^.;\d]*(?:,|\s[-–—])\s*(?:[a-z]+\s+){0,2}$")

# The unit of a rate written with a count: "nine offences recorded each day", "six an hour".
PER_DAY_AFTER = re.compile(
    r"^\s*(?:(?:[\w-]+\s+){0,4}?(?:offences|offence|crimes|crime|cases|a\s+crime|an\s+offence)\s+(?:(?:against|involving)\s+(?:children|under-18s|young\s+people)\s+)?)?(?:(?:being|were|was|are|is)\s+)?(?:(?:recorded|reported|committed|logged)\s+)?(?:on\s+average\s+)?(?P<unit>a\s+day|each\s+day|per\s+day|every\s+(?:single\s+)?day|daily|an\s+hour|each\s+hour|per\s+hour|every\s+hour)\b",
    re.IGNORECASE,
)

# "about one every 16 hours": the words before a rate that carry its hedge.
RATE_LEAD = re.compile(r"\b(?:one|an|a)(?:\s+(?:child\s+)?(?:sex(?:ual)?\s+)?(?:offence|crime))?(?:\s+(?:was|is)\s+(?:being\s+)?(?:recorded|committed|reported))?(?:\s+on\s+average)?\s+$")


# --- Which year -------------------------------------------------------------------------------------

# What may stand between a number and the year that belongs to it: "1,151 in 2015/16".
PERIOD_GAP = re.compile(r"[\s,(]*(?:(?:offences?|crimes?|cases|incidents|were|was|had\s+been|have\s+been|recorded|reported|logged|flagged|online)\s+){0,3}(?:in|during|for|over|across)?\s*$")

# "2020/21's 1,392": a year that owns the figure after it.
POSSESSIVE = re.compile(r"['’]s\s+(?:total\s+of\s+|figure\s+of\s+)?")

# "the year before, when the force recorded 69": a year that owns the figure in its when-clause.
WHEN_CLAUSE = re.compile(r"\s*,?\s*when\b[^,;.]{0,80}$")


# --- Which area -------------------------------------------------------------------------------------

# "whose area borders Kent": an area named as a neighbour, not as the subject.
NEIGHBOUR = re.compile(r"\b(?:borders?|bordering|next\s+to)\s+(?:the\s+)?$")

# "8 per cent higher than the 5,207 offences recorded in 2017/18": a comparison between a change
# and the year it is measured from.
COMPARED_BEFORE_YEAR = re.compile(r"\b(?:than|compared\s+(?:with|to)|on|from|against)\b")

# "Suffolk Police said 95 had": an area reporting its own figure.
SAID_GAP = re.compile(r"\s+(?:said|says|reported|confirmed)\s+(?:that\s+)?")

# "915 in Suffolk": what lies between a figure and the area after it.
AREA_AFTER_GAP = re.compile(r"\s+(?:in|for|by|across)\s+(?:the\s+)?")

# "1,102 offences in 2015-16, 1,054 in 2014-15 and 980 in 2013-14": the next figure of a series.
SERIES_JOIN = re.compile(r"(?:,|\band|;)\s*$")

# "recorded the highest number in Wales, with 1,261": an area named as where a figure ranks, not whose it is.
RANKED_IN = re.compile(
    r"\b(?:highest|lowest|most|fewest|largest|smallest|biggest|greatest|worst|best|top|bottom)\b"
    r"(?:[ \t]+(?!(?:was|were|is|are|been)\b)[\w'’-]+){0,4}?[ \t]+(?:in|across|of|among)[ \t]+(?:the[ \t]+)?(?:whole[ \t]+)?(?:of[ \t]+)?$"
)

# "according to figures obtained ... from every police force in the UK": how figures were
# gathered, not what they are about.
METHOD = re.compile(r"\baccording\s+to\b|\bobtained\s+(?:by|from|through)\b|\bfrom\s+(?:every|all)\b|\brequests?\s+to\b")
# "requests to every police force in the UK", "data from all 45 forces across Britain": the area
# the charity asked in, named wherever it stands; not what the sentence is about.
ASKED_IN = re.compile(
    r"\b(?:to|from|of|by)\s+(?:every|all|each)(?:\s+(?:of\s+the|the))?(?:\s+[\w-]+){0,2}?\s+(?:police\s+)?forces?\s+(?:in|across|throughout|of)\s+(?:the\s+)?$"
)

# "the West Midlands region": several forces, not the force.
REGION_AFTER = re.compile(r"\s+region\b")

# "forces": a figure for several forces is not one force's.
# (Not "the charity asked forces how many ...", "forces were also asked ...": how the figures were gathered.)
PLURAL_FORCES = re.compile(r"(?<!asked\s)\bforces\b(?!\s+(?:were|was|had\s+been)\s+(?:also\s+)?asked)", re.IGNORECASE)

# "the ten largest forces", "the region's three forces": a number of forces.
N_FORCES = re.compile(r"(?<![\d/,.])\b(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty)\s+(?:[\w'’-]+\s+){0,2}?(?:police\s+)?forces\b")

# "a total of", "between them": a sum of the areas named.
TOTAL_OF = re.compile(r"\b(?:a\s+total\s+of|in\s+total|altogether|combined|between\s+them)\b")

# "Dyfed-Powys (702)": a figure attached to its area.
ENUMERATED = re.compile(r"\s*[(:\-–]\s*")

# "Suffolk Police 915", "in Wales, 3,927": an area right before its figure.
AREA_GAP = re.compile(r"\s*(?:[-–:(,]\s*)?(?:with\s+|had\s+|recorded\s+|saw\s+)?")

# A quote's attribution ("said", "head of"): a region named there is not what the text is about.
ATTRIBUTION = re.compile(r"\b(?:said|says|added|told|according|head\s+of|director|manager|spokes(?:man|woman|person))\b", re.IGNORECASE)


# --- Lists ------------------------------------------------------------------------------------------

# A list's lead-in that names a figure: "How the total has changed:".
LEAD_IN_WORDS = re.compile(r"\b(?:figures?|total|totals|number|numbers)\b")

# A line of a list: a bullet, a rank ("1."), a year ("2015/16: 702") or a label before a figure.
LIST_ITEM = re.compile(r"\s*(?:[-•*·▪–]\s+|\d{1,2}[.)]\s+|(?:19|20)\d\d\s*[/-]\s*\d{2,4}\s*[-–:=|]|[^.!?\d]{2,70}?\s*(?:[-–:=]|\()\s*\d)")

# What may stand before the figure of a list line: "- Norfolk Police - 1,120", "1. Kent - 1,102".
LIST_LINE = re.compile(r"\s*(?:[-•*·▪–]\s*|\d{1,2}[.)]\s+)?[^\d]{0,60}?(?:[-–:=]\s*|\(\s*)?")

# "1. Metropolitan Police": the number of a list item is not a count.
RANK = re.compile(r"[.)]\s")

