"""Exercises on cross-checking: several outlets on the same events, echoes, contradictions, the ground truth.

    from dispatches.exercises import crosschecking as ex, ____
    ex.q1.show(); ex.q1.check(____); ex.q1.hint(); ex.q1.solution(); ex.progress()

Every expected answer is read from the gold annotations and the ground truth of the (fictional) corpus.
"""
from __future__ import annotations

from string import ascii_uppercase

from . import gold_answers as gold
from .checking import (EqualityQuestion, ExerciseSet, Item, LabelsQuestion, OrderingQuestion, ReflectionQuestion,
                       SetQuestion, code)

RADAR_CLAIM = "E22"
DORVAN_SHELLING = "E09"
CEASEFIRE_AGREED = "E37"
EARLY_CEASEFIRE = "ledger_ceasefire_early"


def radar_reports() -> list[str]:
    """Each outlet's first dev-split article reporting the Karvel radar claim, by publication date."""
    reports = sorted(gold.articles_reporting(RADAR_CLAIM, gold.dev_articles()), key=gold.published)
    first_per_outlet = {}
    for name in reports:
        first_per_outlet.setdefault(gold.outlet(name), name)
    return list(first_per_outlet.values())


def practice_articles() -> list:
    """Every dev-split article, read once: the set the exercises run the cross-check on."""
    return [gold.article(name) for name in gold.dev_articles()]


def carrying_sentences(event_id: str, names: list[str]) -> list[tuple[str, str]]:
    """(article, gold fragment) of each sentence that reports ``event_id`` without denying it."""
    found = []
    for name in names:
        links = gold.event_links(name)
        claims = gold.claims(name)
        denied = set(claims.loc[claims["status"] == "denied", "text"])
        for fragment in dict.fromkeys(links.loc[links["event_id"] == event_id, "sentence"]):
            if gold.sentence(name, fragment) not in denied:
                found.append((name, fragment))
    return found


def claim_origins(event_id: str, names: list[str]) -> list[str]:
    """Where the reports carrying a claim got it, from the ground truth alone.

    Each sentence that carries the claim is linked (gold ``events``) to the true events it reports, and each
    event has an ``actor`` (``datasets/scenario/events.csv``); for a claim that was only posted online, the event
    is the post and its actor the author. The distinct actors are the claim's independent origins.
    """
    actors = set()
    for name, fragment in carrying_sentences(event_id, names):
        links = gold.event_links(name)
        actors |= {gold.event(linked)["actor"] for linked in links.loc[links["sentence"] == fragment, "event_id"]}
    return sorted(actors)


def report_lines(names: list[str], event_id: str | None = None) -> str:
    """One Markdown line per article: outlet, date, headline, and its first sentence about an event."""
    lines = []
    for name in names:
        line = f"- `{name}`: *{gold.outlet(name)}*, {gold.published(name):%d %B}: {gold.headline(name)}"
        if event_id:
            line += f"\n  > {gold.first_claim_about(name, event_id)['text']}"
        lines.append(line)
    return "\n".join(lines)


class Q1(EqualityQuestion):
    title = "the origin of the radar claim"
    answer_form = "Give the name of the account, person or outlet, in quotes."
    hints = ("Follow each report's sources back: who does each one cite?",
             "KesPress cites a television channel and 'online sources'; the Ledger cites one account by name.")
    mistakes = {"Kanal Brenn": "Kanal Brenn repeated the claim; whom was it repeating?",
                "The Northern Ledger": "The Ledger was the first outlet to print it, but it names the account it "
                                       "took the claim from."}
    explanation = ("Every report of the radar strike leads back to one post: outlets repeating one account "
                   "are one source, however many they are.")

    def expected(self):
        return gold.event(RADAR_CLAIM)["actor"]

    def context(self):
        return ("Reports of a radar destroyed at Karvel (fiction). Where did the claim start?\n\n"
                + report_lines(radar_reports(), RADAR_CLAIM))


