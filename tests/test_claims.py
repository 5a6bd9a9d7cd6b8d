"""Claim statuses: one per sentence, decided by cue families, negation, false hedges and attribution.

The sentences are invented for the tests (a fictional conflict between "Norland" and "Estmark").
"""
import re

import pandas as pd
import pytest

import dispatches as dp
from dispatches.claims import COLUMNS, STATUSES, PhraseIndex, _phrase_pattern, classify_claims, classify_sentence


def status_of(sentence: str) -> str:
    """Status of one body sentence, read as an article of its own (with its attributions)."""
    art = dp.Article.from_text(f"---\nheadline: Test report\n---\n{sentence}\n")
    claims = classify_claims(art)
    return claims[claims["part"] == "body"]["status"].iloc[0]


def test_frame_columns_and_one_row_per_sentence_except_byline():
    text = ("---\nheadline: Norland confirms drone deliveries\nstandfirst: The ministry says the first batch "
            "arrived\nbyline: By A. Writer\ncaptions:\n  - A drone at an airfield\n---\n"
            "The defence ministry said on Monday that ten drones had arrived. They may be used soon.\n")
    art = dp.Article.from_text(text)
    claims = classify_claims(art)
    assert list(claims.columns[:8]) == ["sentence_id", "part", "text", "status", "cue", "source",
                                        "cue_start", "cue_end"]
    non_byline = art.sentences[art.sentences["part"] != "byline"]
    assert claims["sentence_id"].tolist() == non_byline["sentence_id"].tolist()
    assert "byline" not in set(claims["part"])
    assert set(claims["status"]) <= set(STATUSES)


def test_cue_offsets_point_into_article_text():
    art = dp.Article.from_text("---\nheadline: Test\n---\nThe army denied that the bridge had fallen.\n")
    row = classify_claims(art).iloc[-1]
    assert row["status"] == "denied"
    assert art.text[row["cue_start"]:row["cue_end"]] == row["cue"] == "denied"


@pytest.mark.parametrize("sentence, status", [
    # confirm family
    ("Estmark has acknowledged for the first time that its troops crossed the river.", "confirmed"),
    ("The ministry confirmed that two soldiers were captured.", "confirmed"),
    ("Norland admitted that one of its missiles hit the depot.", "confirmed"),
    # deny family
    ("The general rejected reports that his units had withdrawn.", "denied"),
    ("Estmark denied targeting the market.", "denied"),
    ("There is no evidence that the convoy carried weapons.", "denied"),
    # hedge modals, adverbs and verbs
    ("The convoy may have been carrying fuel.", "speculated"),
    ("The blast was possibly caused by a drone.", "speculated"),
    ("Military analysts believe the offensive will stall.", "speculated"),
    ("It is believed that the commander was wounded.", "speculated"),
    ("The missile is thought to be an older model.", "speculated"),
    ("The footage appears to show soldiers crossing a bridge.", "speculated"),
    ("Several users have speculated that the aircraft was shot down.", "speculated"),
    # report markers
    ("The commander was reportedly killed in the strike.", "reported"),
    ("The depot was allegedly used to store munitions.", "reported"),
    ("Two villages have fallen, according to local media reports.", "reported"),
    # reporting verbs, all on the record
    ("The defence ministry said ten drones had arrived.", "claimed"),
    ("The defence ministry claimed that ten drones had arrived.", "claimed"),
    ("The defence ministry insisted that ten drones had arrived.", "claimed"),
    ("Ten drones have arrived, according to the defence ministry.", "claimed"),
    # the outlet's own voice
    ("Fighting broke out along the river last week.", "unattributed"),
])
def test_cue_families(sentence, status):
    assert status_of(sentence) == status


@pytest.mark.parametrize("sentence, status", [
    ("The ministry did not confirm that the bridge had been destroyed.", "unattributed"),
    ("Our reporters have not been able to confirm the death toll.", "speculated"),
    ("The claim could not be independently verified.", "speculated"),
    ("The report has not been independently confirmed.", "speculated"),
    ("The army has yet to confirm the losses.", "unattributed"),
    ("Neither figure can be checked.", "speculated"),
    ("There has been no independent confirmation of the strike.", "speculated"),
    ("If this is confirmed, the offensive has failed.", "speculated"),
    ("The spokesman did not deny that troops had crossed the border.", "unattributed"),
    ("He did not say which model the army was flying.", "unattributed"),
    ("Estmark's defence ministry has not commented on the report.", "unattributed"),
    ("There is no evidence of a chemical attack.", "denied"),
])
def test_negation_and_its_scope(sentence, status):
    assert status_of(sentence) == status


