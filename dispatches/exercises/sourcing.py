"""Exercises on sourcing: who is speaking, what kind of source they are, and whose side they are on.

    from dispatches.exercises import sourcing as ex, ____
    ex.q1.show(); ex.q1.check(____); ex.q1.hint(); ex.q1.solution(); ex.progress()

Every expected answer is read from the gold annotations of the (fictional) corpus.
"""
from __future__ import annotations

from . import gold_answers as gold
from .checking import ChoiceQuestion, ExerciseSet, Item, LabelsQuestion, ReflectionQuestion, SetQuestion, code

EXAMPLE = "hd_drones_acknowledged"
ECHO = "kespress_karvel_echo"
DORVAN = "spr_casualties"
PARTIES = ("Kestria", "Sarvenia", "Calvoria", "Askar Highlands authorities", "Valdria", "none")


def passage(name: str, fragment: str) -> str:
    """The paragraph holding a gold fragment, quoted as Markdown, with its article's outlet and date."""
    number = gold.paragraph(name, fragment)
    return (f"From *{gold.outlet(name)}*, {gold.published(name):%d %B %Y} (`{name}`, fiction):\n\n"
            f"> {gold.paragraph_text(name, number)}")


class SourceTypeQuestion(ChoiceQuestion):
    """What type of source is one named source of an article?"""

    article_name = EXAMPLE
    source = ""
    choices = gold.SOURCE_TYPES
    neighbours = gold.TYPE_NEIGHBOURS
    answer_form = f"Answer with one of: {', '.join(gold.SOURCE_TYPES)}."

    @property
    def title(self):
        return f"the type of {self.source}"

    def expected(self):
        return gold.source_row(self.article_name, self.source)["type"]

    def context(self):
        return passage(self.article_name, gold.source_row(self.article_name, self.source)["sentence"])


class Q1(SourceTypeQuestion):
    source = "@FrontlineMonitor"
    hints = ("Ask what the source is, not whom it might be close to.",
             "An account that posts online is a different kind of source from a government or a newspaper.")
    mistakes = {"official": "Being 'considered close to' a state does not make an account speak for that state; "
                            "and who considers it close? The article does not say.",
                "unnamed_group": "The account has a name of sorts: a handle."}
    explanation = ("An aggregator account is a social-media source. 'Considered to be close to' a state tells you "
                   "about its possible interest, not that it speaks for that state.")


class Q2(SourceTypeQuestion):
    source = "Calvorian sources"
    hints = ("Who are these sources? Could you look them up?",
             "The magazine passed the information on, but the question is about the informants themselves.")
    mistakes = {"media": "Defence Horizon Weekly is a media source in the same sentence, but the informants it "
                         "quotes are a different source."}
    explanation = ("Specific informants who are not named are anonymous sources. Their nationality is the "
                   "supplier's: they may have an interest in the sale being talked about.")


class Q3(SetQuestion):
    title = "every source in a paragraph"
    noun = "sources"
    fragment = "Calvorian sources told Defence Horizon Weekly in June"
    hints = ("Look for the words that attribute: told, said, according to.",
             "One sentence can hold two sources: the people who spoke and the outlet that printed it.",
             "Count the outlet that published the informants' words as a source too.")
    explanation = ("Second-hand information has a chain: informants, then the outlet that quoted them, then this "
                   "article. Each link is a source.")

    def items(self):
        return gold.source_items(EXAMPLE, gold.paragraph(EXAMPLE, self.fragment))

    def context_sentences(self):
        return gold.paragraph_sentences(EXAMPLE, gold.paragraph(EXAMPLE, self.fragment))

    def context(self):
        return passage(EXAMPLE, self.fragment) + "\n\nList every source named in this paragraph, as written."


