"""The headline check: headline, standfirst and captions against the body.

The stories are invented, set in the project's FICTIONAL war (Kestria, Sarvenia, Calvoria).
"""
import dispatches as dp
from dispatches.headline_check import COLUMNS, headline_check, stem


def article(headline: str, body: str, standfirst: str | None = None, caption: str | None = None):
    lines = ["---", f"headline: \"{headline}\""]
    if standfirst:
        lines.append(f"standfirst: \"{standfirst}\"")
    if caption:
        lines += ["captions:", f"  - \"{caption}\""]
    return dp.Article.from_text("\n".join(lines + ["---", body, ""]))


def test_fair_headline_gives_an_empty_frame_with_the_columns():
    art = article("Kestria army says it shot down two Sarvenia drones near Dorvan",
                  "The Kestria army said on Tuesday that its air defences had shot down two Sarvenia drones near "
                  "Dorvan.\n\nSarvenia has not commented on the claim.")
    findings = headline_check(art)
    assert findings.empty and list(findings.columns) == COLUMNS


def test_headline_stated_as_fact_on_the_word_of_a_social_media_post_is_overstated():
    art = article("Sarvenia drone destroys Kestria radar at Dorvan",
                  "An Sarvenia drone has destroyed a Kestria radar at Dorvan, according to a video posted by an "
                  "anonymous account on social media.\n\nThe Kestria army dismissed the video as fake.")
    findings = headline_check(art)
    assert findings["finding"].tolist() == ["overstated"]
    row = findings.iloc[0]
    assert row["part"] == "headline" and row["status"] == "unattributed" and row["body_status"] == "reported"
    assert 1 in [art.sentences.set_index("sentence_id").loc[i, "paragraph"] for i in row["body_ids"]]
    assert "reported second-hand" in row["explanation"] and "firmer" in row["explanation"]


def test_confirmed_headline_against_a_body_that_only_has_a_speaker_saying_it():
    art = article("Kestria confirms Sarvenia shells hit Dorvan hospital",
                  "Sarvenia shells hit the hospital in Dorvan on Monday, Kestria's health minister said.\n\n"
                  "Doctors moved patients to the basement.")
    row = headline_check(art).iloc[0]
    assert (row["finding"], row["status"], row["body_status"]) == ("overstated", "confirmed", "claimed")


def test_confirmation_credited_to_a_whole_state_is_read_as_the_outlets_summary():
    body = ("Kestria has acknowledged that Sarvenia drones struck the Dorvan depot.\n\n"
            "\"The drones came at night,\" President Ada Vell said in an interview with a friendly channel.")
    row = headline_check(article("Sarvenia drones struck Dorvan depot, Kestria confirms", body)).iloc[0]
    assert row["finding"] == "overstated" and "whole state of Kestria" in row["explanation"]
    named = article("Sarvenia drones struck Dorvan depot, Kestria confirms",
                    "Kestria's defence minister, Ada Vell, confirmed that Sarvenia drones struck the Dorvan depot.")
    assert headline_check(named).empty


def test_caption_naming_a_model_the_body_only_speculates_about():
    art = article("Drones seen over Dorvan", "Drones were seen over Dorvan on Sunday night.\n\n"
                  "Some analysts have speculated that they were Hawk-7 models.",
                  caption="A Hawk-7 drone at an air show in 2021 (Photo: Daily Courier)")
    row = headline_check(art).iloc[0]
    assert (row["part"], row["finding"], row["body_status"]) == ("caption", "caption_implies", "speculated")
    assert "Hawk-7" in row["explanation"]


def test_caption_naming_a_model_the_body_never_mentions():
    art = article("Drones seen over Dorvan", "Drones were seen over Dorvan on Sunday night.",
                  caption="A Falcon drone on display in 2021")
    row = headline_check(art).iloc[0]
    assert row["finding"] == "caption_implies" and "never mentions" in row["explanation"]