@pytest.mark.parametrize("sentence, status", [
    ("In May, the president visited the front.", "unattributed"),
    ("The offensive began on 3 May and ended in June.", "unattributed"),
    ("The president will visit the front next week.", "unattributed"),
    ("The army would later rebuild the bridge.", "unattributed"),
    ("Estmark's military might was on display at the parade.", "unattributed"),
    ("Rescuers could not reach the village until morning.", "unattributed"),
    ("Residents could see smoke rising over the hills.", "unattributed"),
    ("The story first appeared in a regional newspaper.", "unattributed"),
    ("Journalists were denied access to the front line.", "unattributed"),
    ("They said they could sleep again.", "claimed"),
    ("We are trying to confirm this.", "unattributed"),
    ("Shells hit the disputed region on Tuesday.", "unattributed"),
])
def test_words_that_look_like_cues_but_are_not(sentence, status):
    assert status_of(sentence) == status


def test_capitalised_may_is_a_hedge_in_a_title_case_headline():
    status, cue, _ = classify_sentence("Drones May Have Come From Norland", part="headline")
    assert status == "speculated" and cue.text == "May Have"


def test_hedge_inside_a_quotation_counts():
    assert status_of('"The drones might have come from Norland," the minister said.') == "speculated"


def body_statuses(text: str, outlet: str | None = None) -> list[str]:
    """Statuses of the body sentences of an article whose body is ``text`` (paragraphs split by blank lines)."""
    meta = f"outlet: {outlet}\n" if outlet else ""
    art = dp.Article.from_text(f"---\nheadline: Test report\n{meta}---\n{text}\n")
    claims = classify_claims(art)
    return claims[claims["part"] == "body"]["status"].tolist()


def test_questions_and_conditionals_are_speculation():
    assert body_statuses("Norland denies sending troops. Did Norland supply the drones?") == ["denied", "speculated"]
    assert status_of("If confirmed, it would be the first strike on the capital.") == "speculated"
    assert status_of("If the bridge falls, the town would be cut off.") == "speculated"


def test_priority_when_several_cues_apply():
    assert status_of("The ministry denied reports that the drones may have come from abroad.") == "denied"
    assert status_of("Norland reportedly confirmed the deliveries.") == "reported"
    assert status_of("The minister said the shells were probably Estmark's.") == "speculated"


def test_attribution_to_anonymous_or_media_is_at_least_reported():
    assert status_of("Sources familiar with the matter told the Daily Courier that Norland ordered 30 drones."
                     ) == "reported"
    assert status_of("An official who asked not to be named said the order was cancelled.") == "reported"


def test_source_comes_from_the_sources_frame_and_can_be_injected():
    art = dp.Article.from_text("---\nheadline: Test\n---\nThe convoy was hit near the bridge.\n")
    body_id = int(art.sentences[art.sentences["part"] == "body"]["sentence_id"].iloc[0])
    injected = pd.DataFrame([{"sentence_id": body_id, "source": "a local radio station", "source_type": "media",
                              "party": None, "cue": "reported", "channel": None, "on_record": True,
                              "quote": None, "refers_to": None, "source_start": None, "source_end": None,
                              "cue_start": None, "cue_end": None}])
    row = classify_claims(art, sources=injected).iloc[-1]
    assert row["status"] == "reported" and row["source"] == "a local radio station"
    no_sources = classify_claims(art, sources=injected.iloc[0:0]).iloc[-1]
    assert no_sources["status"] == "unattributed" and no_sources["source"] is None


def test_photo_credit_does_not_make_a_caption_reported():
    text = ("---\nheadline: Test\ncaptions:\n  - A tank near the border (Photo: Daily Courier)\n---\n"
            "Tanks were seen near the border.\n")
    claims = classify_claims(dp.Article.from_text(text))
    assert claims[claims["part"] == "caption"]["status"].iloc[0] == "unattributed"


def test_article_with_only_outlet_voice_has_no_cues():
    art = dp.Article.from_text("---\nheadline: Rain falls on the valley\n---\nRain fell on the valley.\n")
    claims = classify_claims(art)
    assert claims["cue"].isna().all() and (claims["status"] == "unattributed").all()
    assert list(claims.columns) == COLUMNS


@pytest.mark.parametrize("sentence", [
    "Nobody has confirmed that the Estmark airfield was hit.",
    "No one has verified the casualty figures.",
    "No official has confirmed the route of the convoy.",
    "There has been no confirmation of the shelling in Varo.",
    "Neither army has confirmed the exchange of prisoners.",
    "The town council could not confirm how many homes were lost.",
    "It was not possible to confirm the account independently.",
    "The figures are impossible to verify.",
    "Both tallies are hard to verify.",
])
def test_a_confirmation_nobody_gave_is_speculation(sentence):
    assert status_of(sentence) == "speculated"


def test_a_named_source_that_withholds_confirmation_only_keeps_silent():
    assert status_of("The Estmark army has neither confirmed nor denied the exchange of prisoners.") == "unattributed"
    assert status_of("The governor declined to confirm the number of wounded.") == "unattributed"


