"""How far a stated number pins down the true value: intervals from rounding and hedges.

Every comparison in this stage (do two sources agree? does a stated change match the counts?)
asks whether intervals meet, never whether floats are equal, so that "up 14 per cent" agrees
with counts giving 13.83% and "nearly 14,000" agrees with 13,876.

The conventions, also written in the README ("How values are chosen"):
- An exact count is exactly itself.
- Any other exact number is taken as rounded to the last decimal place written: 14 stands for
  13.5 to 14.5, 9.7 for 9.65 to 9.75. A proportion is read to at least two decimals (whole
  percentage points), since "10 per cent" and "one in ten" are both stored as 0.1.
- Checks (not derivations) also accept truncation, which real sources use: 14 may stand for
  14 to 15 ("26.7" for 398/314 = 26.75%, "six a day" for 2,440/365 = 6.68).
- A rate per day may be written as "N an hour" or "one every N minutes/hours/seconds", and a
  proportion as "one in N": where the stored value is exactly such a conversion, the reading
  with N rounded to the nearest whole number is accepted too.
- `approximately` allows the larger of half a unit of the last non-zero digit and 5% of the
  value: "nearly 14,000" covers 13,300 to 14,700, "around 1,500" covers 1,425 to 1,575.
- Bounds are half-lines: "more than 300" is (300, infinity), "at most 10" is (-infinity, 10].
Intervals are closed at rounding limits (a value exactly on the limit is accepted, whichever way
the source rounded halves) and open only where a bound says "more than" or "fewer than".
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal

APPROXIMATE_SHARE = 0.05  # "nearly", "around": within 5% (or the last digit's rounding, if wider)
BOUNDS = ("more_than", "at_least", "fewer_than", "at_most")

# Rates per day written as "one every N <unit>": the number of those units in a day.
_PER_DAY_UNITS = {"seconds": 86400.0, "minutes": 1440.0, "hours": 24.0}


def _tolerance(x: float) -> float:
    """Float noise allowed when comparing computed values (1,483 / 1.43 and the like)."""
    return 1e-9 * max(1.0, abs(x))


@dataclass(frozen=True)
class Interval:
    low: float
    high: float
    low_open: bool = False
    high_open: bool = False

    @classmethod
    def point(cls, value: float) -> "Interval":
        return cls(value, value)

    def contains(self, x: float) -> bool:
        above = x > self.low if self.low_open else x >= self.low - _tolerance(self.low)
        below = x < self.high if self.high_open else x <= self.high + _tolerance(self.high)
        return above and below

    def overlaps(self, other: "Interval") -> bool:
        """Whether some value satisfies both."""
        if self.low != other.low:
            low, low_open = max((self.low, self.low_open), (other.low, other.low_open), key=lambda end: end[0])
        else:
            low, low_open = self.low, self.low_open or other.low_open
        if self.high != other.high:
            high, high_open = min((self.high, self.high_open), (other.high, other.high_open), key=lambda end: end[0])
        else:
            high, high_open = self.high, self.high_open or other.high_open
        if math.isinf(low) or math.isinf(high):
            return low < high
        if low < high - _tolerance(high):
            return True
        return abs(low - high) <= _tolerance(high) and not (low_open or high_open)

    @property
    def width(self) -> float:
        return self.high - self.low

    def describe(self) -> str:
        return f"{fmt(self.low)} to {fmt(self.high)}"


def hull(intervals: list[Interval]) -> Interval:
    low = min(intervals, key=lambda i: i.low)
    high = max(intervals, key=lambda i: i.high)
    return Interval(low.low, high.high, low.low_open, high.high_open)


def fmt(x: float) -> str:
    """A number as the quality report and notes show it: whole numbers plainly, else 4 significant decimals."""
    if math.isinf(x):
        return "infinity" if x > 0 else "-infinity"
    if float(x).is_integer():
        return str(int(x))
    return f"{x:.4g}" if abs(x) < 1 else f"{x:.2f}".rstrip("0").rstrip(".")


def written_decimals(value: float) -> int:
    """Decimal places of a number as it was written: 9.7 -> 1, 14 -> 0, 0.05 -> 2."""
    exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    return max(0, -int(exponent))


def half_unit(value: float, unit: str) -> float:
    """Half a unit of the last decimal place written (a proportion is read to at least 0.01)."""
    places = written_decimals(value)
    if unit == "proportion":
        places = max(places, 2)
    return 0.5 * 10.0 ** -places


def rounded(value: float, unit: str) -> Interval:
    h = half_unit(value, unit)
    return Interval(value - h, value + h)


def truncated(value: float, unit: str) -> Interval:
    step = 2 * half_unit(value, unit)
    return Interval(value, value + step) if value >= 0 else Interval(value - step, value)


def approximate(value: float) -> Interval:
    """What a hedge like "nearly" or "around" covers (see the module docstring)."""
    exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent if value else 0
    tolerance = max(0.5 * 10.0 ** int(exponent), APPROXIMATE_SHARE * abs(value))
    return Interval(value - tolerance, value + tolerance)


def statement(value: float, qualifier: str, unit: str) -> Interval:
    """What a claim asserts about the true value; two claims agree when theirs overlap."""
    if qualifier == "approximately":
        return approximate(value)
    if qualifier == "more_than":
        return Interval(value, math.inf, low_open=True)
    if qualifier == "at_least":
        return Interval(value, math.inf)
    if qualifier == "fewer_than":
        return Interval(-math.inf, value, high_open=True)
    if qualifier == "at_most":
        return Interval(-math.inf, value)
    return Interval.point(value) if unit == "count" else rounded(value, unit)


@dataclass(frozen=True)
class Reading:
    """One way the source may have written a number, and the values that reading allows."""

    label: str
    interval: Interval

    def describe(self) -> str:
        return f"{self.interval.describe()} ({self.label})"


def _one_in(value: float, per: float) -> int | None:
    """N if value == per / N for a whole N (to the 2 or 4 decimals values are stored to)."""
    if value <= 0:
        return None
    n = round(per / value)
    if n < 1 or not math.isclose(per / n, value, rel_tol=0, abs_tol=0.00005 if per == 1 else 0.005):
        return None
    return n


def _n_rounded(per: float, n: int) -> Interval:
    """per / N with N rounded to the nearest whole number."""
    return Interval(per / (n + 0.5), per / (n - 0.5))


def alternative_readings(value: float, unit: str) -> list[Reading]:
    """Readings of a stored value that came from words ("one in 20", "every eight minutes")."""
    readings = []
    if unit == "proportion":
        if n := _one_in(value, 1.0):
            interval = _n_rounded(1.0, n)
            readings.append(Reading(f"one in {n}", Interval(interval.low, min(interval.high, 1.0))))
    elif unit == "per_day":
        for name, per in _PER_DAY_UNITS.items():
            if n := _one_in(value, per):
                readings.append(Reading(f"one every {n} {name}", _n_rounded(per, n)))
        per_hour = value / 24
        if per_hour >= 1 and math.isclose(per_hour, round(per_hour), abs_tol=1e-9):
            m = round(per_hour)
            readings.append(Reading(f"{m} an hour", Interval(24 * (m - 0.5), 24 * (m + 0.5))))
    # A word reading inside the plain rounding adds nothing ("nine a day" is not "every 160 minutes").
    plain = rounded(value, unit)
    return [r for r in readings if not (plain.contains(r.interval.low) and plain.contains(r.interval.high))]


def check_readings(value: float, qualifier: str, unit: str) -> list[Reading]:
    """Every way the source could honestly have written `value`: a check passes if the value it
    computes lies in any of them. Exact non-counts: rounded, truncated, and word readings."""
    if qualifier != "exact" or unit == "count":
        return [Reading(qualifier if qualifier != "exact" else "exact count", statement(value, qualifier, unit))]
    return [Reading("rounded", rounded(value, unit)), Reading("truncated", truncated(value, unit)),
            *alternative_readings(value, unit)]


def derivation_interval(value: float, unit: str) -> Interval:
    """The interval a derivation carries forward from a stated input: its rounding (no
    truncation, as the data contract's example has it), widened by any word reading."""
    if unit == "count":
        return Interval.point(value)
    return hull([rounded(value, unit), *(r.interval for r in alternative_readings(value, unit))])


def describe_readings(readings: list[Reading]) -> str:
    return " or ".join(r.describe() for r in readings)