class Q4(LabelsQuestion):
    title = "source types in a state agency's paragraph"
    labels = gold.SOURCE_TYPES
    neighbours = gold.TYPE_NEIGHBOURS
    noun = "source types"
    fragment = "The Sarvenian side has rushed to deny"
    answer_form = "Give a dictionary from each source (as listed by `q4.show()`) to its type."
    hints = ("Four sources, four different kinds. Take them one by one.",
             "A radio station is a news organisation; a spokesman who is not named is unnamed; 'observers' are "
             "a vague collective.")
    explanation = ("A state agency quoting a state radio quoting an unnamed spokesman: every step away from the "
                   "speaker is a reason to be careful.")

    def _rows(self):
        frame = gold.sources(ECHO)
        frame = frame[(frame["paragraph"] == gold.paragraph(ECHO, self.fragment)) & ~frame["optional"]]
        return frame.drop_duplicates("source")

    def expected(self):
        return dict(zip(self._rows()["source"], self._rows()["type"]))

    def context(self):
        listing = "\n".join(f"- {code(source)}" for source in self._rows()["source"])
        return passage(ECHO, self.fragment) + f"\n\nLabel each of these sources:\n\n{listing}"


class Q5(ChoiceQuestion):
    title = "whose side a broadcaster is on"
    choices = PARTIES
    answer_form = f"Answer with one of: {', '.join(PARTIES)}."
    hints = ("Where is the channel based? `dp.datasets.outlets()` lists every outlet of the corpus.",
             "A leader who gives an interview to a friendly channel expects friendly questions.")
    mistakes = {"Kestria": "Hadrel is Kestrian, but the channel he spoke to is not."}
    explanation = ("Kanal Brenn is on the side of the drones' supplier: the interview was given to a friendly "
                   "channel, which is worth knowing before reading what was said in it.")

    def expected(self):
        return gold.source_row(EXAMPLE, "Kanal Brenn")["party"]

    def context(self):
        return passage(EXAMPLE, "televised interview on Monday with Kanal Brenn") + (
            "\n\nPresident Hadrel spoke to Kanal Brenn. Which side of the conflict is the channel on?")


class Q6(SetQuestion):
    title = "the witnesses in a report"
    noun = "witnesses"
    pointer = "the paragraph with"
    hints = ("A witness speaks from their own experience: residents, victims, people who saw it happen.",
             "A witness who is not named is still a witness.",
             "Count each person or group once, even when they are quoted twice.")
    explanation = ("Witnesses are close to the events but see only part of them; an unnamed witness is still a "
                   "witness, though harder to check.")

    def items(self):
        frame = gold.sources(DORVAN)
        frame = frame[(frame["type"] == "witness") & frame["refers_to"].isna() & ~frame["optional"]]
        return [Item(row["source"], row["text"], None) for _, row in frame.drop_duplicates("source").iterrows()]

    def context_sentences(self):
        return list(gold.article(DORVAN).sentences["text"])

    def context(self):
        body = gold.article(DORVAN).sentences.query("part == 'body'")
        paragraphs = body.groupby("paragraph")["text"].apply(" ".join)
        text = "\n>\n".join(f"> {paragraph}" for paragraph in paragraphs)
        return (f"From *{gold.outlet(DORVAN)}*, {gold.published(DORVAN):%d %B %Y} (`{DORVAN}`, fiction):\n\n{text}"
                "\n\nList every witness the report quotes or cites, as written (each once).")


class Q7(ReflectionQuestion):
    title = "rating a source"
    hints = ("Use the five questions: independent? multiple? verifies or asserts? informed? named?",)
    model_answer = (
        "Hadrel is named and well informed, but he is not independent: he leads one side of the war and was "
        "praising weapons his army uses, on a channel of the country that sold them. He asserts rather than "
        "verifies, and he is a single source. His words are good evidence that Kestria acknowledges using "
        "Calvorian drones; they are weak evidence of how well the drones work.")

    def context(self):
        return passage(EXAMPLE, "Our operators now reach positions") + (
            "\n\nRate President Hadrel as a source on the five questions (independent, multiple, verifies, "
            "informed, named). What is his statement good evidence of, and what is it weak evidence of?")


exercises = ExerciseSet("Sourcing", [Q1(), Q2(), Q3(), Q4(), Q5(), Q6(), Q7()])
q1, q2, q3, q4, q5, q6, q7 = exercises.questions
progress = exercises.progress