@pytest.mark.parametrize("sentence, status", [
    # a report with no source named is second-hand
    ("Three soldiers were reported missing after the ambush.", "reported"),
    ("There were reports of looting in the harbour district.", "reported"),
    ("The depot, it was learnt, had been empty for a week.", "reported"),
    ("Quoting sources, the weekly said the minister had resigned.", "reported"),
    ('"We hold the bridge," the agency cited a Norland commander as saying.', "reported"),
    # with its source named after "by", the passive is an on-record claim
    ("The landing was reported by the Norland navy on Friday.", "claimed"),
    # hedges
    ("The cause of the blast was not immediately clear.", "speculated"),
    ("There are signs that the siege has eased.", "speculated"),
    ("Purported images of the crash were shared widely.", "reported"),
    ('"Who will rebuild these houses?" asked a farmer in Varo.', "speculated"),
    # denials
    ("No such raid took place, a navy spokesman said.", "denied"),
    ("Estmark dismissed the video as propaganda.", "denied"),
    ("The ministry refuted the claims of a landing.", "denied"),
])
def test_more_report_markers_hedges_and_denials(sentence, status):
    assert status_of(sentence) == status


@pytest.mark.parametrize("sentence, status", [
    ("The tribunal is due to rule on the case next month.", "unattributed"),
    ("The ruling came earlier than expected.", "unattributed"),
    ("The two officers will appear in court in Varo on Monday.", "unattributed"),
    ("All told, the floods have cut off twelve villages.", "unattributed"),
    ("The two commanders had done no such thing before the war.", "unattributed"),
    ("Reporters were denied entry to the port.", "unattributed"),
])
def test_more_look_alikes_that_are_not_cues(sentence, status):
    assert status_of(sentence) == status


def test_a_newsroom_that_checks_for_itself_confirms():
    assert status_of("The Daily Courier verified the location of the video.") == "confirmed"
    assert status_of("The Norland army admitted that its shells hit the school.") == "confirmed"
    assert status_of("Local media reported that the bridge had collapsed.") == "reported"


def test_relayed_confirmations_and_words_that_call_a_report_baseless():
    assert status_of("The channel cited a Norland officer as confirming the capture of the port.") == "reported"
    assert status_of("It is not yet known whether the convoy reached Varo.") == "speculated"
    assert status_of('"This story is unfounded," the Estmark spokesman said.') == "denied"


PHRASES = ["{be} reported", "reported", "said", "think-tank said", "no such {gap} took place", "said to"]
TRICKY_TEXTS = ["He's reported it.", "'Said' the officer.", "a think-tank said so", "un-reported and re-said",
                "the army 's reported", "No such strike on the depot ever took place", "reported-ly, SAID TO be",
                "''said''", "was widely reported to", "said-to"]


@pytest.mark.parametrize("text", TRICKY_TEXTS)
def test_phrase_index_finds_what_one_alternation_of_all_phrases_finds(text):
    phrases = [(p, _phrase_pattern(p), p) for p in PHRASES]
    alternation = re.compile(r"(?<![\w-])(?:" + "|".join(f"({pattern})" for _, pattern, _ in phrases) + r")(?![\w-])",
                             re.I)
    expected = [(m.span(), PHRASES[m.lastindex - 1]) for m in alternation.finditer(text)]
    assert [(m.span(), phrase) for m, phrase in PhraseIndex.build(phrases).finditer(text)] == expected


def test_phrase_index_matches_after_an_opening_quote_and_at_an_apostrophe_be_form():
    index = PhraseIndex.build([(p, _phrase_pattern(p), p) for p in PHRASES])
    assert [m.group() for m, _ in index.finditer("'Said' the officer.")] == ["Said"]
    assert [phrase for _, phrase in index.finditer("the army 's reported")] == ["{be} reported"]
    assert list(index.finditer("un-reported")) == []


def test_phrase_index_refuses_a_phrase_that_cannot_be_indexed_by_its_first_word():
    with pytest.raises(ValueError):
        PhraseIndex.build([("{gap} said", _phrase_pattern("{gap} said"), None)])


# Round 3: how opinion pieces, explainers, bulletins and OSINT write-ups present claims (invented sentences,
# a fictional war between Norland and Estmark).

def statuses_of(text: str, **front) -> list[str]:
    """Statuses of the body sentences of an article given as Markdown body text (front matter optional)."""
    header = "".join(f"{key}: \"{value}\"\n" for key, value in {"headline": "Test report", **front}.items())
    claims = classify_claims(dp.Article.from_text(f"---\n{header}---\n{text}\n"))
    return claims[claims["part"] == "body"]["status"].tolist()


def test_maybe_at_the_start_of_a_sentence_is_a_hedge_not_the_month():
    assert status_of("Maybe the column will turn back before the river.") == "speculated"
    assert status_of("In May the column reached the river.") == "unattributed"


