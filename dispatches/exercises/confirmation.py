"""Exercises on confirmation versus speculation: how firmly does the article present each claim?

    from dispatches.exercises import confirmation as ex, ____
    ex.q1.show(); ex.q1.check(____); ex.q1.hint(); ex.q1.solution(); ex.progress()

Every expected answer is read from the gold annotations of the (fictional) corpus.
"""
from __future__ import annotations

from string import ascii_uppercase

from . import gold_answers as gold
from .checking import (ChoiceQuestion, ExerciseSet, Item, LabelsQuestion, ReflectionQuestion, SetQuestion,
                       code)
from .sourcing import passage

EXAMPLE = "hd_drones_acknowledged"
CEASEFIRE = "ledger_ceasefire_early"
RADAR = "ledger_karvel_radar_claim"
STATUS_FORM = f"Answer with one of: {', '.join(gold.STATUSES)}."


def lettered(sentences: list[str]) -> str:
    """Sentences as a Markdown list labelled A, B, C..."""
    return "\n".join(f"- **{letter}**: {text}" for letter, text in zip(ascii_uppercase, sentences))


class StatusLabels(LabelsQuestion):
    """Label the status of several lettered sentences of one article."""

    article_name = EXAMPLE
    fragments: tuple[str, ...] = ()
    labels = gold.STATUSES
    neighbours = gold.STATUS_NEIGHBOURS
    noun = "statuses"
    answer_form = "Give a dictionary from each letter to a status, such as `{'A': 'claimed', 'B': 'denied'}`."

    def expected(self):
        return {letter: gold.claim_status(self.article_name, fragment)
                for letter, fragment in zip(ascii_uppercase, self.fragments)}

    def sentences(self):
        return {letter: gold.sentence(self.article_name, fragment)
                for letter, fragment in zip(ascii_uppercase, self.fragments)}

    def context(self):
        return (f"From *{gold.outlet(self.article_name)}* (`{self.article_name}`, fiction). Label each sentence "
                f"with one of {', '.join(gold.STATUSES)}:\n\n" + lettered(list(self.sentences().values())))


class Q1(ChoiceQuestion):
    title = "the status of a second-hand claim"
    fragment = "Calvorian sources told Defence Horizon Weekly in June"
    choices = gold.STATUSES
    neighbours = gold.STATUS_NEIGHBOURS
    answer_form = STATUS_FORM
    hints = ("Who is speaking, and do we know their names?",
             "Anonymous sources quoted by another outlet make the news second-hand.")
    mistakes = {"claimed": "'Claimed' is for a named source speaking on the record."}
    explanation = "Anonymous informants, quoted by another outlet: the claim reaches us second-hand."

    def expected(self):
        return gold.claim_status(EXAMPLE, self.fragment)

    def context(self):
        return (passage(EXAMPLE, self.fragment) + "\n\nWhat is the status of the sentence "
                f"{code(gold.sentence(EXAMPLE, self.fragment))}?")


class Q2(StatusLabels):
    title = "statuses in the example article"
    fragments = ("Kestria has acknowledged for the first time",
                 "Our operators now reach positions",
                 "Scores of soldiers and civilians have been killed",
                 "have speculated that the drones are the Vireon VX-2",
                 "rejected the suggestion on Sunday",
                 "Sources familiar with the issue told Highland Dispatch")
    hints = ("Find the words that decide each status: acknowledged, said, speculated, rejected, told...",
             "A sentence with no source and no hedge is in the outlet's own voice.",
             "When several cues apply, the stronger one wins: denied, then speculated, then reported, then "
             "confirmed, then claimed.")
    explanation = "One article, all six statuses: the toolkit's `art.claims()` labels them the same way."


class Q3(ChoiceQuestion):
    title = "spot the overstated headline"
    candidates = ("mw_ceasefire", RADAR, "spr_casualties", "dhw_vireon_ceo_interview")
    choices = tuple(ascii_uppercase[:4])
    answer_form = "Answer with a letter: A, B, C or D."
    hints = ("Read each article past its headline: `dp.datasets.article(name)` opens it.",
             "Does the body say the event happened, or only that someone claims or believes it did?",
             "Look for a headline that states as fact what the article itself only reports or hedges.")
    explanation = ("The headline states the strike as fact; the body only reports what an account posted, hedges "
                   "it and records a denial. Headlines are often written by someone other than the reporter.")

    def expected(self):
        overstated = [letter for letter, name in zip(self.choices, self.candidates) if gold.headline_overstates(name)]
        return overstated[0]

    def context(self):
        rows = [f"- **{letter}** ({gold.outlet(name)}, `{name}`): {gold.headline(name)}"
                for letter, name in zip(self.choices, self.candidates)]
        return ("Which of these headlines claims more than its own article supports? (fiction)\n\n"
                + "\n".join(rows))


