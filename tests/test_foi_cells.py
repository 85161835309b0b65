"""What a force writes in a cell or label, read one rule at a time (pipeline/ingest/foi_cells.py)."""

from __future__ import annotations

import pytest

from pipeline.ingest.foi_cells import (
    NOT_RECORDED,
    OK,
    SUPPRESSED,
    Markers,
    exact_cover,
    offence_code,
    overlapping,
    parse_age_band,
    read_cell,
    read_period_label,
    split_line,
)

DEFAULT = Markers(suppressed=("*", "<5", "[x]"), not_recorded=("n/a",), blank=None)


@pytest.mark.parametrize("marker", ["*", "<5", "< 5", "[x]", "[X]"])
def test_a_suppression_marker_is_suppressed_never_zero(marker):
    reading = read_cell(marker, DEFAULT)
    assert (reading.status, reading.value, reading.reason) == (SUPPRESSED, None, None)
    assert marker in reading.note


def test_a_not_recorded_marker_gives_no_value():
    reading = read_cell("N/A", DEFAULT)
    assert (reading.status, reading.value) == (NOT_RECORDED, None)


def test_a_marker_the_layout_does_not_name_is_an_error():
    reading = read_cell("<5", Markers(suppressed=("*",), not_recorded=(), blank=None))
    assert reading.reason and "'<5' is not a number" in reading.reason


def test_a_blank_means_what_the_layout_says_and_is_an_error_when_it_says_nothing():
    assert read_cell("", Markers((), (), "zero")).value == 0.0
    assert read_cell(" ", Markers((), (), "not_recorded")).status == NOT_RECORDED
    assert "the layout must say what a blank means" in read_cell("", Markers((), (), None)).reason


@pytest.mark.parametrize("text, value, mark", [("1,483*", 1483, "*"), ("1483 †", 1483, "†"), ("987¹", 987, "¹"), ("12 [note 3]", 12, "[note 3]")])
def test_a_footnote_mark_after_a_number_is_noted_and_the_number_read(text, value, mark):
    reading = read_cell(text, DEFAULT)
    assert (reading.status, reading.value) == (OK, value)
    assert mark in reading.note


@pytest.mark.parametrize("text", ["12a", "1,2,3", "about 40", "twelve", "1.483.2"])
def test_text_that_is_not_a_number_is_an_error(text):
    assert read_cell(text, DEFAULT).reason


def test_a_percentage_is_flagged_so_its_metric_decides_what_it_means():
    reading = read_cell("7.3%", DEFAULT)
    assert (reading.value, reading.percent) == (7.3, True)


@pytest.mark.parametrize(
    "label, band",
    [
        ("0-5", (0, 5)), ("6 to 10", (6, 10)), ("11–15", (11, 15)), ("13", (13, 13)), ("Aged 16-17", (16, 17)),
        ("11 and under", (0, 11)), ("10 or under", (0, 10)), ("Under 1", (0, 0)), ("under 11", (0, 10)),
        ("16 and over", (16, None)), ("16+", (16, None)), ("0-4 years", (0, 4)),
    ],
)
def test_age_labels_are_read_as_bands(label, band):
    assert parse_age_band(label) == band


@pytest.mark.parametrize("label", ["Teenagers", "Unknown age", "Total", "5-3", "Under 0"])
def test_labels_that_are_not_bands_are_not_guessed(label):
    assert parse_age_band(label) is None


def test_bands_covering_exactly_0_to_4_sum_to_aged_4_and_under():
    bands = {"Under 1": (0, 0), "1-2": (1, 2), "3-4": (3, 4), "5-10": (5, 10)}
    assert exact_cover(bands, 0, 4) == ["Under 1", "1-2", "3-4"]
    assert exact_cover(bands, 0, 10) == ["Under 1", "1-2", "3-4", "5-10"]
    assert exact_cover(bands, 0, 0) == ["Under 1"]


def test_eleven_and_under_never_becomes_ten_and_under():
    assert exact_cover({"11 and under": (0, 11), "12-15": (12, 15)}, 0, 10) is None


def test_0_to_5_never_becomes_4_and_under():
    assert exact_cover({"0-5": (0, 5), "6-10": (6, 10)}, 0, 4) is None
    assert exact_cover({"0-5": (0, 5), "6-10": (6, 10)}, 0, 10) == ["0-5", "6-10"]


def test_a_gap_between_bands_means_no_cover():
    assert exact_cover({"0-2": (0, 2), "4-10": (4, 10)}, 0, 10) is None


def test_single_ages_mixed_with_bands_cover_when_they_tile():
    bands = {"0-6": (0, 6), "7": (7, 7), "8": (8, 8), "9-10": (9, 10), "11": (11, 11)}
    assert exact_cover(bands, 0, 10) == ["0-6", "7", "8", "9-10"]


def test_overlapping_bands_are_found():
    assert overlapping({"0-5": (0, 5), "Under 1": (0, 0)}) is not None
    assert overlapping({"0-5": (0, 5), "6-10": (6, 10), "16+": (16, None)}) is None


@pytest.mark.parametrize(
    "label, period, partial",
    [
        ("2016/17", "2016/17", False), ("2016-17", "2016/17", False), ("2016/17*", "2016/17", False),
        ("2024/25 (to date)", "2024/25", True), ("2024/25 YTD", "2024/25", True), ("FY 2019/20", "2019/20", False),
    ],
)
def test_period_labels(label, period, partial):
    assert read_period_label(label) == (period, partial, None)


@pytest.mark.parametrize("label", ["2016", "71/17", "088/05", "Total", "2016/18"])
def test_labels_that_are_not_financial_years(label):
    period, _, reason = read_period_label(label)
    assert period is None and "not a financial year" in reason


def test_one_answer_per_line():
    assert split_line("2022/23 - 10") == ("2022/23", "10")
    assert split_line("2024/25 (year to date) - 1,412") == ("2024/25 (year to date)", "1,412")
    assert split_line("2021-22: 7") == ("2021-22", "7")
    assert split_line("Offences recorded") is None


@pytest.mark.parametrize(
    "label, code",
    [
        ("71/17 Sexual communication with a child", "71/17"), ("088/05 Sexual grooming", "88/05"),
        ("08805 - grooming", "88/05"), ("88A Sexual grooming", "88A"), ("19d Rape of a female child", "19D"),
        ("21 Sexual activity involving a child under 13", "21"), ("Other sexual offences", None), ("2016/17", None),
    ],
)
def test_home_office_codes_in_every_form(label, code):
    assert offence_code(label) == code
