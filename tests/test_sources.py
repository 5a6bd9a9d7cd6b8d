"""Sources: every attribution shape of issue 4, the columns of SPEC.md, and sentences that give no source."""
import pandas as pd
import pytest

import dispatches as dp
from dispatches.sources import COLUMNS, find_sources, source_type

HEADLINE = "Test report on the fighting"


def sources_of(body: str, **kwargs) -> pd.DataFrame:
    """The sources of a one-paragraph-per-line body under a fixed headline."""
    article = dp.Article.from_text(HEADLINE + "\n\n" + body, **kwargs)
    return find_sources(article, **kwargs.get("extra", {}))


def only(frame: pd.DataFrame) -> dict:
    assert len(frame) == 1, frame[["source", "cue"]].to_string()
    return frame.iloc[0].to_dict()


def test_columns_follow_spec_order_even_when_nothing_is_found():
    frame = sources_of("The river rises in the mountains and floods the plain every spring.")
    assert list(frame.columns) == COLUMNS
    assert frame.empty


def test_subject_before_said():
    row = only(sources_of("Defence Minister Lena Sorvik said the bridge had been destroyed."))
    assert row["source"] == "Defence Minister Lena Sorvik"
    assert (row["cue"], row["source_type"], row["party"], row["on_record"]) == ("said", "official", "Kestria", True)


def test_said_before_subject_with_quote_and_channel():
    row = only(sources_of('"We hit every target," said Defence Minister Lena Sorvik in a televised interview '
                          "with the broadcaster Kanal Brenn."))
    assert row["source"] == "Defence Minister Lena Sorvik"
    assert row["quote"] == "We hit every target"
    assert row["channel"] == "Kanal Brenn"


def test_offsets_point_into_article_text():
    article = dp.Article.from_text(HEADLINE + "\n\nThe mayor of the town said the shelling stopped at noon.")
    row = only(find_sources(article))
    assert article.text[row["source_start"]:row["source_end"]] == "The mayor of the town"
    assert article.text[row["cue_start"]:row["cue_end"]] == "said"


def test_told_an_outlet_gives_the_outlet_as_channel_and_as_a_media_source():
    frame = sources_of("Calvorian sources told Defence Horizon Weekly in June that Kestria wanted the drones.")
    assert list(frame["source"]) == ["Calvorian sources", "Defence Horizon Weekly"]
    informants, outlet = frame.iloc[0], frame.iloc[1]
    assert (informants["source_type"], informants["on_record"], informants["party"]) == ("anonymous", False,
                                                                                       "Calvoria")
    assert informants["channel"] == "Defence Horizon Weekly"
    assert (outlet["source_type"], outlet["cue"]) == ("media", "told")


def test_the_reporting_outlet_itself_is_not_a_source():
    text = (f"{HEADLINE}\n\nSources familiar with the plan told Highland Dispatch the order was for twelve drones. "
            "Highland Dispatch could not confirm the figure.")
    frame = find_sources(dp.Article.from_text(text, outlet="Highland Dispatch"))
    assert list(frame["source"]) == ["Sources familiar with the plan"]
    assert frame.iloc[0]["channel"] is None


def test_told_that_with_unnamed_official():
    row = only(sources_of("An official who asked not to be named told reporters that the talks had stalled."))
    assert row["source"] == "An official who asked not to be named"
    assert row["source_type"] == "anonymous"


def test_according_to_a_news_agency():
    row = only(sources_of("According to Reuters, the convoy turned back at the border."))
    assert (row["source"], row["cue"], row["source_type"]) == ("Reuters", "according to", "media")


@pytest.mark.parametrize("verb", ["confirmed", "acknowledged", "denied", "claimed", "warned", "insisted"])
def test_assertion_verbs(verb):
    row = only(sources_of(f"The Sarvenian foreign ministry {verb} that troops had crossed the river."))
    assert row["cue"] == verb
    assert row["source"] == "The Sarvenian foreign ministry"
    assert row["party"] == "Sarvenia"


def test_speculating_users_and_the_named_account_among_them():
    frame = sources_of("Several social media users, including the aggregator account @FrontlineMonitor, which is "
                       "considered close to the Calvorian state, have speculated that the drones were a newer model.")
    assert list(frame["source"]) == ["Several social media users", "the aggregator account @FrontlineMonitor"]
    assert set(frame["cue"]) == {"speculated"}
    assert set(frame["source_type"]) == {"social_media"}
    assert not frame["on_record"].any()


def test_statement_is_the_channel():
    row = only(sources_of("The army said in a statement that two soldiers were wounded."))
    assert row["channel"] == "a statement"


def test_quoted_as_saying():
    row = only(sources_of('Army spokesman Ruben Tal was quoted as saying "the line is holding".'))
    assert row["source"] == "Army spokesman Ruben Tal"
    assert row["cue"] == "quoted as saying"
    assert row["quote"] == "the line is holding"


