"""Exercises on building a timeline: publication date first, then relative dates turned into intervals.

    from dispatches.exercises import timeline as ex, ____
    ex.q1.show(); ex.q1.check(____); ex.q1.hint(); ex.q1.solution(); ex.progress()

Every expected answer is read from the gold annotations and the ground truth of the (fictional) corpus.
"""
from __future__ import annotations

from string import ascii_uppercase

from . import gold_answers as gold
from .checking import EqualityQuestion, ExerciseSet, OrderingQuestion, ReflectionQuestion, TableQuestion, code

EXAMPLE = "hd_drones_acknowledged"
HOSPITAL = "mw_dorvan_hospital_correction"
CEASEFIRE = "mw_ceasefire"
WAR_BEGINS = "E05"

DATE_ADVICE = {
    "day": "A bare weekday is the most recent such day on or before publication (the publication weekday is "
           "the publication day itself); an explicit date keeps the year that puts it nearest to publication.",
    "week": "'Last week' is the whole Monday-to-Sunday week before the week of publication.",
    "month": "A month named alone runs from its 1st to its last day, in the most recent such month not after "
             "publication.",
    "range": "A range runs from its first day to its last; 'overnight' runs from the day before publication to "
             "publication day.",
    "year": "A year alone runs from 1 January to 31 December.",
}


def dated(name: str) -> str:
    """The article's outlet and publication date (weekday included), as Markdown."""
    day = gold.published(name)
    return f"*{gold.outlet(name)}* (`{name}`, fiction), published on **{day:%A %d %B %Y}**"


class DateTable(TableQuestion):
    """Resolve some of an article's time expressions to intervals."""

    article_name = EXAMPLE
    expressions: tuple[str, ...] = ()
    advice = DATE_ADVICE

    def rows(self):
        return gold.date_rows(self.article_name, list(self.expressions))

    def context(self):
        times = gold.times(self.article_name)
        lines = []
        for expression in self.expressions:
            row = times[times["expression"] == expression].iloc[0]
            lines.append(f"- {code(expression)} in: {row['text']}")
        return (f"From {dated(self.article_name)}. Give the start and end date of each expression (`None` for "
                "both when it cannot be pinned down):\n\n" + "\n".join(lines))


class Q1(EqualityQuestion):
    title = "a bare weekday"
    answer_form = "Give a date written like `'2025-09-22'`."
    hints = ("Start from the publication date and its weekday.",
             "Count back to the most recent Monday on or before the publication day.")
    mistakes = {"2025-09-15": "That Monday is a week too early: take the most recent Monday before publication."}
    explanation = "The most recent Monday on or before publication: the day before the article appeared."

    def expected(self):
        return gold.time_of(EXAMPLE, "on Monday").start

    def context(self):
        return (f"From {dated(EXAMPLE)}:\n\n> {gold.sentence(EXAMPLE, 'televised interview on Monday')}\n\n"
                "On which date was the interview?")


class Q2(DateTable):
    title = "resolving the example article's dates"
    expressions = ("last week", "in August", "on Sunday", "on Friday", "in June", "in recent years")
    hints = ("Write the publication date and its weekday at the top of your page first.",
             "Weeks run from Monday to Sunday; a month runs from its 1st to its last day.",
             "'In recent years' cannot be pinned down: give `None` for its start and end.")
    explanation = "Each relative expression becomes an interval once the publication date is known."


class Q3(EqualityQuestion):
    title = "does 'last week' hold the first day of the war?"
    answer_form = "Answer `True` or `False`."
    hints = ("Work out the interval 'last week' stands for (question 2).",
             "Is the war's first day inside that interval?")
    explanation = ("'Fighting broke out last week' is a week that starts the day after the war began: a reader "
                   "who trusts the phrase puts the start of the war on the wrong week.")

    def expected(self):
        week = gold.time_of(EXAMPLE, "last week")
        first_day = gold.event(WAR_BEGINS)["start"].date()
        return week.start <= first_day <= week.end

    def context(self):
        first_day = gold.event(WAR_BEGINS)["start"]
        return (f"From {dated(EXAMPLE)}:\n\n> {gold.sentence(EXAMPLE, 'Fighting broke out last week')}\n\n"
                f"The ground truth says the war began on {first_day:%A %d %B %Y}. Does the article's 'last week' "
                "contain that day?")


class Q4(OrderingQuestion):
    title = "putting the example article's events in order"
    noun = "events"
    events = (("Hadrel's televised interview", "on Monday"),
              ("the joint military drill", "in August"),
              ("Ana Brisk's accusation", "on Friday"),
              ("the magazine report about the drone request", "in June"),
              ("Hakan Verel's rejection", "on Sunday"))
    hints = ("Resolve each event's date first: your table from question 2 helps.",
             "The order in which an article mentions events is rarely the order in which they happened.")
    explanation = "The article tells the story backwards from its news; a timeline puts it back in order."

    def keyed_items(self):
        return [(letter, gold.time_of(EXAMPLE, expression).start)
                for letter, (_, expression) in zip(ascii_uppercase, self.events)]

    def context(self):
        rows = [f"- **{letter}**: {event} ({code(expression)})"
                for letter, (event, expression) in zip(ascii_uppercase, self.events)]
        return (f"Events mentioned in {dated(EXAMPLE)}. Put the letters in the order the events happened, "
                "earliest first:\n\n" + "\n".join(rows))


class Q5(DateTable):
    title = "dates in a corrected report"
    article_name = HOSPITAL
    expressions = ("on Thursday", "overnight", "on Sept. 14", "the 27th of last month", "in recent weeks",
                   "on 4 October")
    hints = ("The report was published on a Friday: which Thursday is 'on Thursday'?",
             "'Overnight' in a report runs from the evening before publication into publication day.",
             "'The 27th of last month' is one day in the month before publication.")
    explanation = ("A correction carries its own date, after publication: the story and its correction belong at "
                   "different places on a timeline.")


class Q6(DateTable):
    title = "explicit dates in many styles"
    article_name = CEASEFIRE
    expressions = ("on Sunday, Oct. 19", "Between 14 and 16 September", "on 16/09/2025", "On Sept. 22",
                   "on 27/09/2025", "on Saturday")
    hints = ("British, American and numeric dates all name a single day: write each as YYYY-MM-DD.",
             "'16/09/2025' is day, month, year.",
             "A range gives a start and an end that differ.")
    explanation = "However a date is written, it goes on the timeline in one form."


class Q7(ReflectionQuestion):
    title = "when it happened and when we heard"
    hints = ("Think of 'last week' in the example article and of the correction in question 5.",)
    model_answer = (
        "A report's date is when we heard, not when it happened: relative words such as 'last week' or 'on "
        "Monday' only become dates once the publication date is known, and the example's 'last week' even "
        "misses the day the war began. I would write every event as an interval with its source and the date "
        "of the report that gave it, keep the interval wide when the text is vague, and compare reports "
        "before trusting any single date.")

    def context(self):
        return ("Why must a timeline keep 'when it happened' apart from 'when we heard about it'? How would "
                "you record a date you are unsure of?")


exercises = ExerciseSet("Building a timeline", [Q1(), Q2(), Q3(), Q4(), Q5(), Q6(), Q7()])
q1, q2, q3, q4, q5, q6, q7 = exercises.questions
progress = exercises.progress
