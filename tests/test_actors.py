"""Actors: the party lookup from the country and scenario lexicons and from the user's own names."""
import pandas as pd
import pytest

from dispatches.actors import party_of
from dispatches.lexicons import load_table


@pytest.mark.parametrize("phrase, party", [
    ("Turkish sources", "Turkey"),
    ("Azerbaijani President Ilham Aliyev", "Azerbaijan"),
    ("officials in Moscow", "Russia"),
    ("Ankara", "Turkey"),
    ("the U.S. State Department", "United States"),
    ("Kestrian Defence Minister Lena Sorvik", "Kestria"),
    ("Foreign Ministry spokeswoman Ana Brisk", "Sarvenia"),
    ("some in Velmora", "Sarvenia"),
    ("KesPress", "Kestria"),
])
def test_party_from_names_demonyms_and_capitals(phrase, party):
    assert party_of(phrase) == party


@pytest.mark.parametrize("phrase", ["critics", "a resident", "the chance of rain", "a georgian-style house"])
def test_no_party_without_an_actor(phrase):
    assert party_of(phrase) is None


def test_matching_is_on_whole_words():
    assert party_of("Frenchtown residents") is None
    assert party_of("Omanis") == "Oman"


def test_user_actors_win_over_the_lexicons():
    assert party_of("the Askar Defence Army") == "Askar Highlands authorities"
    assert party_of("the Askar Defence Army", actors={"Askar Defence Army": "Sarvenia"}) == "Sarvenia"
    table = pd.DataFrame({"name": ["Northern Brigade"], "party": ["Kestria"], "aliases": ["the Brigade"]})
    assert party_of("a Northern Brigade commander", actors=table) == "Kestria"
    assert party_of("the Brigade said", actors=table) == "Kestria"


def test_bad_user_table_is_explained():
    with pytest.raises(ValueError, match="name"):
        party_of("x", actors=pd.DataFrame({"who": ["a"], "side": ["b"]}))


def test_country_lexicon_covers_every_un_member_state():
    rows = load_table("actors_countries.csv")
    names = {row["country"] for row in rows}
    assert len(names) == len(rows) >= 193
    for country in ("Tuvalu", "Eswatini", "Timor-Leste", "Cabo Verde", "Kazakhstan", "Armenia", "Azerbaijan"):
        assert country in names
    assert all(row["country"] for row in rows)