def test_caption_whose_model_the_body_establishes_is_fair():
    art = article("Drones seen over Dorvan", "Hawk-7 drones struck Dorvan on Sunday night, the army confirmed, "
                  "showing wreckage with Hawk-7 markings.", caption="A Hawk-7 drone at an air show in 2021")
    assert headline_check(art).empty


def test_headline_with_no_body_support():
    art = article("Sarvenia president resigns", "Shelling continued around Dorvan on Monday.\n\n"
                  "Aid convoys reached the valley.")
    row = headline_check(art).iloc[0]
    assert row["finding"] == "unsupported" and row["body_ids"] == []


def test_stems_link_names_and_their_adjectives():
    assert stem("Sarvenia's") == stem("Sarvenia") and stem("drones") == stem("drone")
    assert stem("Kite-9") == "kite-9"


def test_confirmed_headline_over_a_body_that_says_confirmation_was_withheld():
    art = article("Kestria confirms drones hit the Dorvan depot",
                  "Kestria has not confirmed that drones hit the Dorvan depot.\n\nSmoke rose over Dorvan on Monday.")
    row = headline_check(art).iloc[0]
    assert (row["finding"], row["status"], row["body_status"]) == ("overstated", "confirmed", "speculated")
    assert "not confirmed" in row["explanation"]


def test_confirmed_headline_over_a_body_where_nobody_confirmed_it():
    art = article("Kestria confirms drones hit the Dorvan depot",
                  "Nobody has confirmed that drones hit the Dorvan depot.")
    assert headline_check(art)["finding"].tolist() == ["overstated"]


def test_a_withheld_confirmation_elsewhere_does_not_undo_a_confirmation():
    art = article("Kestria confirms drones hit the Dorvan depot",
                  "Kestria's defence minister, Ada Vell, confirmed that drones hit the Dorvan depot.\n\n"
                  "Sarvenia has not confirmed that its drones hit the Dorvan depot.")
    assert headline_check(art).empty


def test_caption_blaming_a_side_the_body_cannot_blame_is_flagged():
    art = article("Families shelter in Gosha school",
                  "About 200 people sleep in the school on Mill Street, volunteers said.\n\n"
                  "The mayor blamed the shelling of the villages on Sarvenian units. The Sarvenian army denied "
                  "firing on the villages.\n\nThe newspaper could not establish which side's guns hit them.",
                  caption="Families who fled Sarvenian shelling wait for bread in Gosha (Photo: Meridian Wire)")
    findings = headline_check(art)
    row = findings[findings["part"] == "caption"].iloc[0]
    assert row["finding"] == "caption_implies"
    assert "Sarvenia" in row["explanation"] and "denied" in row["explanation"]


def test_caption_blaming_a_side_the_body_blames_in_its_own_voice_is_fair():
    art = article("Families shelter in Gosha school",
                  "Sarvenian shelling destroyed twelve houses in Ostrel on Sunday.\n\n"
                  "About 200 people now sleep in the school on Mill Street.",
                  caption="Families who fled Sarvenian shelling wait for bread in Gosha")
    assert "caption" not in headline_check(art)["part"].tolist()


def opinion_piece(headline: str, standfirst: str) -> dp.Article:
    body = ("Kestria has bought drones from Calvoria, its president admitted last month.\n\n"
            "Perhaps they are the newest model. I suspect they are. Maybe the army will say so one day. "
            "The ministry may simply not know. I cannot be sure.\n\n"
            "The drones have flown over Dorvan every night this week.")
    return dp.Article.from_text(f'---\nheadline: "{headline}"\nstandfirst: "{standfirst}"\n'
                                'byline: "By Ann Dale"\n---\n' + body + "\n")


def test_opinion_headline_stated_as_fact_over_a_hedged_argument_is_overstated():
    art = opinion_piece("Calvoria's drones are deciding this war", "Why the silence, asks Ann Dale")
    findings = headline_check(art)
    row = findings[findings["part"] == "headline"].iloc[0]
    assert row["finding"] == "overstated" and "opinion piece" in row["explanation"]