class Q4(ChoiceQuestion):
    title = "what exactly was confirmed"
    options = ("Kestria has acknowledged for the first time",
               "have speculated that the drones are the Vireon VX-2",
               "Some in Velmora have speculated",
               "Sources familiar with the issue told Highland Dispatch")
    choices = tuple(ascii_uppercase[:4])
    answer_form = "Answer with a letter: A, B, C or D."
    hints = ("Only one of these sentences has the source itself acknowledging something.",
             "Which drones? Which model? Who says so? Check each sentence's source and cue.")
    mistakes = {"B": "The model is what social-media users speculate about; the president named none."}
    explanation = ("Kestria confirmed using drones made in Calvoria, nothing more: the model, the staff and the "
                   "order size all rest on speculation or anonymous sources.")

    def expected(self):
        statuses = [gold.claim_status(EXAMPLE, fragment) for fragment in self.options]
        return self.choices[statuses.index("confirmed")]

    def context(self):
        sentences = [gold.sentence(EXAMPLE, fragment) for fragment in self.options]
        return ("The headline says Kestria 'confirms'. Which of these statements did Kestria actually confirm?"
                "\n\n" + lettered(sentences))


class Q5(SetQuestion):
    title = "claims with no source"
    noun = "unattributed sentences"
    loose = False
    answer_form = "Give a list of sentence numbers, such as `[3, 7]`."
    hints = ("Read each sentence and ask: who says so? If nobody, and nothing hedges it, it is the outlet's own voice.",
             "Do not forget the caption: it is written by the outlet too.",
             "Background and casualty figures are often given with no source at all.")
    explanation = ("The outlet vouches for these sentences itself. That is fine for a well-known fact, and a "
                   "warning sign for a casualty figure or a date.")

    def _numbered(self):
        return gold.article(EXAMPLE).sentences.query("part != 'byline'")

    def items(self):
        frame = gold.claims(EXAMPLE)
        numbered = self._numbered()
        items = []
        for _, row in frame[frame["status"] == "unattributed"].iterrows():
            hit = numbered[numbered["text"] == row["text"]]
            items.append(Item(str(int(hit.iloc[0]["sentence_id"])), row["text"]))
        return items

    def context_sentences(self):
        return list(self._numbered()["text"])

    def context(self):
        rows = [f"{int(number)}. {text}" for number, text in zip(self._numbered()["sentence_id"],
                                                                  self._numbered()["text"])]
        return (f"The example article (`{EXAMPLE}`, fiction), sentence by sentence. Which sentences state a claim "
                "in the outlet's own voice, with no source and no hedge?\n\n" + "\n".join(rows))


class Q6(StatusLabels):
    title = "statuses in an early ceasefire report"
    article_name = CEASEFIRE
    fragments = ("diplomats told The Northern Ledger last night",
                 "Ana Brisk, dismissed the report as",
                 "The Ledger understands that the truce will freeze",
                 "President Tomas Hadrel said on Wednesday",
                 "The fighting has not stopped yet.")
    hints = ("'Diplomats' without names: first-hand or second-hand?",
             "'Could be on the ground within weeks' is a hedge, even in the outlet's own voice.")
    explanation = ("The story rests on unnamed diplomats and is denied on the record: the headline 'AGREED' is "
                   "firmer than anything in the body.")


class Q7(ReflectionQuestion):
    title = "a hedge inside a quotation"
    hints = ("Find the word 'if' in the quotation.",)
    model_answer = (
        "The commentator's first words are a condition: 'if this is confirmed'. Everything he says after it "
        "depends on a strike nobody has verified, so the quotation is speculation, however confident the rest "
        "sounds. Quoting an expert does not turn an unverified claim into a confirmed one; the article's own "
        "line that the Ledger could not verify the footage matters more.")

    def context(self):
        return passage(RADAR, "If this is confirmed, it is a game-changer") + (
            "\n\nThe commentator sounds sure. Is this quotation evidence that the radar was destroyed? Why?")


exercises = ExerciseSet("Confirmation versus speculation", [Q1(), Q2(), Q3(), Q4(), Q5(), Q6(), Q7()])
q1, q2, q3, q4, q5, q6, q7 = exercises.questions
progress = exercises.progress
