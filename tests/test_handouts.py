"""Handouts: a notebook is executed offline and written as HTML with its highlights and plots."""
import nbformat

from dispatches.handouts import build_handouts


def test_handout_keeps_highlights_and_plots(tmp_path):
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# A tiny lesson"),
        nbformat.v4.new_code_cell("import dispatches as dp\n"
                                  "art = dp.Article.from_text('Drones struck <b>Dorvan</b>\\n\\n"
                                  "Officials said the depot burned on Monday.', published='2025-09-24')\n"
                                  "art.show('claims')"),
        nbformat.v4.new_code_cell("import matplotlib.pyplot as plt\nplt.plot([1, 2], [3, 4])\nplt.show()"),
    ]
    source = tmp_path / "01_lesson.ipynb"
    nbformat.write(notebook, source)

    index = build_handouts(tmp_path / "out", notebooks=[source])

    page = (tmp_path / "out" / "01_lesson.html").read_text(encoding="utf-8")
    assert "01_lesson.html" in index.read_text(encoding="utf-8")
    assert "Officials said" in page and "background:" in page          # the claims highlight survived export
    assert "&lt;b&gt;Dorvan&lt;/b&gt;" in page                              # article text stays escaped
    assert "data:image/png;base64" in page                                  # the plot is embedded
    assert nbformat.read(source, as_version=4).cells[1].outputs == []       # the source notebook is untouched