@pytest.mark.parametrize("sentence", [
    "None of this proves that the battery was moved.",
    "Neither set of casualty figures can be checked.",
    "Nobody in the capital has confirmed the figure.",
])
def test_a_negative_subject_a_few_words_before_its_verb_still_negates_it(sentence):
    assert status_of(sentence) == "speculated"


def test_a_negative_subject_also_cancels_a_reporting_verb():
    assert status_of("The army has not explained the delay, and nobody in the ministry has told us why.") \
        == "unattributed"
    assert status_of("He has never once said.") == "unattributed"


def test_nobody_will_admit_is_a_refusal_not_a_missing_confirmation():
    assert status_of("Norland's gunners are losing the duel, and nobody will admit it.") == "unattributed"


@pytest.mark.parametrize("sentence", [
    "The newspaper could not establish which unit fired the shells.",
    "Investigators were unable to determine who laid the mines.",
])
def test_could_not_establish_leaves_the_claim_unconfirmed(sentence):
    assert status_of(sentence) == "speculated"


def test_confessing_is_confirming_and_proving_that_is_confirming():
    assert status_of("Estmark confesses to using the new rockets.") == "confirmed"
    assert status_of("The serial plate proves that the rocket was made in Estmark.") == "confirmed"


@pytest.mark.parametrize("sentence", [
    'The interior ministry said the leaked order was "a clumsy forgery".',
    "The satellite pictures do not support the claim that the depot burned.",
    '"Those who say otherwise are lying," the spokesman said.',
    '"Anyone who claims otherwise has not been to the front," the colonel said.',
])
def test_denials_without_the_word_deny(sentence):
    assert status_of(sentence) == "denied"


def test_not_a_single_denies_only_when_it_continues_an_officials_denial():
    sentence = '"Not a single missile fell on the market.'
    denial = [{"source": "The minister", "source_type": "official", "cue": "continuation of 'rejected'"}]
    statement = [{"source": "The minister", "source_type": "official", "cue": "continuation of 'said'"}]
    assert classify_sentence(sentence, attributions=denial)[0] == "denied"
    assert classify_sentence(sentence, attributions=statement)[0] == "claimed"
    assert status_of("Not a single shop in the square was open on Sunday.") == "unattributed"


@pytest.mark.parametrize("sentence", [
    "I doubt it.",
    "We simply do not know whether the crews are still there.",
    "Customers rarely need the seller's crews, if the crews exist at all.",
    "A letter circulating online purports to be an order from the general staff.",
    "The shape of the wing appears consistent with an older Norland design.",
])
def test_writers_hedges(sentence):
    assert status_of(sentence) == "speculated"


def test_doubt_that_is_ruled_out_is_not_a_hedge():
    assert status_of("There is no doubt that the bridge was destroyed.") == "unattributed"


def test_knowing_whose_guns_is_not_a_hedge_when_a_witness_says_he_does_not_know():
    assert status_of("He said he did not know whose guns they were.") == "claimed"


def test_a_fact_stated_as_disputed_is_not_a_denial():
    assert status_of("Civilian casualties are better recorded, but still disputed.") == "unattributed"


def test_show_how_is_the_writers_explanation_not_a_source():
    assert status_of("The raid on the depot showed how quickly early figures change.") == "unattributed"


def test_a_rhetorical_question_without_a_question_mark_in_a_standfirst():
    art = dp.Article.from_text('---\nheadline: Test\nstandfirst: "Why is Norland so quiet, asks Ann Dale"\n---\n'
                               "Norland has said nothing for a week.\n")
    claims = classify_claims(art)
    assert claims[claims["part"] == "standfirst"]["status"].tolist() == ["speculated"]


def test_an_explainers_subhead_question_is_a_signpost():
    statuses = statuses_of("Both armies publish figures.\n\nWhat do the armies say?\n\n"
                           "Norland said it lost 40 men. Was the figure ever true?")
    assert statuses == ["unattributed", "unattributed", "claimed", "speculated"]


def test_a_question_announced_after_a_colon_is_a_signpost():
    assert status_of("The record cannot settle the question everyone asks: which rockets did Norland fire?") \
        == "unattributed"


def test_the_outlets_own_correspondent_and_earlier_version_are_its_own_voice():
    text = ("Our correspondent in the capital reports that the bakeries are closed. "
            "An earlier version of this story said ten people had died. "
            "The Courier's first report gave twelve dead. "
            "The Courier verified the video.")
    assert statuses_of(text, outlet="The Courier") == ["unattributed", "unattributed", "unattributed",
                                                        "confirmed"]


def test_a_quotation_opening_a_headline_is_claimed():
    art = dp.Article.from_text("---\nheadline: \"'We carried what we could': villagers reach the border\"\n---\n"
                               "Villagers reached the border on Sunday.\n")
    claims = classify_claims(art)
    row = claims[claims["part"] == "headline"].iloc[0]
    assert row["status"] == "claimed" and row["cue"] == "'We carried what we could'"


