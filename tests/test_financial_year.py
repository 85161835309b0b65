from datetime import date

import pytest

from pipeline.financial_year import days_in, last_full_before, parse_financial_year, period_bounds, shift


@pytest.mark.parametrize(
    "text",
    ["2016/17", "2016-17", "2016–17", "2016/2017", "2016-2017", "2016 -17", "2016 to 2017", "16/17", "FY2016/17", " 2016/17 "],
)
def test_every_contributor_form_of_a_financial_year_reads_as_yyyy_yy(text):
    assert parse_financial_year(text) == "2016/17"


@pytest.mark.parametrize("text", ["2016", "2016/18", "2016/2018", "2017/16", "16", "", "abc", "1899/00", None, 2016])
def test_a_string_that_is_not_one_financial_year_is_rejected(text):
    assert parse_financial_year(text) is None


def test_the_century_turn_is_a_financial_year():
    assert parse_financial_year("1999/00") == "1999/00"
    assert parse_financial_year("2099-2100") == "2099/00"


def test_financial_year_runs_april_to_march():
    assert period_bounds("2016/17") == (date(2016, 4, 1), date(2017, 3, 31))
    assert days_in("2015/16") == 366  # includes 29 February 2016
    assert days_in("2016/17") == 365


def test_last_full_financial_year_before_a_publication_date():
    assert last_full_before(date(2017, 9, 10)) == "2016/17"
    assert last_full_before(date(2017, 3, 31)) == "2015/16"  # 2016/17 has not ended yet
    assert last_full_before(date(2017, 4, 1)) == "2016/17"
    assert shift("2016/17", -1) == "2015/16"