class Q2(OrderingQuestion):
    title = "the order of the echoes"
    noun = "steps"
    hints = ("`dp.datasets.annotations()` lists each article's publication date.",
             "The post came before any outlet reported it.")
    explanation = "A claim that travels from an account to outlet after outlet gains repetitions, not evidence."

    def keyed_items(self):
        post = gold.event(RADAR_CLAIM)
        return [(post["actor"], post["start"].date())] + [(gold.outlet(name), gold.published(name))
                                                          for name in radar_reports()]

    def context(self):
        names = [item for item, _ in sorted(self.keyed_items(), key=lambda pair: str(pair[0]).casefold())]
        return ("Put the steps of the radar story in the order they appeared, earliest first: "
                + ", ".join(code(name) for name in names) + ".")


class Q3(LabelsQuestion):
    title = "one claim, several presentations"
    labels = gold.STATUSES
    neighbours = gold.STATUS_NEIGHBOURS
    noun = "statuses"
    answer_form = "Give a dictionary from each outlet to a status, such as `{'KesPress': 'claimed'}`."
    hints = ("Look only at the sentence quoted under each report.",
             "One states it as fact, one passes it on second-hand, and the later reports say it was false.")
    explanation = ("The same event moves from fact (a headline) to second-hand report to refuted: a reader who "
                   "saw only one of them would believe very different things.")

    def expected(self):
        return {gold.outlet(name): gold.first_claim_about(name, RADAR_CLAIM)["status"] for name in radar_reports()}

    def context(self):
        return ("How does each outlet present the radar claim? Label each outlet's sentence with one of "
                f"{', '.join(gold.STATUSES)}.\n\n" + report_lines(radar_reports(), RADAR_CLAIM))


class Q4(EqualityQuestion):
    title = "a ceasefire reported too early"
    answer_form = "Give a whole number of days, such as `3`."
    hints = ("Find the day the ceasefire was agreed in Meridian Wire's report of 20 October.",
             "Agreed and in force are not the same day.")
    explanation = ("The Ledger reported as done a deal that came days later, on the word of anonymous diplomats: "
                   "being right in the end does not make the report right when it was printed.")

    @property
    def mistakes(self):
        in_force = gold.time_of("mw_ceasefire", "today").start
        return {str((in_force - gold.published(EARLY_CEASEFIRE)).days):
                "That counts to the day the ceasefire took effect; the question asks when it was agreed."}

    def expected(self):
        agreed = gold.event(CEASEFIRE_AGREED)["start"].date()
        return (agreed - gold.published(EARLY_CEASEFIRE)).days

    def context(self):
        return (f"*{gold.outlet(EARLY_CEASEFIRE)}* published this headline on "
                f"{gold.published(EARLY_CEASEFIRE):%A %d %B %Y}:\n\n> {gold.headline(EARLY_CEASEFIRE)}\n\n"
                "Read `mw_ceasefire` (`dp.datasets.article('mw_ceasefire')`). How many days after the Ledger's "
                "report was the ceasefire actually agreed?")


class Q5(SetQuestion):
    title = "which reports cover one event"
    noun = "reports"
    pointer = "the report with"
    candidates = ("hd_drones_acknowledged", "kespress_ministry_briefing", "mw_offensive_begins", "spr_casualties",
                  "ledger_karvel_radar_claim", "mw_ceasefire")
    answer_form = "Give a list of article names, such as `['mw_ceasefire']`."
    hints = ("Open each article and look for Dorvan and the day of the shelling.",
             "A report can cover an event in a single clause, or by denying it happened.")
    explanation = ("Three outlets, three versions: a denial that civilians were hit, a high toll from one side, "
                   "and a lower figure in a later recap. Cross-checking starts by gathering every version.")

    def items(self):
        names = gold.articles_reporting(DORVAN_SHELLING, list(self.candidates))
        return [Item(name, gold.first_claim_about(name, DORVAN_SHELLING)["text"]) for name in names]

    def context_sentences(self):
        return [sentence for name in self.candidates for sentence in gold.article(name).sentences["text"]]

    def context(self):
        event = gold.event(DORVAN_SHELLING)
        return (f"Ground truth (revealed for this exercise): on {event['start']:%d %B %Y}, central Dorvan was "
                "shelled. Which of these reports cover that shelling?\n\n" + report_lines(list(self.candidates)))