def test_the_same_headline_over_a_news_report_is_not_judged_as_opinion():
    art = article("Calvoria's drones are deciding this war",
                  "Calvoria's drones are deciding the war, the defence ministry in Orvane said on Monday.\n\n"
                  "The drones have flown over Dorvan every night this week.")
    assert "overstated" not in headline_check(art)["finding"].tolist()


def test_outlet_name_does_not_tie_a_standfirst_to_the_body():
    art = dp.Article.from_text('---\nheadline: "Gosha shelters fill"\nstandfirst: "They told Highland Dispatch '
                               'why they fled"\noutlet: Highland Dispatch\n---\nHundreds of families reached Gosha '
                               "on Sunday.\n\nHighland Dispatch could not establish who shelled them.\n")
    assert "overstated" not in headline_check(art)["finding"].tolist()


def test_explanation_names_the_shared_words_as_written_not_their_stems():
    art = article("Kestria confirms Calvorian drones hit Dorvan hospital",
                  "Calvorian-made drones hit the hospital in Dorvan on Monday, Kestria's health minister said.")
    explanation = headline_check(art)["explanation"].iloc[0]
    shared = explanation.split("(sharing ")[1].split(")")[0].split(", ")
    assert {"Kestria", "Calvorian", "drones", "Dorvan", "hospital"} <= set(shared)
    assert "calvor" not in shared and "kestri" not in shared and "drone" not in shared


def test_surface_words_keep_the_order_of_the_claim_and_each_word_once():
    from dispatches.headline_check import surface_words
    stems = {stem("Sarvenia's"), stem("radars")}
    assert surface_words(stems, "Sarvenia's radars and Sarvenia radar") == ["Sarvenia", "radars"]


def test_caption_saying_which_side_left_the_mines_when_the_body_cannot_tell_is_flagged():
    art = article("Farmers kept out of their fields near Gosha",
                  "A tractor hit a mine near Gosha on Friday, the district office said.\n\n"
                  "The mayor said Sarvenian units had mined the road in August. The Sarvenian army rejected the "
                  "accusation.\n\nThe newspaper was unable to establish who laid the mines.",
                  caption="A field near Gosha, where Sarvenian soldiers left mines behind")
    row = headline_check(art).query("part == 'caption'").iloc[0]
    assert row["finding"] == "caption_implies" and "not established" in row["explanation"]


def test_caption_about_mines_that_blames_nobody_is_fair():
    art = article("Farmers kept out of their fields near Gosha",
                  "A tractor hit a mine near Gosha on Friday, the district office said.\n\n"
                  "The newspaper was unable to establish who laid the mines.",
                  caption="A field near Gosha, where mines were found last week")
    assert "caption" not in headline_check(art)["part"].tolist()


def test_headline_asserting_what_the_body_says_nothing_shows_is_overstated():
    art = article("SOLD OUT AT MESK: stolen files reveal officers smuggled the plans to Calvoria",
                  "Files obtained by this newspaper show that Kestrian officers discussed the Mesk plans in "
                  "June, according to two people who have seen them.\n\n"
                  "The newspaper could not independently verify the files.\n\n"
                  "Nothing in the files seen by the newspaper shows that anyone smuggled the plans abroad.")
    row = headline_check(art).query("part == 'headline'").iloc[0]
    assert row["finding"] == "overstated" and "'smuggled'" in row["explanation"]
    assert "evidence for it is missing" in row["explanation"]
    assert "Nothing in the files" in row["explanation"]


def test_a_headline_word_the_body_backs_elsewhere_is_not_undone_by_a_denial():
    art = article("Officers smuggled the plans to Calvoria, files show",
                  "Kestrian officers smuggled the Mesk plans to Calvoria in June, the files show.\n\n"
                  "Nothing in the files shows that anyone was paid for them.")
    assert headline_check(art).empty


def test_a_story_called_false_does_not_make_a_caption_word_doubtful():
    art = article("Convoy hit at the Karvel junction",
                  "Four lorries burned at the Karvel junction on Monday, the army said.\n\n"
                  "The strike has already been the subject of one false story.",
                  caption="Burnt lorries at the Karvel junction after the strike")
    assert "caption" not in headline_check(art)["part"].tolist()