def test_wrote_on_telegram_gives_the_platform_as_channel():
    row = only(sources_of('"Nobody retreated," presidential aide Ilona Vasz wrote on Telegram.'))
    assert row["channel"] == "Telegram"
    assert row["cue"] == "wrote"


def test_spokesman_for_a_body():
    row = only(sources_of("A spokesman for the Kestrian defence ministry said the claims were invented."))
    assert row["source"] == "A spokesman for the Kestrian defence ministry"
    assert row["source_type"] == "official"


def test_passive_with_agent():
    row = only(sources_of("The account is considered by analysts to be close to the Calvorian state."))
    assert row["source"] == "analysts"
    assert row["cue"] == "considered by"
    assert row["source_type"] == "unnamed_group"


def test_quotation_over_several_sentences_is_attributed_to_each_sentence():
    frame = sources_of('"The drones changed everything. Our soldiers trust them," said President Tomas Hadrel. '
                       '"We will buy more."')
    assert len(frame) == 3
    assert set(frame["source"]) == {"President Tomas Hadrel"}
    continued = frame[frame["cue"].str.startswith("continuation")]
    assert len(continued) == 2
    assert set(continued["cue"]) == {"continuation of 'said'"}
    assert "We will buy more." in set(frame["quote"])


def test_pronoun_and_short_forms_resolve_to_the_last_named_source():
    frame = sources_of("Dr Petra Linden, an analyst at the Halvard Institute, said the drones were effective.\n\n"
                       "Defence Minister Lena Sorvik said the offensive would continue.\n\n"
                       "Linden said air defences had improved. She said the window had closed.")
    by_source = frame.set_index("source")
    assert by_source.loc["Linden", "refers_to"] == "Dr Petra Linden"
    assert by_source.loc["She", "refers_to"] == "Dr Petra Linden"
    assert by_source.loc["She", "source_type"] == "expert"


def test_the_ministry_resolves_to_a_named_organisation_not_a_person():
    frame = sources_of("Sarvenia's defence ministry said six drones were shot down.\n\n"
                       "President Dmitar Olesk said the army would hold.\n\n"
                       "The ministry later said the number was eight.")
    last = frame.iloc[-1]
    assert last["source"] == "The ministry"
    assert last["refers_to"] == "Sarvenia's defence ministry"


def test_he_skips_organisations():
    frame = sources_of("Colonel Arvid Pell said the village was cleared. The ministry said it was calm. "
                       "He said no civilians were hurt.")
    assert frame.iloc[-1]["refers_to"] == "Colonel Arvid Pell"


@pytest.mark.parametrize("sentence, source, kind", [
    ("Sources familiar with the matter said the order was for twelve drones.",
     "Sources familiar with the matter", "anonymous"),
    ("Western diplomats said the talks were close to collapse.", "Western diplomats", "anonymous"),
    ("Some in Orvane speculated that foreign staff had stayed behind.", "Some in Orvane", "unnamed_group"),
    ("Critics said the ceasefire would not last.", "Critics", "unnamed_group"),
    ("State TV reported that the town had fallen.", "State TV", "media"),
    ("Satellite images show craters along the road.", "Satellite images", "document"),
    ("Footage released by the defence ministry showed a burning truck.",
     "Footage released by the defence ministry", "document"),
    ("A report by the Lantern Collective said the wreckage was Calvorian.", "A report by the Lantern Collective",
     "document"),
    ("A resident of Dorvan said the shelling lasted all night.", "A resident of Dorvan", "witness"),
    ("Videos circulating on social media appeared to show the strike.",
     "Videos circulating on social media", "social_media"),
])
def test_source_kinds(sentence, source, kind):
    row = only(sources_of(sentence))
    assert row["source"] == source
    assert row["source_type"] == kind


def test_other_outlet_as_addressee_is_a_channel():
    frame = sources_of("A senior Calvorian official told Defense News the order had been signed.")
    assert list(frame["source"]) == ["A senior Calvorian official", "Defense News"]
    assert frame.iloc[0]["channel"] == "Defense News"
    assert frame.iloc[0]["source_type"] == "anonymous"


def test_photo_credit_in_caption():
    text = (f"{HEADLINE}\n\nA drone on display at an arms fair (AFP)\n\n"
            "The war began on Sunday when troops crossed the border at dawn near the river.")
    article = dp.Article.from_text(text)
    frame = find_sources(article)
    credits = frame[frame["source"] == "AFP"]
    assert len(credits) == 1, frame.to_string()
    assert credits.iloc[0]["source_type"] == "media"


def test_photo_credit_with_label():
    assert source_type("Meridian Wire") == "media"
    text = (f"{HEADLINE}\n\nSoldiers inspect a wrecked drone near Gosha (Photo: Meridian Wire)\n\n"
            "The war began on Sunday when troops crossed the border at dawn near the river.")
    frame = find_sources(dp.Article.from_text(text))
    assert list(frame["source"]) == ["Meridian Wire"]