# Shapes of real war reporting (each sentence invented for the test, names fictional).
@pytest.mark.parametrize("sentence, status", [
    # a hedge on the claim's own proof in a concessive or parenthetical clause still decides (speculated wins)
    ("Although the figures could not be verified, Norland officials said twelve people had died.", "speculated"),
    ("The account, which could not be independently verified, was given by the mayor of Varo.", "speculated"),
    ("The ministry said forty tanks were destroyed, although the figure could not be independently checked.",
     "speculated"),
    # any other cue in such a side clause does not decide the main claim
    ("Although Estmark has long denied flying the drones, its president admitted on Monday that they were "
     "foreign-made.", "confirmed"),
    ("Although the army denied it, the shelling of Varo went on through the night.", "unattributed"),
    ("The governor of Varo resigned on Tuesday, although he denied any wrongdoing.", "unattributed"),
    ("General Osk, who has denied sending troops, said on Monday that the border was calm.", "claimed"),
    # "though" as an adverb, and "as though", open no clause
    ("The army, though, rejected the report.", "denied"),
    ("It looked as though the bridge had fallen.", "unattributed"),
])
def test_hedges_in_concessive_and_parenthetical_clauses(sentence, status):
    assert status_of(sentence) == status


@pytest.mark.parametrize("sentence, status", [
    # "suspected"/"alleged" labelling who someone is or what they are accused of: no hedge on the claim
    ("Police arrested the suspected gunman near the harbour on Tuesday.", "unattributed"),
    ("Two suspected Estmark saboteurs were detained near the port.", "unattributed"),
    ("The tribunal opened hearings into alleged war crimes in Varo.", "unattributed"),
    ("A drone strike killed six suspected militants, the Norland army said.", "claimed"),
    # before an event the same adjectives hedge it
    ("A suspected drone attack set the refinery on fire overnight.", "speculated"),
    ("The alleged attack on the convoy killed three drivers.", "reported"),
    ("The navy routinely gives no comment on reported drone attacks.", "reported"),
    # "alleged"/"reported" as a verb stay on-record claims
    ("Minister Pell alleged on Monday that foreign crews were flying the drones.", "claimed"),
    ("A Norland report that alleged abuses in Varo was published on Friday.", "claimed"),
    ("The Norland army counted the dead and reported twelve killed.", "claimed"),
])
def test_suspected_and_alleged_as_labels_and_as_hedges(sentence, status):
    assert status_of(sentence) == status


@pytest.mark.parametrize("sentence, status", [
    ("Rumours spread on Monday that the general had fled.", "speculated"),
    ("Amid rumours of a coup, troops patrolled the capital.", "speculated"),
    ("There were rumours that the bridge had been mined.", "speculated"),
    # rumours a verb acts on are the topic, not a hedge
    ("The Norland army accused Estmark agents of spreading rumours of a retreat.", "claimed"),
    ("The statement was meant to quash rumours about the general's health, an aide said.", "reported"),
])
def test_rumours_hedge_unless_they_are_an_object(sentence, status):
    assert status_of(sentence) == status


@pytest.mark.parametrize("sentence, status", [
    ("No strike took place, the Norland ministry said.", "denied"),
    ("No chemical attack occurred in Varo, the governor insisted.", "denied"),
    ("No evacuation was carried out in the town.", "denied"),
    # "no one ... took place" is not a denial of an event
    ("No one knows when the vote took place.", "unattributed"),
])
def test_no_event_took_place_without_such_is_a_denial(sentence, status):
    assert status_of(sentence) == status


@pytest.mark.parametrize("sentence, status", [
    # "could" of a thing's capacity, with an object: a fact
    ("The old bridge could carry tanks.", "unattributed"),
    ("The new radar could detect drones at long range.", "unattributed"),
    ("The shelter could hold two hundred people.", "unattributed"),
    # a possibility: "could have", "could be", a capacity verb with no object, a verb of events
    ("The strike could have killed dozens.", "speculated"),
    ("A ceasefire could be agreed within days.", "speculated"),
    ("The truce could hold until spring.", "speculated"),
    ("Shelling could resume at any time.", "speculated"),
])
def test_could_of_a_things_capacity_is_not_a_hedge(sentence, status):
    assert status_of(sentence) == status


@pytest.mark.parametrize("sentence, status", [
    ("It was not immediately clear whether anyone was hurt.", "speculated"),
    ("It wasn't immediately clear who fired the rockets.", "speculated"),
    ("It isn't known how many soldiers crossed the river.", "speculated"),
    ("Little is known about the cause of the blast.", "speculated"),
    # silences: the outlet reports that nobody answered
    ("The Estmark ministry declined to comment.", "unattributed"),
    ("A spokesman for the navy declined to comment on reports that the port had been mined.", "unattributed"),
    ("The embassy did not respond to a request for comment.", "unattributed"),
    ("The ministry did not immediately respond to requests for comment.", "unattributed"),
    ("The army did not comment on the claim.", "unattributed"),
    # the claim as a noun with its content still attributes
    ("The army repeated its claim that forty tanks were destroyed.", "claimed"),
])
def test_unclear_and_no_comment(sentence, status):
    assert status_of(sentence) == status


