"""The timeline analyser: every SPEC.md time convention and every false alarm of issue 6.

Expected dates are computed in this file from the convention itself (small helpers over ``datetime``), over
several publication dates, so a test states the rule rather than a remembered answer.
"""
from __future__ import annotations

import calendar
import datetime as dt
import warnings

import pandas as pd
import pytest

import dispatches as dp
from dispatches.timeline import COLUMNS, MissingPublicationDate, build_timeline

DAY = dt.timedelta(days=1)
# A Tuesday, a Sunday, a Sunday early in January, the day after a leap day, a Monday
PUBLISHED = [dt.date(2025, 9, 23), dt.date(2025, 9, 21), dt.date(2025, 1, 5), dt.date(2024, 3, 1),
             dt.date(2025, 10, 20)]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = list(calendar.month_name)[1:]


# ---------------------------------------------------------------- the rules, written out independently

def latest(published: dt.date, weekday: int) -> dt.date:
    """The most recent ``weekday`` on or before ``published``."""
    day = published
    while day.weekday() != weekday:
        day -= DAY
    return day


def monday_of(day: dt.date) -> dt.date:
    return day - DAY * day.weekday()


def whole_month(year: int, month: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def previous_month(published: dt.date) -> tuple[int, int]:
    first = published.replace(day=1) - DAY
    return first.year, first.month


def nearest(published: dt.date, month: int, day: int) -> dt.date:
    options = [dt.date(y, month, day) for y in (published.year - 1, published.year, published.year + 1)]
    return min(options, key=lambda d: abs(d - published))


def timeline(body: str, published=None):
    article = dp.Article.from_text("Report\n\n" + body, published=published)
    return build_timeline(article)


def only(body: str, published=None) -> dict:
    rows = timeline(body, published)
    assert len(rows) == 1, rows[["expression", "start", "end"]]
    return rows.iloc[0].to_dict()


def span(row: dict) -> tuple:
    return row["start"], row["end"]


# ---------------------------------------------------------------- weekdays and relative days

@pytest.mark.parametrize("published", PUBLISHED)
@pytest.mark.parametrize("weekday", range(7))
def test_bare_weekday_is_the_latest_on_or_before_publication(published, weekday):
    row = only(f"The convoy was hit on {WEEKDAYS[weekday]}, officials said.", published)
    assert span(row) == (latest(published, weekday),) * 2
    assert (row["granularity"], row["anchored"], row["date_prec"]) == ("day", True, 1)
    assert row["expression"] == WEEKDAYS[weekday]


@pytest.mark.parametrize("published", PUBLISHED)
def test_weekday_with_part_of_day_and_last_next(published):
    friday = only("Shelling resumed on Friday night.", published)
    assert friday["start"] == latest(published, 4) and friday["expression"] == "Friday night"
    last = only("The talks collapsed last Monday.", published)
    assert last["start"] == latest(published - DAY, 0)
    upcoming = only("Talks will resume on Thursday.", published)
    assert upcoming["start"] == latest(published + 6 * DAY, 3)


@pytest.mark.parametrize("published", PUBLISHED)
@pytest.mark.parametrize("phrase, offset", [("yesterday", -1), ("today", 0), ("tonight", 0), ("this morning", 0),
                                            ("last night", -1), ("this afternoon", 0)])
def test_relative_days(published, phrase, offset):
    row = only(f"Drones struck the depot {phrase}.", published)
    assert span(row) == (published + offset * DAY,) * 2 and row["granularity"] == "day"


@pytest.mark.parametrize("published", PUBLISHED)
def test_overnight_runs_from_the_day_before_to_publication(published):
    row = only("Artillery fire hit the town overnight.", published)
    assert span(row) == (published - DAY, published)
    assert row["granularity"] == "range" and row["date_prec"] == 2


@pytest.mark.parametrize("published", PUBLISHED)
@pytest.mark.parametrize("words, days", [("two days ago", 2), ("three days ago", 3), ("10 days ago", 10),
                                         ("an hour ago", 0), ("30 minutes ago", 0), ("48 hours ago", 2),
                                         ("a week ago", 7), ("two weeks ago", 14)])
def test_days_and_weeks_ago(published, words, days):
    row = only(f"The bridge was taken {words}.", published)
    assert span(row) == (published - days * DAY,) * 2


# ---------------------------------------------------------------- weeks, months, years

@pytest.mark.parametrize("published", PUBLISHED)
def test_last_week_and_this_week_are_monday_to_sunday(published):
    last = only("Fighting broke out last week.", published)
    assert span(last) == (monday_of(published) - 7 * DAY, monday_of(published) - DAY)
    assert last["granularity"] == "week" and last["date_prec"] == 3
    this = only("More strikes came this week.", published)
    assert span(this) == (monday_of(published), monday_of(published) + 6 * DAY)


@pytest.mark.parametrize("published", PUBLISHED)
def test_last_month_and_last_year(published):
    month = only("The order was signed last month.", published)
    assert span(month) == whole_month(*previous_month(published))
    assert month["granularity"] == "month" and month["date_prec"] == 4
    year = only("The border was closed last year.", published)
    assert span(year) == (dt.date(published.year - 1, 1, 1), dt.date(published.year - 1, 12, 31))
    assert year["date_prec"] == 5


@pytest.mark.parametrize("published", PUBLISHED)
def test_earlier_this_year_and_month_run_to_publication(published):
    assert span(only("Deliveries began earlier this year.", published)) == (dt.date(published.year, 1, 1),
                                                                          published)
    assert span(only("Prices rose earlier this month.", published)) == (published.replace(day=1), published)


@pytest.mark.parametrize("published", PUBLISHED)
@pytest.mark.parametrize("month", range(1, 13))
def test_in_month_is_the_latest_such_month_not_after_publication(published, month):
    row = only(f"A joint drill was held in {MONTHS[month - 1]}.", published)
    year = published.year if month <= published.month else published.year - 1
    assert span(row) == whole_month(year, month) and row["granularity"] == "month"


@pytest.mark.parametrize("published", PUBLISHED)
def test_the_27th_of_last_month(published):
    year, month = previous_month(published)
    row = only("The pipeline was cut on the 27th of last month.", published)
    assert span(row) == (dt.date(year, month, 27),) * 2 and row["expression"] == "the 27th of last month"


def test_a_year_alone_and_a_decade():
    year = only("The ceasefire of 2016 did not last.", "2025-09-23")
    assert span(year) == (dt.date(2016, 1, 1), dt.date(2016, 12, 31)) and year["anchored"] is False
    decade = only("The dispute goes back to the 1990s.", "2025-09-23")
    assert span(decade) == (dt.date(1990, 1, 1), dt.date(1999, 12, 31)) and decade["date_prec"] == 5


# ---------------------------------------------------------------- explicit dates

@pytest.mark.parametrize("written", ["27 September 2024", "Sept. 27, 2024", "September 27, 2024",
                                     "27th September 2024", "the 27th of September 2024", "27/09/2024",
                                     "2024-09-27", "Friday, 27 September 2024", "Friday, Sept. 27, 2024"])
def test_explicit_dates_with_a_year(written):
    row = only(f"The agreement was signed on {written}.", "2025-09-23")
    assert span(row) == (dt.date(2024, 9, 27),) * 2
    assert row["granularity"] == "day" and row["anchored"] is False and row["date_prec"] == 1


@pytest.mark.parametrize("published", PUBLISHED)
@pytest.mark.parametrize("day, month", [(28, 12), (2, 1), (14, 9), (29, 2), (30, 6)])
def test_day_and_month_take_the_year_nearest_publication(published, day, month):
    written = f"{day} {MONTHS[month - 1]}"
    if (day, month) == (29, 2):  # only leap years have it
        options = [dt.date(y, 2, 29) for y in range(published.year - 1, published.year + 2) if calendar.isleap(y)]
        if not options:
            assert timeline(f"Troops crossed the river on {written}.", published).empty
            return
        expected = min(options, key=lambda d: abs(d - published))
    else:
        expected = nearest(published, month, day)
    assert span(only(f"Troops crossed the river on {written}.", published)) == (expected, expected)
    american = f"{MONTHS[month - 1]} {day}"
    assert span(only(f"Troops crossed the river on {american}.", published)) == (expected, expected)


def test_numeric_dates_read_day_first_unless_impossible():
    assert span(only("Filed on 05/10/2025.", "2025-10-20")) == (dt.date(2025, 10, 5),) * 2
    assert span(only("Filed on 10/27/2025.", "2025-10-20")) == (dt.date(2025, 10, 27),) * 2


def test_a_correction_dated_the_day_after_publication_stays_in_its_year():
    row = only("Correction (1 January): an earlier version gave the wrong figure.", "2025-12-31")
    assert span(row) == (dt.date(2026, 1, 1),) * 2


# ---------------------------------------------------------------- ranges

@pytest.mark.parametrize("written", ["between 14 and 16 September", "14-16 September", "from 14 to 16 September",
                                     "September 14-16", "between September 14 and 16",
                                     "from 14 September to 16 September"])
def test_day_ranges(written):
    row = only(f"Heavy fighting took place {written}.", "2025-09-23")
    assert span(row) == (dt.date(2025, 9, 14), dt.date(2025, 9, 16))
    assert row["granularity"] == "range" and row["date_prec"] == 2


@pytest.mark.parametrize("published", PUBLISHED)
def test_from_weekday_to_weekday(published):
    row = only("Power was cut from Sunday to Tuesday.", published)
    tuesday = latest(published, 1)
    assert span(row) == (latest(tuesday, 6), tuesday) and row["expression"] == "from Sunday to Tuesday"


@pytest.mark.parametrize("published", PUBLISHED)
def test_since_runs_to_publication(published):
    sunday = only("Since Sunday, the town has been without water.", published)
    assert span(sunday) == (latest(published, 6), published) and sunday["granularity"] == "range"
    january = only("Prices have doubled since January.", published)
    assert span(january) == (dt.date(published.year, 1, 1), published)


# ---------------------------------------------------------------- fuzzy, live blogs, missing date

@pytest.mark.parametrize("phrase", ["recently", "in recent years", "in the coming days", "a few weeks ago"])
def test_fuzzy_phrases_are_kept_without_dates(phrase):
    row = only(f"The army has {phrase} changed its tactics.", "2025-09-23")
    assert row["granularity"] == "fuzzy" and row["start"] is None and row["end"] is None
    assert pd.isna(row["date_prec"])


def test_live_blog_time_stamps_are_the_published_day():
    published = dt.date(2025, 9, 27)
    rows = timeline("09:42 Explosions were heard near the junction.\n\n14:05 - The ministry confirmed the strike.",
                    published)
    assert list(rows["expression"]) == ["09:42", "14:05"]
    assert all(span(row) == (published, published) for row in rows.to_dict("records"))


def test_clock_times_inside_a_sentence_are_not_stamps():
    assert timeline("The strike came at 09:42 according to witnesses.", "2025-09-27").empty


def test_without_a_publication_date_relative_expressions_stay_unresolved_with_one_warning():
    body = ("Fighting broke out last week. On Monday the president spoke. The deal was signed on "
            "27 September 2024.")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        rows = timeline(body)
    ours = [w for w in caught if issubclass(w.category, MissingPublicationDate)]
    assert len(ours) == 1 and "published=" in str(ours[0].message)
    relative = rows[rows["expression"].isin(["last week", "Monday"])]
    assert len(relative) == 2 and relative["start"].isna().all() and not relative["anchored"].any()
    explicit = rows[rows["expression"] == "27 September 2024"].iloc[0]
    assert explicit["start"] == dt.date(2024, 9, 27)


def test_no_warning_when_nothing_needs_the_date():
    with warnings.catch_warnings():
        warnings.simplefilter("error", MissingPublicationDate)
        rows = timeline("The treaty of 2016 was signed on 27 September 2016.")
    assert len(rows) == 2


# ---------------------------------------------------------------- false alarms

@pytest.mark.parametrize("body", [
    "The ministry may confirm the figures later.",
    "May God protect the soldiers, the priest said.",
    "Protesters will march on the capital.",
    "They March towards the border, the song goes.",
    "The Sunday Times reported the claim.",
    "Defense News carried the story first.",
    "The 27th Brigade held the ridge.",
    "The 3rd Army Corps and the 41st Battalion moved east.",
    "The town was shelled for three days.",
    "The army admitted for the first time that drones were used.",
    "About 2000 troops were moved to the front.",
    "The strike killed 2016 sheep, a farmer said.",
    "Markets close on Mondays.",
    "Pilgrims gathered for Good Friday, and Bloody Sunday is remembered.",
    "The first attack in 18 days came after a 12-day lull.",
    "Some 1,500 people fled and sirens sounded for about an hour after 2 a.m.",
])
def test_false_alarms(body):
    rows = timeline(body, "2025-09-23")
    assert rows.empty, rows[["expression"]]


@pytest.mark.parametrize("body, first, last", [
    ("Between 2015 and 2021 talks stalled.", 2015, 2021),
    ("Talks stalled between 2015 and 2021 again.", 2015, 2021),
    ("2020 was the worst year.", 2020, 2020),
    ("A 1994 ceasefire ended the war.", 1994, 1994),
    ("The 2014-16 drought ruined farms.", 2014, 2016),
])
def test_years_and_year_ranges(body, first, last):
    row = only(body, "2025-09-23")
    assert span(row) == (dt.date(first, 1, 1), dt.date(last, 12, 31))


@pytest.mark.parametrize("written, decade", [("the 1980s", 1980), ("the '90s", 1990), ("the early 2000s", 2000)])
def test_decades(written, decade):
    assert span(only(f"Many left in {written}.", "2025-09-23")) == (dt.date(decade, 1, 1),
                                                                   dt.date(decade + 9, 12, 31))


def test_live_blog_stamps_in_bold_or_with_a_zone():
    published = dt.date(2025, 9, 27)
    rows = timeline("**09:42** - A blast was heard.\n\n9.15am GMT: Sirens sounded.", published)
    assert list(rows["expression"]) == ["09:42", "9.15am GMT"]
    assert set(rows["start"]) == {published}


def test_march_and_may_as_months_are_still_found():
    rows = timeline("Talks failed in March. The drill ran in May and ended on May 20.", "2025-09-23")
    assert list(rows["expression"]) == ["March", "May", "May 20"]


# ---------------------------------------------------------------- the frame

def test_columns_offsets_and_event_phrase():
    article = dp.Article.from_text("Report\n\nFighting broke out last week near the town.", published="2025-09-23")
    rows = build_timeline(article)
    assert list(rows.columns) == COLUMNS
    row = rows.iloc[0]
    assert article.text[row["expr_start"]:row["expr_end"]] == "last week"
    assert "broke out" in row["event"]


def test_an_article_without_time_expressions_gives_an_empty_frame_with_the_columns():
    rows = timeline("The army denies everything.", "2025-09-23")
    assert rows.empty and list(rows.columns) == COLUMNS


def test_status_and_source_come_from_the_claims_frame():
    article = dp.Article.from_text("Report\n\nThe bridge fell on Saturday, the ministry said.", published="2025-09-23")
    body_id = int(article.sentences.query("part == 'body'")["sentence_id"].iloc[0])
    claims = pd.DataFrame([{"sentence_id": body_id, "part": "body", "text": "", "status": "claimed",
                            "cue": "said", "source": "the ministry"}])
    row = build_timeline(article, claims=claims).iloc[0]
    assert (row["status"], row["source"]) == ("claimed", "the ministry")


# ---------------------------------------------------------------- counted from another date, seasons, spans

@pytest.mark.parametrize("published", PUBLISHED)
def test_at_dawn_alone_is_the_published_day_but_joins_a_date_when_there_is_one(published):
    assert span(only("Troops attacked at dawn, the ministry said.", published)) == (published, published)
    rows = timeline("Troops attacked at dawn on 14 September 2025.", published)
    assert list(rows["expression"]) == ["14 September 2025"]


@pytest.mark.parametrize("words, days", [("Two days later", 2), ("A day later", 1), ("Three days earlier", -3),
                                         ("Two hours later", 0), ("Thirty minutes later", 0),
                                         ("The next day", 1), ("The following morning", 1),
                                         ("The previous day", -1), ("That day", 0)])
def test_later_and_the_next_day_count_from_the_last_day_mentioned(words, days):
    rows = timeline(f"The offensive began on 14 September 2025. {words}, the bridge fell.", "2025-10-20")
    assert span(rows.iloc[1].to_dict()) == (dt.date(2025, 9, 14) + days * DAY,) * 2


def test_the_next_day_with_nothing_before_it_stays_unresolved_without_a_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error", MissingPublicationDate)
        row = only("The next day, the bridge fell.", "2025-10-20")
    assert row["start"] is None and row["anchored"] is False


@pytest.mark.parametrize("published", PUBLISHED)
@pytest.mark.parametrize("words, days", [("in the past week", 7), ("over the last three days", 3),
                                         ("in the past 24 hours", 1), ("in the past 48 hours", 2),
                                         ("over the past two weeks", 14)])
def test_in_the_past_n_units_runs_up_to_publication(published, words, days):
    row = only(f"Shelling intensified {words}.", published)
    assert span(row) == (published - days * DAY, published) and row["granularity"] == "range"


@pytest.mark.parametrize("published", PUBLISHED)
def test_seasons_are_three_whole_months(published):
    def season(year, first):
        end_year, end_month = (year + 1, 2) if first == 12 else (year, first + 2)
        return dt.date(year, first, 1), dt.date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
    summers = [season(y, 6) for y in range(published.year - 2, published.year + 1)]
    assert span(only("The drill was held last summer.", published)) == max(s for s in summers if s[1] < published)
    assert span(only("The drill was held in the summer.", published)) == max(s for s in summers
                                                                             if s[0] <= published)
    assert span(only("The dam was built in the winter of 2019.", published)) == season(2019, 12)


@pytest.mark.parametrize("body", ["Prices may fall sharply.", "Water came from the spring.",
                                  "The dollar will spring back."])
def test_seasons_need_a_frame(body):
    assert timeline(body, "2025-09-23").empty
