"""The reader: web pastes, front matter, HTML pages, wire datelines, sentences and clear errors."""
import datetime as dt
from pathlib import Path

import pytest

import dispatches as dp
from dispatches.layout import ArticleParts

DATA = Path(__file__).parent / "data"
PASTE = DATA / "anatomy_paste.txt"
STORY_PARAGRAPHS = [
    "Kestria has acknowledged for the first time",
    "These drones have changed the balance",
    "We are grateful to our friends in Brennholt",
    "Fighting broke out last week",
    "Several social media users, including an account called Frontline Monitor",
    "In the same speech, Hadrel said",
    "The two countries held a joint military drill",
    "Some in Velmora speculated",
    "Calvorian sources told Defence Horizon Weekly in June",
]
FURNITURE = ["Skip to main content", "RELATED: Highland towns count the cost", "Read More »",
             "Get our weekly briefing", "Sign up now", "To republish our journalism"]


@pytest.fixture(scope="module")
def paste():
    return dp.read_article(PASTE)


def test_web_paste_parts(paste):
    assert paste.headline == "Calvorian drones used against Askar forces, Kestria confirms"
    assert paste.standfirst.startswith("Orvane admits for the first time")
    assert paste.captions == ["A Vireon VX-2 drone on display at a trade fair in Brennholt in 2023. "
                              "(Photo: Meridian Wire)"]
    assert paste.byline == "By Mara Linden in Gosha"
    assert paste.dateline == "Gosha"
    assert paste.published is None


def test_web_paste_drops_every_furniture_line_and_keeps_every_paragraph(paste):
    for line in FURNITURE:
        assert line not in paste.text
        assert any(line in removed for removed in paste.removed)
    assert "\u00a0" in paste.removed
    for paragraph in STORY_PARAGRAPHS:
        assert paragraph in paste.text
    body = paste.sentences[paste.sentences["part"] == "body"]
    assert body["paragraph"].nunique() == len(STORY_PARAGRAPHS)


def test_sentence_offsets_point_into_text(paste):
    frame = paste.sentences
    assert list(frame.columns[:6]) == ["sentence_id", "part", "paragraph", "start", "end", "text"]
    assert list(frame["sentence_id"]) == list(range(len(frame)))
    for row in frame.itertuples():
        assert paste.text[row.start:row.end] == row.text
        assert len(row.norm) == len(row.text)
    assert list(frame["part"][:4]) == ["headline", "standfirst", "caption", "byline"]


def test_quotation_spanning_two_sentences_is_split_at_the_stop(paste):
    texts = list(paste.sentences["text"])
    first = next(i for i, t in enumerate(texts) if t.startswith('"These drones'))
    assert texts[first].endswith("on the ground.")
    assert texts[first + 1].startswith("Our pilots trained")


@pytest.mark.parametrize("text, expected", [
    ("Lt. Col. Arvid Pell spoke on Sept. 27 in the U.S. capital. He left.", 2),
    ("Gen. Tal said 1.5 km of road was open. No. 4 checkpoint stayed shut.", 2),
    ("Was it a drone? Nobody knew! The ministry said nothing.", 3),
    ("The list:\n- tanks destroyed\n- two radars hit", 3),
    ("J. R. Smith, a researcher, said so. Others disagreed.", 2),
])
def test_sentence_splitting_handles_abbreviations_decimals_and_lists(text, expected):
    article = dp.Article.from_text(f"Headline here\n\n{text}")
    assert len(article.sentences[article.sentences["part"] == "body"]) == expected


def test_unicode_is_normalised_for_analysis_but_offsets_stay_true():
    text = "Headline\n\n\u201cWe hold the line,\u201d said Col.\u00a0Pell \u2014 twice."
    article = dp.Article.from_text(text)
    row = article.sentences.iloc[-1]
    assert row.norm == '"We hold the line," said Col. Pell - twice.'
    assert article.text[row.start:row.end] == row.text
    assert "\u201c" in row.text


def test_html_page_keeps_story_and_metadata_and_drops_scripts_and_navigation():
    article = dp.read_article(DATA / "page_with_scripts.html")
    assert article.headline == "Drones hit depot near Dorvan"
    assert article.outlet == "Highland Dispatch"
    assert article.published == dt.date(2025, 9, 24)
    assert article.byline == "By Anna Keller"
    assert article.captions == ["A drone seen at an arms fair in 2023. (Photo: Meridian Wire)"]
    for junk in ("alert(", "INJECTED SCRIPT TEXT", "color:red", "cookies", "Share on Facebook", "All rights",
                 "World"):
        assert junk not in article.text
    assert "did not respond to a request for comment" in article.text