@pytest.mark.parametrize("sentence, status", [
    ("The footage appeared to show a column of tanks near Varo.", "speculated"),
    ("The drones appear to have been assembled abroad.", "speculated"),
    ("The commander is understood to be in hospital.", "reported"),
    ("The general is said to have left the capital.", "reported"),
    ("Unverified footage showed smoke over the port.", "speculated"),
    ("The video, purportedly filmed in Varo, shows a burning tank.", "reported"),
    ("His account could not be immediately confirmed.", "speculated"),
    ("The authenticity of the video could not be established.", "speculated"),
    ("It could not be determined who fired first.", "speculated"),
    ("The Courier could not initially independently verify the footage.", "speculated"),
])
def test_appearance_report_and_verification_markers(sentence, status):
    assert status_of(sentence) == status


@pytest.mark.parametrize("headline, outlet, status", [
    # a label or the outlet's own brand before the colon is no speaker
    ("Fact check: the viral clip of the bridge was filmed last year", None, "unattributed"),
    ("The Evening Courier: talks resume as the guns fall silent", "The Daily Courier", "unattributed"),
    ("Return to Varo: families come home to broken houses", None, "unattributed"),
    ("Inside the bunker: how the garrison held out", None, "unattributed"),
    # a speaker before the colon still attributes
    ("Norland army: forty tanks destroyed near Varo", "The Daily Courier", "claimed"),
])
def test_headline_labels_before_a_colon_are_not_speakers(headline, outlet, status):
    meta = f"outlet: {outlet}\n" if outlet else ""
    art = dp.Article.from_text(f"---\nheadline: \"{headline}\"\n{meta}---\nThe guns fell silent on Monday.\n")
    claims = classify_claims(art)
    assert claims[claims["part"] == "headline"]["status"].iloc[0] == status


@pytest.mark.parametrize("text, statuses", [
    # a question in the writer's voice that opens its paragraph leads into the answer
    ("Will the truce last? Diplomats in Varo said both armies were exhausted.", ["unattributed", "reported"]),
    ("Is the ceasefire fraying?\n\nShelling was heard on both sides of the river on Sunday.",
     ["unattributed", "unattributed"]),
    ("Remember the video of the burning tank that went viral in May? It was filmed in 2019.",
     ["unattributed", "unattributed"]),
    # a question put to someone by name is the interviewer's, not a hedge
    ("INTERVIEWER: Good evening. General, what happened at the bridge?", ["unattributed", "unattributed"]),
    ("The shelling stopped at dawn. Maria, is the road to Varo open?", ["unattributed", "unattributed"]),
    # a quoted question named as a question is the topic of the sentence
    ('The account shared the video with the question "Who will stop this?"', ["unattributed"]),
    # a question later in the paragraph doubts a claim
    ("The army said it hit a radar. Was there ever a radar?", ["claimed", "speculated"]),
    # a quoted question that opens a paragraph stays the speaker's hedge
    ('"Who will rebuild these houses?" asked a farmer in Varo.', ["speculated"]),
])
def test_lead_in_and_interview_questions_are_not_hedges(text, statuses):
    assert body_statuses(text) == statuses


@pytest.mark.parametrize("sentence, status", [
    ("If the army withdraws, the town will be rebuilt within a year.", "speculated"),
    ("'If the rain comes, the crops will rot,' the farmer said.", "speculated"),
    ("Unless the talks resume, the ceasefire ends on Friday.", "speculated"),
    # an instruction to the reader and an idiom are not conditional claims
    ("If you have footage of the attack, send it to us.", "unattributed"),
    ("If anything, the shelling grew heavier overnight.", "unattributed"),
])
def test_a_sentence_opening_with_if_states_a_condition(sentence, status):
    assert status_of(sentence) == status


@pytest.mark.parametrize("sentence, status", [
    ('"The families may not return before spring," the mayor said.', "speculated"),
    ("The bridge might not be repaired this year.", "speculated"),
    # "could not" of an ability stays a fact
    ("Rescuers could not reach the village until morning.", "unattributed"),
])
def test_may_not_and_might_not_still_hedge(sentence, status):
    assert status_of(sentence) == status


