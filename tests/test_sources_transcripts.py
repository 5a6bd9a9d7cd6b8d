"""Sources in broadcast and interview transcripts: speaker labels (sentences written for these tests; names
invented)."""
import pandas as pd

import dispatches as dp
from dispatches.sources import find_sources


def sources_of(body: str, outlet: str | None = None) -> pd.DataFrame:
    return find_sources(dp.Article.from_text("Evening bulletin\n\n" + body, outlet=outlet))


def test_a_speaker_label_attributes_its_turn_to_the_end_of_the_paragraph():
    frame = sources_of("ANCHOR: Minister, were the trucks carrying rifles?\n\n"
                       "TOMAS RELLIG: They were carrying flour. I saw the lists myself. Nobody checked them twice.")
    assert list(frame["source"]) == ["TOMAS RELLIG"] * 3
    assert frame.iloc[0]["cue"] == ":"
    assert list(frame["cue"][1:]) == ["continuation of ':'"] * 2


def test_presenters_and_correspondents_are_the_outlets_own_voice():
    frame = sources_of("HOST (Mira Castell): Good evening. The border crossing reopened today.\n\n"
                       "MIRA CASTELL: We will stay with that story all night.\n\n"
                       "JON PELLA, CORRESPONDENT: The queue of lorries runs for two miles.")
    assert frame.empty, frame[["source", "cue"]].to_string()


def test_a_name_introduced_as_our_reporter_is_staff_when_it_labels_a_turn():
    frame = sources_of("PRESENTER: Our reporter Ilse Varga is at the bridge.\n\n"
                       "ILSE VARGA: The bridge is closed and the road is empty.")
    assert frame.empty, frame[["source", "cue"]].to_string()


def test_a_turn_sentence_with_its_own_source_keeps_it():
    frame = sources_of("DARA OSK: I run the bakery. The mayor told us the water would be back on Friday.")
    assert list(frame["source"]) == ["DARA OSK", "The mayor"]


def test_the_label_takes_the_type_of_the_person_named_before():
    frame = sources_of("Our guest tonight is Halvar Brandt, an analyst at the Ostfeld Institute.\n\n"
                       "HALVAR BRANDT: The shelling follows the railway line.")
    row = frame[frame["source"] == "HALVAR BRANDT"].iloc[0]
    assert row["source_type"] == "expert"
    assert row["refers_to"] == "Halvar Brandt"


def test_rubrics_datelines_and_mixed_case_openers_are_not_speakers():
    frame = sources_of("UPDATE: The road reopened at noon.\n\nNEW DELHI: The talks resumed on Monday.\n\n"
                       "Verdict: The video is old.")
    assert frame.empty, frame[["source", "cue"]].to_string()


def test_a_label_only_counts_at_the_start_of_a_paragraph():
    frame = sources_of("The convoy reached the depot. SOLDIERS: none were seen.")
    assert frame.empty, frame[["source", "cue"]].to_string()