class Q6(OrderingQuestion):
    title = "the Lerin valley story in order"
    noun = "events"
    steps = (("E32", "the Askar Defence Army acknowledges its units have 'regrouped'"),
             ("E30", "Askar forces withdraw from the Lerin valley"),
             ("E37", "a ceasefire is agreed in Senhal"),
             ("E31", "the Sarvenian army denies any withdrawal"),
             ("E33", "indirect ceasefire talks begin"))
    hints = ("`mw_ceasefire` gives explicit dates for most of these; `ledger_ceasefire_early` gives the rest.",
             "A denial can come after the event it denies.",
             "Two of these happened on the same day: either order is fine for them.")
    explanation = "The withdrawal came first and the denial after it: a denial is not evidence that nothing happened."

    def keyed_items(self):
        return [(letter, gold.event(event_id)["start"].date())
                for letter, (event_id, _) in zip(ascii_uppercase, self.steps)]

    def context(self):
        rows = [f"- **{letter}**: {text}" for letter, (_, text) in zip(ascii_uppercase, self.steps)]
        return ("Using `mw_ceasefire` and `ledger_ceasefire_early`, put these in the order they happened, "
                "earliest first:\n\n" + "\n".join(rows))


class Q7(EqualityQuestion):
    title = "how many independent origins?"
    answer_form = "Give a whole number, such as `2`."
    hints = ("An origin is where a claim starts: somebody who saw it, holds evidence of it, or made it up. An "
             "outlet passing on another outlet's report is an echo, not an origin.",
             "Read each sentence in the cluster whole. Does every source named there back the radar claim, or do "
             "some of them only speak about the strike?",
             "KesPress names Kanal Brenn. Kanal Brenn wrote 'according to reports' on the day the Ledger printed "
             "the claim: follow it back.")
    mistakes = {"3": "Three would mean three separate starting points. Does each name you counted start the radar "
                     "claim, or repeat it, or not back it at all?",
                "2": "Is Kanal Brenn a starting point, or an outlet passing on what it read elsewhere?",
                "0": "Every claim starts somewhere, even a false one."}

    @property
    def explanation(self):
        origins = claim_origins(RADAR_CLAIM, radar_reports())
        return (f"Every report that carries the radar claim rests on {' and '.join(origins)}: the ground truth "
                "ties each of their sentences to that one post. A cross-check can only follow the sources a report "
                "names. When an origin is another outlet, follow it back yourself; when a source says something "
                "else (a strike, not a radar), it is no origin of the claim.")

    def expected(self):
        return len(claim_origins(RADAR_CLAIM, radar_reports()))

    def context(self):
        return ("The cell below runs `dp.cross_check` on all the practice articles and keeps the cluster about the "
                "radar at Karvel (fiction). Read its `origins` and `independent_origins`, then the reports it holds: "
                "what each one says, and what it rests on. The toolkit counts the names that reports cite. Check "
                "each name: did it start the radar claim, does it repeat someone else, or does it not back the "
                "claim at all?\n\nHow many **independent** origins does the radar claim really have?\n\n"
                + report_lines(radar_reports(), RADAR_CLAIM))


class Q8(ReflectionQuestion):
    title = "echo or confirmation?"
    hints = ("Ask of each report: did it find something out, or repeat someone else?",)
    model_answer = (
        "Several outlets carried the radar strike, but none of them checked it: the Ledger took it from one "
        "account, KesPress from a television channel and 'online sources'. They are echoes of one claim, so "
        "together they are no stronger than the post they all lead back to. Independent confirmation needs a "
        "second source with its own access to the facts, such as imagery of the site or a reporter there; "
        "here the evidence, once gathered, showed no radar at all.")

    def context(self):
        return ("Several outlets reported the Karvel radar strike within two days. Does that make it more likely "
                "to be true? What would count as independent confirmation?")


exercises = ExerciseSet("Cross-checking reports", [Q1(), Q2(), Q3(), Q4(), Q5(), Q6(), Q7(), Q8()])
q1, q2, q3, q4, q5, q6, q7, q8 = exercises.questions
progress = exercises.progress