@pytest.mark.parametrize("sentence, status", [
    ("The satellite image proves the depot was hit.", "confirmed"),
    ("The photos prove Norland tanks crossed the river.", "confirmed"),
    ("The minister said the leaked letter proves nothing.", "denied"),
    ("The account said the story was never proven.", "speculated"),
    ("The claim was not verified.", "speculated"),
    # "prove" as a link verb is no proof
    ("The drones proved decisive in the battle for Varo.", "unattributed"),
    ("Supplying the garrison could prove difficult.", "speculated"),
])
def test_prove_with_an_object_confirms_and_never_proven_is_unconfirmed(sentence, status):
    assert status_of(sentence) == status


@pytest.mark.parametrize("sentence, status", [
    ("The channel said it could not vouch for the footage.", "speculated"),
    ("The mayor vouched for the figures.", "confirmed"),
    ("Residents are not sure who fired the rockets.", "speculated"),
    ('"We are not confident the count is complete," the charity said.', "speculated"),
    ("The fate of the crew remains uncertain.", "speculated"),
])
def test_vouching_and_uncertainty(sentence, status):
    assert status_of(sentence) == status


@pytest.mark.parametrize("sentence, status", [
    ("Verdict: False.", "denied"),
    ("The navy called the report pure fiction.", "denied"),
    ("The library keeps a shelf of science fiction.", "unattributed"),
    ("No inspection of the ship took place.", "denied"),
    # an absence of evidence denies, even in a concessive clause; evidence produced is no cue
    ("Some deputies believe the plans were leaked, though nobody has produced evidence for that.", "denied"),
    ("The governor claimed without evidence that saboteurs started the fire.", "denied"),
    ("The ministry has not provided any evidence of the attack.", "denied"),
    ("The prosecutor produced evidence of the bribes in court.", "unattributed"),
])
def test_denials_by_verdict_dismissal_and_missing_evidence(sentence, status):
    assert status_of(sentence) == status


def test_none_after_so_is_a_negative_subject():
    assert status_of("The convoy was not seen by our reporters, so none of this can be verified yet.") == "speculated"


def test_posting_a_video_is_not_a_claim():
    assert status_of("The clip was first posted on a local channel in May.") == "unattributed"


def test_transcript_speaker_rows_from_the_sources_frame_attribute_the_turn():
    art = dp.Article.from_text("---\nheadline: Test\n---\nANCHOR: What is in the trucks?\n\n"
                               "GENERAL OSK: Food and blankets. We have nothing to hide.\n")
    body = art.sentences[art.sentences["part"] == "body"]
    ids = body["sentence_id"].tolist()
    base = {"party": None, "channel": None, "on_record": True, "quote": None, "refers_to": None,
            "source_start": None, "source_end": None, "cue_start": None, "cue_end": None}
    frame = pd.DataFrame([{**base, "sentence_id": ids[1], "source": "GENERAL OSK", "source_type": "official",
                           "cue": ":"},
                          {**base, "sentence_id": ids[2], "source": "GENERAL OSK", "source_type": "official",
                           "cue": "continuation of ':'"}])
    claims = classify_claims(art, sources=frame)
    rows = claims[claims["part"] == "body"]
    assert rows["status"].tolist() == ["unattributed", "claimed", "claimed"]
    assert rows["source"].tolist()[1:] == ["GENERAL OSK", "GENERAL OSK"]


# Shapes met when the analyser was tried on real reporting (sentences written for the tests).

@pytest.mark.parametrize("sentence, status", [
    ("The United States sent two more air defence batteries to Norland.", "unattributed"),
    ("Inspectors try to separate fact from fiction in the flood of footage.", "unattributed"),
    ("Families in Ostra face an uncertain future after the dam burst.", "unattributed"),
    ("The minister called the report pure fiction.", "denied"),
])
def test_names_and_idioms_that_hold_a_cue_word(sentence, status):
    assert status_of(sentence) == status


@pytest.mark.parametrize("sentence, status", [
    ("And despite plans for the tribes to join the fight, most of their leaders are waiting, officials said.",
     "reported"),
    ("Fighting went on near Ostra despite the truce, officials said.", "reported"),
    ("Shelling went on all night, though the army denied it, residents said.", "claimed"),
    ("Although the army denied it, the village was shelled.", "unattributed"),
])
def test_a_concessive_clause_ends_where_its_clause_ends(sentence, status):
    assert status_of(sentence) == status


@pytest.mark.parametrize("sentence", ["The posts are inaccurate.", "We rate the claim False.",
                                      "An analyst in Ostra debunked the video within hours."])
def test_fact_check_verdicts_and_debunking_deny(sentence):
    assert status_of(sentence) == "denied"


def test_a_headline_crediting_its_source_after_a_colon_is_second_hand():
    art = dp.Article.from_text("Drone strike on Varnel depot kills three: local officials\n\n"
                               "The depot burned for hours.\n")
    row = classify_claims(art).iloc[0]
    assert (row["part"], row["status"], row["source"]) == ("headline", "reported", "local officials")


