"""Deterministic generator of synthetic articles in the genre, for the speed benchmark.

The articles read like the real thing (a headline, a lead with a force, a year and a count, then
paragraphs of changes, age bands, online figures, national figures, quotes, distractors and a
call to action), drawn from templates with seeded random forces, years, number forms and
hedges. They are for timing only: nobody annotated them, so they score nothing.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from pipeline.reference import Reference

NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                "fifteen", "twenty", "twenty-one", "thirty"]
HEDGES = ["", "", "", "nearly ", "almost ", "around ", "about ", "just over ", "over ", "more than ",
          "at least ", "up to ", "fewer than ", "just under ", "roughly "]
SHARES = ["one in five", "one in 20", "a third", "a fifth", "more than a quarter", "half", "one in 10",
          "9 per cent", "one in eight", "just under a quarter"]
RATES = ["every eight minutes", "six an hour", "an average of nine a day", "every six hours",
         "every two hours", "three a day", "every seven minutes", "more than four a day"]
PEOPLE = ["Sarah Jones", "David Evans", "Priya Shah", "Mark Thompson", "Aileen Boyd", "Gareth Hughes",
          "Nadia Khan", "Tom Fletcher", "Siobhan Kelly", "Ruth Allen"]
# Each national phrase with a plausible range for its yearly total.
NATIONAL = {"across the UK": (40000, 110000), "UK-wide": (40000, 110000), "in England and Wales": (20000, 95000),
            "in Wales": (1500, 4500), "in Scotland": (2500, 6000), "in England": (20000, 92000)}
REGIONS = ["the South West", "the North East", "Yorkshire", "the East Midlands", "the North West", "the South East"]
DISTRACTOR_AREAS = ["Bristol", "Leeds", "Swansea", "Norwich", "Peterborough", "Sheffield", "Plymouth"]

HEADLINES = [
    "CHILD SEX OFFENCES RECORDED BY {FORCE} RISE",
    "{force} records {n} child sex offences",
    "Rise in child sex crimes in {place}, NSPCC figures show",
    "Charity warns of online grooming as {place} offences climb",
    "Fall in child sexual offences recorded in {place}",
]
PARAGRAPHS = [
    "{force} recorded {hedge}{n} sexual offences against children in {period}, according to figures obtained by the NSPCC through a Freedom of Information request.",
    "The number of offences in the force area recorded in {period} {moved} by {pct} per cent from the previous year, when {m} were logged.",
    "That is {rate} across {place}, the charity said.",
    "Of these, {age10} were against children aged 10 and under, and {age4} were against children aged four or under, including {babies} babies under one.",
    "The force flagged {online} offences as having an online element, {moved_short} {pct2} per cent on the year before.",
    "{share} of the offences had an online element, the figures show.",
    "{national_cap}, police recorded {big} child sex offences last year, a rise of {pct} per cent.",
    "Across {region}, forces recorded {big_regional} offences, a figure the charity described as \"staggering\".",
    "In {town} alone, {m} offences were recorded, the force said.",
    "The number of offences has risen by {pct3} per cent since {early}, and by {abs} in the last year alone.",
    "{person}, of the NSPCC, said: \"These figures are deeply concerning. Behind every one of them is a child who has been let down, and we must make sure every child gets the help they need to recover.\"",
    "A spokesman for {force} said: \"We take every report extremely seriously. We have invested £{money} million in specialist officers and we would urge anyone with information to come forward.\"",
    "One mother, whose {age_anecdote}-year-old daughter was groomed on a gaming site, said: \"We had no idea anything was wrong until the school rang us. She was {age_anecdote} and she thought he was her friend.\"",
    "Childline delivered {sessions} counselling sessions about sexual abuse last year, and the NSPCC helpline received {calls} contacts from adults worried about a child.",
    "Offences under section {section} of the Sexual Offences Act 2003 were included for the first time, the charity said, after the law changed in {law_year}.",
    "The NSPCC's Speak Out Stay Safe programme, launched in {campaign_year}, visited {schools} primary schools in the area, reaching more than {pupils} pupils.",
    "Sexual offences against adults recorded by {force} over the same period numbered {adult}.",
    "The figures for the region's forces were:\n\n- {force} - {n}\n- {force2} - {n2}\n- {force3} - {n3}",
    "Year | Offences\n{table}",
    "In {period_prev} the force recorded {m}; a year later the figure was {n}.",
    "The figures, released on {day} {month}, cover offences including rape, sexual assault, sexual activity with a child and grooming.",
    "The charity is calling on the Government to make sure every child who has been abused can get timely therapeutic support, wherever they live.",
]
CLOSERS = [
    "Anyone concerned about a child can contact the NSPCC helpline on 0808 800 5000. Children can call Childline on 0800 1111.",
    "To report a crime call police on 101, or 999 in an emergency.",
    "Picture: {force} headquarters.",
]
MONTHS = ["January", "March", "June", "September", "October", "November"]
PERIOD_FORMS = ["{a}/{b2}", "{a}-{b2}", "{a}/{b}", "{a}-{b}", "{a2}/{b2}", "{a} to {b}", "the year to March {b}"]


@dataclass(frozen=True)
class Names:
    forces: list[str]  # every force name and alias, as written in prose


def force_names(reference: Reference) -> Names:
    forces = reference.areas[reference.areas["area_type"].isin(["police_force_area", "police_force"])]
    names = list(forces["area_name"])
    names += [alias for area_id, alias in zip(reference.aliases["area_id"], reference.aliases["alias"])
              if area_id in set(forces["area_id"])]
    names += [f"{name} Police" for name in forces["area_name"]]
    return Names(forces=sorted(set(names)))


def _period(rng: random.Random, start: int) -> str:
    form = rng.choice(PERIOD_FORMS)
    return form.format(a=start, b=start + 1, a2=f"{start % 100:02d}", b2=f"{(start + 1) % 100:02d}")


def _count(rng: random.Random, low: int, high: int) -> str:
    value = rng.randint(low, high)
    if value < len(NUMBER_WORDS) + 2 and rng.random() < 0.5:
        return NUMBER_WORDS[value - 2] if value >= 2 else str(value)
    return f"{value:,}"


def _fields(rng: random.Random, names: Names) -> dict[str, str]:
    start = rng.randint(2008, 2023)
    force, force2, force3 = rng.sample(names.forces, 3)
    national = rng.choice(sorted(NATIONAL))
    table_start = rng.randint(2008, 2019)
    table = "\n".join(f"{_period(rng, y)} | {rng.randint(300, 4000):,}" for y in range(table_start, table_start + 4))
    return {
        "force": force, "FORCE": force.upper(), "force2": force2, "force3": force3,
        "place": force.removesuffix(" Police").removesuffix(" Constabulary"),
        "period": _period(rng, start), "period_prev": _period(rng, start - 1),
        "n": _count(rng, 200, 5000), "n2": _count(rng, 200, 5000), "n3": _count(rng, 200, 5000),
        "m": _count(rng, 150, 4500), "hedge": rng.choice(HEDGES),
        "moved": rng.choice(["rose", "fell", "increased", "dropped"]),
        "moved_short": rng.choice(["up", "down"]),
        "pct": str(rng.randint(1, 40)), "pct2": str(rng.randint(1, 90)), "pct3": str(rng.randint(40, 150)),
        "rate": rng.choice(RATES), "share": rng.choice(SHARES).capitalize(),
        "age10": _count(rng, 50, 1500), "age4": _count(rng, 10, 400), "babies": _count(rng, 2, 40),
        "online": _count(rng, 5, 900), "national_cap": national[0].upper() + national[1:],
        "big": f"{rng.randint(*NATIONAL[national]):,}", "region": rng.choice(REGIONS),
        "big_regional": f"{rng.randint(2000, 12000):,}", "town": rng.choice(DISTRACTOR_AREAS),
        "abs": str(rng.randint(20, 400)), "early": _period(rng, rng.randint(2008, 2014)),
        "person": rng.choice(PEOPLE), "money": f"{rng.randint(1, 9)}.{rng.randint(0, 9)}",
        "age_anecdote": str(rng.randint(7, 16)), "sessions": f"{rng.randint(1000, 20000):,}",
        "calls": f"{rng.randint(500, 9000):,}", "section": str(rng.choice([15, 67, 9, 10, 14])),
        "law_year": str(rng.randint(2015, 2023)), "campaign_year": str(rng.randint(2011, 2022)),
        "schools": str(rng.randint(50, 900)), "pupils": f"{rng.randint(5000, 90000):,}",
        "adult": f"{rng.randint(300, 6000):,}", "table": table,
        "day": str(rng.randint(1, 28)), "month": rng.choice(MONTHS),
    }


def generate_article(rng: random.Random, names: Names, size: int) -> str:
    """One article of about `size` bytes (UTF-8): whole paragraphs, so it may run a paragraph over."""
    fields = _fields(rng, names)
    paragraphs = [rng.choice(HEADLINES).format(**fields), PARAGRAPHS[0].format(**fields)]
    closer = rng.choice(CLOSERS).format(**fields)
    length = sum(len(p.encode()) + 2 for p in paragraphs) + len(closer.encode())
    while length < size:
        if rng.random() < 0.15:
            fields = _fields(rng, names)  # a new force and year part-way through, as roundups do
        paragraph = rng.choice(PARAGRAPHS[1:]).format(**fields)
        paragraphs.append(paragraph)
        length += len(paragraph.encode()) + 2
    paragraphs.append(closer)
    return "\n\n".join(paragraphs) + "\n"


def generate_articles(count: int, size: int, seed: int = 2024,
                      reference: Reference | None = None) -> list[tuple[str, date | None]]:
    """`count` articles of about `size` bytes, each with a published date or None; same seed, same articles."""
    rng = random.Random(seed)
    names = force_names(reference or Reference.load())
    articles = []
    for _ in range(count):
        published = None if rng.random() < 0.2 else date(rng.randint(2009, 2024), rng.randint(1, 12), rng.randint(1, 28))
        articles.append((generate_article(rng, names, size), published))
    return articles
