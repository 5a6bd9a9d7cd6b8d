"""The HTML views: escaped text, highlights where the frames say, legends and footnotes for print."""
import datetime as dt
import re

import pandas as pd

import dispatches as dp
from dispatches import display

TEXT = ("Drones <b>hit</b> the depot\n\n"
        "<script>alert('x')</script> Officials said the strike happened on Monday. Others doubt it.")


def article():
    return dp.Article.from_text(TEXT, published="2025-09-24")


def span_of(art, words):
    start = art.text.index(words)
    return start, start + len(words)


def test_sources_view_escapes_text_and_highlights_source_and_cue():
    art = article()
    s_start, s_end = span_of(art, "Officials")
    c_start, c_end = span_of(art, "said")
    frame = pd.DataFrame([{"sentence_id": 1, "source": "Officials", "source_type": "official", "party": None,
                           "cue": "said", "channel": None, "on_record": True, "quote": None, "refers_to": None,
                           "source_start": s_start, "source_end": s_end, "cue_start": c_start, "cue_end": c_end}])
    html = display.show_sources(art, frame).html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>hit</b>" not in html and "&lt;b&gt;hit&lt;/b&gt;" in html
    assert re.search(r'<span style="background:#9ecae1" title="[^"]*source_type: official[^"]*">Officials</span>'
                     r"<sup>1</sup>", html)
    assert re.search(r'<span style="text-decoration:underline[^"]*" title="cue: said">said</span>', html)
    assert "official" in html.split("Source types:")[1]  # legend
    assert "<ol" in html and "(sentence 1)" in html  # printable footnote


def test_claims_view_nests_the_cue_inside_the_shaded_sentence():
    art = article()
    sentence = art.sentences.iloc[1]
    c_start, c_end = span_of(art, "said")
    frame = pd.DataFrame([{"sentence_id": 1, "part": "body", "text": sentence.text, "status": "claimed",
                           "cue": "said", "source": "Officials", "cue_start": c_start, "cue_end": c_end}])
    html = display.show_claims(art, frame).html
    shaded = re.search(r'<span style="background:#d1e5f0[^>]*>(.*?)</span>\s*Others', html, re.S)
    assert shaded and re.search(r'<span style="text-decoration:underline[^>]*>said</span>', shaded.group(1))
    assert html.count("<span") == html.count("</span>")


def test_timeline_view_shows_dates_and_unanchored_rows():
    art = article()
    start, end = span_of(art, "on Monday")
    frame = pd.DataFrame([{"sentence_id": 1, "expression": "on Monday", "start": dt.date(2025, 9, 22),
                           "end": dt.date(2025, 9, 22), "granularity": "day", "anchored": True, "date_prec": 1,
                           "event": "the strike", "status": "claimed", "source": "Officials",
                           "expr_start": start, "expr_end": end}])
    html = display.show_timeline(art, frame).html
    assert 'title="day: 2025-09-22 to 2025-09-22">on Monday</span><sup>1</sup>' in html
    assert "the strike" in html


def test_overlapping_marks_do_not_break_the_markup():
    art = article()
    a = display.Mark(*span_of(art, "Officials said"), "background:red")
    b = display.Mark(*span_of(art, "said the strike"), "background:blue")
    html = display.render_article(art, inner=[a, b])
    assert html.count("<span") == html.count("</span>") == 1


def test_saved_page_is_self_contained(tmp_path):
    view = display.HTMLView("<p>hello</p>", title="A <title>")
    path = view.save(tmp_path / "view.html")
    saved = path.read_text(encoding="utf-8")
    assert saved.startswith("<!DOCTYPE html>") and "<p>hello</p>" in saved and "A &lt;title&gt;" in saved
    assert "http" not in saved
