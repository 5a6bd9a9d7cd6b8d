"""Front matter reads the same data whichever YAML parser PyYAML has, and reports faults the same way."""
import datetime as dt

import pytest
import yaml

from dispatches.frontmatter import _load_yaml

BLOCKS = ["headline: \"A: quoted\"\npublished: 2024-02-03\ncaptions:\n  - one\n  - two\nform: wire",
          "standfirst: >\n  folded\n  text\nfiction: true\ncount: 3\nratio: 0.5\nempty:\nupdated: 2024-02-03 10:00:00",
          "headline: 'single ''quoted'''\nbyline: [A, B]\noutlet: ~"]


@pytest.mark.parametrize("block", BLOCKS)
def test_the_data_is_what_the_safe_loader_gives(block):
    data = _load_yaml(block)
    assert data == yaml.safe_load(block)
    assert [type(value) for value in data.values()] == [type(value) for value in yaml.safe_load(block).values()]


def test_dates_are_dates():
    assert _load_yaml("published: 2024-02-03")["published"] == dt.date(2024, 2, 3)


def test_a_fault_is_reported_as_the_safe_loader_reports_it():
    block = "headline: [unclosed\nbyline: x"
    with pytest.raises(yaml.YAMLError) as expected:
        yaml.safe_load(block)
    with pytest.raises(yaml.YAMLError) as found:
        _load_yaml(block)
    assert str(found.value) == str(expected.value)