def test_wire_dateline_goes_to_dateline_and_its_date_needs_a_year():
    with pytest.warns(dp.DispatchesWarning, match="published="):
        article = dp.read_article(DATA / "wire_copy.txt")
    assert article.dateline == "Orvane"
    assert article.published is None
    assert article.text.count("Meridian Wire") == 0
    assert any(line.startswith("Reporting by") for line in article.removed)
    first_body = article.sentences[article.sentences["part"] == "body"].iloc[0]
    assert first_body.text.startswith("Kestrian troops advanced")


def test_wire_dateline_with_year_dates_the_article():
    article = dp.Article.from_text("Title line\n\nYEREVAN, SEPTEMBER 28, 2020, ARMENPRESS. Shelling went on.")
    assert (article.dateline, article.published) == ("Yerevan", dt.date(2020, 9, 28))


def test_front_matter_article():
    article = dp.read_article(DATA / "front_matter.md")
    assert article.headline == "Ceasefire takes hold in the highlands"
    assert article.outlet == "Meridian Wire"
    assert (article.published, article.updated) == (dt.date(2025, 10, 21), dt.date(2025, 10, 22))
    assert article.dateline == "Velmora"
    assert article.captions == ["Residents return to Dorvan. (Photo: Meridian Wire)"]
    assert article.meta["form"] == "wire" and article.meta["fiction"] is True
    assert "Correction: An earlier version" in article.text
    body = article.sentences[article.sentences["part"] == "body"]["text"].tolist()
    assert body[1] == "Gen. Ruben Tal said 1.5 km of road near the U.S.-funded clinic was reopened."


def test_published_argument_wins_over_the_file():
    article = dp.read_article(DATA / "front_matter.md", published="2025-10-25")
    assert article.published == dt.date(2025, 10, 25)
    article = dp.read_article(DATA / "front_matter.md", published=dt.date(2025, 10, 26))
    assert article.published == dt.date(2025, 10, 26)


@pytest.mark.parametrize("bad", ["6 October 2020", "2020-13-01", "06/10/2020", "yesterday", 20201006])
def test_invalid_published_is_a_value_error_naming_the_format(bad):
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        dp.read_article(PASTE, published=bad)


def test_from_text_takes_headline_and_outlet():
    article = dp.Article.from_text("A paragraph of story. And another sentence.", headline="Given headline",
                                   outlet="Somewhere News", published="2025-09-01")
    assert (article.headline, article.outlet, article.published) == ("Given headline", "Somewhere News",
                                                                      dt.date(2025, 9, 1))
    assert article.sentences["part"].tolist() == ["headline", "body", "body"]


def test_parts_without_a_story_are_refused():
    with pytest.raises(ValueError, match="No story paragraphs"):
        dp.Article.from_parts(ArticleParts(headline="Only a headline"))