@pytest.mark.parametrize("sentence", [
    "The source of the river lies high in the Askar Highlands.",
    "Sources of funding for the reconstruction remain unclear.",
    "All told, the fighting has displaced forty thousand people.",
    "The villagers were told to leave before dawn.",
    "It is believed that the bridge was destroyed.",
    "The war claimed hundreds of lives in its first week.",
])
def test_sentences_that_give_no_source(sentence):
    assert sources_of(sentence).empty


def test_words_inside_a_quotation_are_not_attributions():
    row = only(sources_of('"The generals said we had won," said a Kestrian soldier.'))
    assert row["source"] == "a Kestrian soldier"
    assert row["source_type"] == "witness"


def test_user_actors_give_a_party():
    article = dp.Article.from_text(HEADLINE + "\n\nThe Northern Brigade said it had retaken the hill.")
    assert find_sources(article).iloc[0]["party"] is None
    frame = find_sources(article, actors={"Northern Brigade": "Sarvenia"})
    assert frame.iloc[0]["party"] == "Sarvenia"


def test_appositive_decides_the_type_but_not_the_name():
    row = only(sources_of('"It is a sound you never forget," said Aren Tosk, a farmer near Tashir.'))
    assert row["source"] == "Aren Tosk"
    assert row["source_type"] == "witness"


def test_coordinated_subjects_are_separate_sources():
    frame = sources_of("The radar was destroyed two days ago, Kanal Brenn and online sources report.")
    assert list(frame["source"]) == ["Kanal Brenn", "online sources"]
    assert list(frame["source_type"]) == ["media", "social_media"]


def test_citing_gives_the_cited_source():
    frame = sources_of("Defence Horizon Weekly reported last month, citing Calvorian industry sources, that the "
                       "order was signed.")
    assert list(frame["source"]) == ["Defence Horizon Weekly", "Calvorian industry sources"]
    assert list(frame["cue"]) == ["reported", "citing"]
    assert list(frame["source_type"]) == ["media", "anonymous"]


def test_outlet_quoting_an_unnamed_spokesman_gives_two_sources():
    frame = sources_of('Sarvenian Public Radio quoted an army spokesman as saying the radar units were "intact".')
    assert list(frame["source"]) == ["Sarvenian Public Radio", "an army spokesman"]
    assert list(frame["cue"]) == ["quoted", "quoted as saying"]
    assert list(frame["source_type"]) == ["media", "anonymous"]


def test_headline_colon_attribution_but_not_a_rubric():
    text = "Defence Ministry: 46 tanks destroyed\n\nThe fighting went on through the night near the river."
    assert list(find_sources(dp.Article.from_text(text))["source"]) == ["Defence Ministry"]
    text = "Analysis: why the drones matter\n\nThe fighting went on through the night near the river."
    assert find_sources(dp.Article.from_text(text)).empty


def test_one_of_them_refers_to_the_group_and_continuations_take_the_name():
    frame = sources_of('The deal was struck on Tuesday, according to two diplomats briefed on the talks. '
                       '"It is done," said one of them, who spoke on condition of anonymity.\n\n'
                       'Dr Petra Linden of the Halvard Institute urged caution. "Nothing is agreed until it is '
                       'signed," she said. "I have seen ceasefires fail."')
    one = frame[frame["source"] == "one of them"].iloc[0]
    assert one["refers_to"] == "two diplomats briefed on the talks"
    assert one["source_type"] == "anonymous"
    last = frame.iloc[-1]
    assert (last["source"], last["source_type"]) == ("Dr Petra Linden of the Halvard Institute", "expert")
    assert last["cue"] == "continuation of 'said'"


def test_subject_coordinated_with_a_second_verb():
    row = only(sources_of('Sarvenian spokeswoman Ana Brisk called the strike "a war crime" and said Velmora would '
                          'ask for an inquiry.'))
    assert row["source"] == "Sarvenian spokeswoman Ana Brisk"


def test_passive_sharing_by_accounts():
    row = only(sources_of("The video was shared again this morning by several pro-Kestrian channels."))
    assert (row["source"], row["source_type"]) == ("several pro-Kestrian channels", "social_media")


def test_same_source_is_not_counted_twice_in_a_sentence():
    frame = sources_of("Kestrian forces hit targets at Karvel, Kestria's defence ministry said, but it did not "
                       "confirm that a radar had been destroyed.")
    assert list(frame["source"]) == ["Kestria's defence ministry"]


def test_description_decides_between_title_and_expertise():
    row = only(sources_of('"It is a game-changer," said retired colonel Brann Holt, a defence commentator.'))
    assert row["source_type"] == "expert"
    row = only(sources_of("Defence Minister Lena Sorvik, visiting wounded soldiers in Gosha, thanked the allies."))
    assert row["source_type"] == "official"


def test_missing_values_are_none_not_nan():
    frame = sources_of("Critics said the ceasefire would not last. Defence Minister Lena Sorvik said it would.")
    assert frame.iloc[0]["party"] is None and frame.iloc[0]["channel"] is None
    assert frame.iloc[1]["party"] == "Kestria"
