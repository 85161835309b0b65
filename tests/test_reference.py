import pandas as pd
import pytest

from pipeline.reference import normalise_name
from pipeline.schemas import Areas, Metrics


def test_reference_tables_meet_the_published_schemas(reference):
    Areas.validate(reference.areas.replace("", None), lazy=True)
    Metrics.validate(reference.metrics, lazy=True)
    assert len(reference.areas) == 50


def test_every_alias_names_a_known_area_and_no_alias_is_ambiguous(reference):
    assert set(reference.aliases["area_id"]) <= reference.area_ids
    names = pd.concat([
        pd.DataFrame({"area_id": reference.aliases["area_id"], "name": reference.aliases["alias"]}),
        pd.DataFrame({"area_id": reference.areas["area_id"], "name": reference.areas["area_name"]}),
    ])
    names["normalised"] = names["name"].map(normalise_name)
    areas_per_name = names.groupby("normalised")["area_id"].nunique()
    assert areas_per_name.max() == 1, areas_per_name[areas_per_name > 1]


@pytest.mark.parametrize(
    "name, area_id",
    [
        ("Avon & Somerset Police", "avon-and-somerset"),
        ("avon and somerset constabulary", "avon-and-somerset"),
        ("Dyfed Powys", "dyfed-powys"),
        ("Dyfed-Powys", "dyfed-powys"),
        ("London, City of", "city-of-london"),
        ("the Met", "metropolitan"),
        ("PSNI", "northern-ireland"),
        ("Police Scotland", "scotland"),
        ("England & Wales", "england-and-wales"),
        ("uk", "uk"),
        ("north-wales", "north-wales"),
    ],
)
def test_any_known_name_resolves_to_one_area(reference, name, area_id):
    assert reference.resolve_area(name) == area_id


@pytest.mark.parametrize("name", ["Met", "Cymru", "nationally", "", "Atlantis Police", None])
def test_ambiguous_or_unknown_names_do_not_resolve(reference, name):
    assert reference.resolve_area(name) is None


def test_every_metric_has_a_unit_with_a_range(reference):
    assert set(reference.metric_units.values()) <= set(reference.unit_ranges)
    assert reference.in_range("proportion", 0.05) and not reference.in_range("proportion", 1.2)
    assert not reference.in_range("count", -1)
    assert not reference.in_range("percent", -101) and reference.in_range("percent", 250)