@pytest.mark.parametrize("name, content, message", [
    ("missing.txt", None, "No file at"),
    ("empty.txt", b"", "is empty"),
    ("blank.md", b"  \n\t\n", "is empty"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
    ("latin.txt", "Caf\u00e9 news".encode("latin-1"), "utf-8"),
    ("article.pdf", b"%PDF-1.4", "cannot read"),
    ("noext", b"text", "cannot read"),
    ("bad_front.md", b"---\nheadline: [unclosed\n---\nBody.", "not valid YAML"),
    ("bad_date.md", b"---\npublished: last Monday\n---\nBody text here.", "YYYY-MM-DD"),
])
def test_bad_files_give_clear_errors(tmp_path, name, content, message):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises((OSError, ValueError), match=message):
        dp.read_article(path)


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(IsADirectoryError, match="folder"):
        dp.read_article(tmp_path)


def test_empty_text_and_wrong_type_are_refused():
    with pytest.raises(ValueError, match="empty"):
        dp.Article.from_text("   ")
    with pytest.raises(TypeError, match="string"):
        dp.Article.from_text(b"bytes")


@pytest.mark.parametrize("line", ["Home | World | Highlands", "News › Europe › Askar war", "Menu", "Share",
                                  "Most read", "5 min read", "Advertisement"])
def test_menus_breadcrumbs_and_labels_are_furniture(line):
    article = dp.Article.from_text(f"{line}\nDrones strike depot near Dorvan\nOfficials said the depot burned.")
    assert article.headline == "Drones strike depot near Dorvan"
    assert line in article.removed


# A site's name or a section label as the first line of a paste: dropped, and the real headline kept.
HEADLINE_BELOW = "Drones strike fuel depot near Dorvan"
STORY = "A drone hit the depot on Monday, residents said."


@pytest.mark.parametrize("site_line, page", [
    ("Highland Dispatch", f"{HEADLINE_BELOW}\nBy Mira Talvik in Gosha\n{STORY}\n"
                          "© 2025 Highland Dispatch. All rights reserved."),                   # named in the footer
    ("HIGHLAND DISPATCH", f"{HEADLINE_BELOW}\nSmoke over the depot (Photo: Highland Dispatch)\n{STORY}"),  # credit
    ("The Valley Courier", f"{HEADLINE_BELOW}\n{STORY} One man told the Valley Courier he saw it."),
    ("NEWS", f"{HEADLINE_BELOW}\n{STORY}"),                                                    # section word
    ("World - Europe", f"{HEADLINE_BELOW}\n{STORY}"),
    ("Analysis", f"{HEADLINE_BELOW}\n{STORY}"),
    ("highlanddispatch.com", f"{HEADLINE_BELOW}\n{STORY}"),                                    # web address
    ("Ridge Post", f"{HEADLINE_BELOW}\nResidents say the fire burned for six hours before crews could reach it\n"
                   f"By Mira Talvik\n{STORY}"),                                 # a name above a full page header
])
def test_a_site_name_or_section_line_above_the_headline_is_dropped(site_line, page):
    article = dp.Article.from_text(f"{site_line}\n{page}")
    assert article.headline == HEADLINE_BELOW
    assert site_line in article.removed
    assert site_line not in article.text.split("\n\n")


def test_a_name_the_page_repeats_becomes_the_outlet_as_the_page_writes_it():
    page = f"HIGHLAND DISPATCH\n{HEADLINE_BELOW}\n{STORY} Two of them told Highland Dispatch it burned all night."
    article = dp.Article.from_text(page)
    assert article.outlet == "Highland Dispatch"
    assert dp.Article.from_text(page, outlet="Meridian Wire").outlet == "Meridian Wire"


def test_several_site_lines_after_the_furniture_are_all_dropped():
    article = dp.Article.from_text(f"Skip to main content\nHighland Dispatch\nWorld\n{HEADLINE_BELOW}\n"
                                   f"{STORY}\nSupport Highland Dispatch with a donation.")
    assert article.headline == HEADLINE_BELOW
    assert {"Highland Dispatch", "World"} <= set(article.removed)


def test_a_site_line_above_a_headline_given_by_the_caller_is_dropped():
    article = dp.Article.from_text(f"NEWS\n{HEADLINE_BELOW}\n{STORY}", headline=HEADLINE_BELOW)
    assert article.headline == HEADLINE_BELOW
    assert "NEWS" in article.removed and article.standfirst is None


STANDFIRST = "Guns fell silent across the Askar Highlands as the truce agreed in Senhal came into force"


@pytest.mark.parametrize("page, headline", [
    (f"Ceasefire holds\n{STANDFIRST}\nBy Mira Talvik\nThe truce held overnight.", "Ceasefire holds"),
    (f"Askar Ceasefire\n{STANDFIRST}\nBy Mira Talvik\nThe truce held overnight.", "Askar Ceasefire"),
    (f"Ceasefire Holds\n{STANDFIRST}\nThe Ceasefire Holds, the wire said.", "Ceasefire Holds"),   # a verb
    (f"Peace in Senhal\n{STANDFIRST}\nPeace in Senhal came at dawn.", "Peace in Senhal"),          # "in": no name
    ("Truce\nThe truce held overnight, officials said.", "Truce"),                    # no headline-shaped line
    ("News blackout in Dorvan\nPhone lines were cut on Monday.", "News blackout in Dorvan"),
    (f"Drones strike depot near Dorvan\n{STORY}", "Drones strike depot near Dorvan"),
])
def test_a_short_real_headline_with_no_site_line_stays_the_headline(page, headline):
    article = dp.Article.from_text(page)
    assert article.headline == headline
    assert article.removed == []


def test_the_site_line_rule_says_why_it_dropped_a_line():
    from dispatches.layout import site_line_reason
    footer = "Support Highland Dispatch with a donation."
    assert site_line_reason(["NEWS", HEADLINE_BELOW, STORY], "") == ("section label", None)
    assert site_line_reason(["Highland Dispatch", HEADLINE_BELOW, footer],
                            f"Highland Dispatch\n{HEADLINE_BELOW}\n{footer}") == \
        ("site name, repeated in the page", "Highland Dispatch")
    assert site_line_reason([HEADLINE_BELOW, STORY], f"{HEADLINE_BELOW}\n{STORY}") is None