@pytest.mark.parametrize("sentence, status", [
    ("The talks resume on Monday. In Ostra, is there any safe place left?", "speculated"),
    ("The talks resume on Monday. Minister, what was on the planes?", "unattributed"),
])
def test_a_place_before_a_comma_is_not_someone_addressed(sentence, status):
    art = dp.Article.from_text(f"---\nheadline: Test report\n---\n{sentence}\n")
    claims = classify_claims(art)
    assert claims[claims["part"] == "body"]["status"].iloc[-1] == status


# Shapes met on a new writer's articles and in the real-reporting audit (round 3; sentences written for the tests).

@pytest.mark.parametrize("sentence", ["The tribunal is expected to rule on the case next month.",
                                      "Both delegations are widely expected to sign on Friday."])
def test_is_expected_to_forecasts_an_uncertain_event_like_is_thought_to(sentence):
    assert status_of(sentence) == "speculated"


@pytest.mark.parametrize("sentence, status", [
    ("Estmark has massed troops to stop any counter-attack that could cut the road.", "unattributed"),
    ("Anyone who might have seen the convoy was questioned by police.", "unattributed"),
    ("Families are returning to houses that may not survive the winter.", "speculated"),
])
def test_a_modal_defining_a_hypothetical_thing_does_not_hedge_the_sentence(sentence, status):
    assert status_of(sentence) == status


@pytest.mark.parametrize("sentence, status", [
    ("Did the footage show the port of Varo? It doesn't.", "denied"),
    ("The ministry said the shelling would stop by noon. No, it did not.", "denied"),
    ("Does the port still work? It does.", "unattributed"),
])
def test_an_elliptical_no_answer_denies_the_claim_before_it(sentence, status):
    art = dp.Article.from_text(f"---\nheadline: Test report\n---\n{sentence}\n")
    claims = classify_claims(art)
    assert claims[claims["part"] == "body"]["status"].iloc[-1] == status


@pytest.mark.parametrize("sentence, status", [
    ("Nothing in the files seen by our reporters shows that the colonel sold the plans.", "denied"),
    ("Radar images taken on Sunday showed no damage to the runway.", "denied"),
    ("Drone footage shows the burnt lorries, and no crater on the road.", "denied"),
    ("The general showed no interest in the talks.", "claimed"),
    ("None of this proves that the plans were sold.", "speculated"),
    ("The debris looks Norland-made, but none shows a serial number.", "unattributed"),
])
def test_evidence_that_shows_nothing_denies_while_no_proof_leaves_it_open(sentence, status):
    assert status_of(sentence) == status


@pytest.mark.parametrize("sentence, status", [
    ("There is nothing to back that up.", "denied"),
    ("The raid has already given rise to one false story.", "denied"),
    ("Who started the fire is disputed.", "unattributed"),
    ("The death toll is disputed by the army.", "denied"),
    ("Whether the plans reached Estmark is another matter.", "speculated"),
    ("Whether or not the truce holds, farmers will plant in spring.", "unattributed"),
    ("Several of the freed men appeared thin and weak.", "speculated"),
    ("The clip appeared during a week of heavy fighting.", "unattributed"),
    ("The agency quotes the foreign minister as saying the deal is done.", "reported"),
    ("Villagers near the dam were told to leave by nightfall.", "unattributed"),
    ("She asked for her name not to be used.", "unattributed"),
])
def test_missing_backing_contested_points_open_questions_and_appearances(sentence, status):
    assert status_of(sentence) == status


def test_a_key_event_line_opening_with_a_speaker_credits_the_speaker():
    art = dp.Article.from_text("---\nheadline: Talks in Varo - live\n---\nKey events\n\n"
                               "Brask: Norland \"will not give up an inch\"\n\nThe talks resumed at noon.\n")
    body = classify_claims(art)
    row = body[body["text"].str.startswith("Brask")].iloc[0]
    assert (row["status"], row["cue"]) == ("claimed", "Brask:")


def test_the_outlets_own_photographer_is_not_another_outlets_report():
    text = ("---\nheadline: Prisoners cross the bridge\noutlet: Harbour Wire\n---\n"
            "Buses crossed the bridge at dawn, a Harbour Wire photographer at the crossing said.\n")
    art = dp.Article.from_text(text)
    base = {"party": None, "channel": None, "on_record": True, "quote": None, "refers_to": None,
            "source_start": None, "source_end": None, "cue_start": None, "cue_end": None}
    body_id = art.sentences[art.sentences["part"] == "body"]["sentence_id"].iloc[0]
    frame = pd.DataFrame([{**base, "sentence_id": body_id, "source": "a Harbour Wire photographer at the crossing",
                           "source_type": "media", "cue": "said"}])
    claims = classify_claims(art, sources=frame)
    assert claims[claims["part"] == "body"]["status"].iloc[0] == "claimed"
    other = frame.assign(source="a Daily Courier photographer at the crossing")
    assert classify_claims(art, sources=other)[lambda f: f["part"] == "body"]["status"].iloc[0] == "reported"
