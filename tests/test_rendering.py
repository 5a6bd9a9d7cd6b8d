"""Handouts as a person sees them: rendered in headless Chromium, the highlights and the plot are visible.

Skipped where Chromium is missing; `.ci/run` installs it, so CI always runs this.
"""
import subprocess
import sys
from pathlib import Path

import matplotlib.image
import nbformat
import numpy as np
import pytest

from dispatches.display import SOURCE_COLOURS
from dispatches.handouts import build_handouts

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
from screenshot import find_chromium  # noqa: E402

pytestmark = pytest.mark.skipif(find_chromium() is None, reason="Chromium is not installed (apt-get install chromium)")


def shoot(html, png):
    subprocess.run([sys.executable, str(ROOT / "scripts" / "screenshot.py"), str(html), str(png)], check=True)
    return (matplotlib.image.imread(png)[:, :, :3] * 255).round().astype(int)


def has_colour(pixels, hex_colour, tolerance=6):
    rgb = np.array([int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)])
    return bool((np.abs(pixels - rgb).max(axis=2) <= tolerance).sum() > 50)


@pytest.fixture(scope="module")
def handouts(tmp_path_factory):
    folder = tmp_path_factory.mktemp("handouts")
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# Who is speaking?"),
        nbformat.v4.new_code_cell("import matplotlib.pyplot as plt\n"
                                  "plt.figure(figsize=(4, 2))\n"
                                  "plt.bar(['official', 'anonymous'], [5, 2], color='#d62728')\nplt.show()"),
        nbformat.v4.new_code_cell("from dispatches import datasets\nart = datasets.example_article()\n"
                                  "art.show('sources')"),
    ]
    source = folder / "01_sourcing.ipynb"
    nbformat.write(notebook, source)
    return build_handouts(folder / "out", notebooks=[source])


def test_index_page_renders_with_its_links(handouts, tmp_path):
    pixels = shoot(handouts, tmp_path / "index.png")
    assert (pixels < 100).all(axis=2).sum() > 500  # dark text is drawn


def test_notebook_handout_shows_source_highlights_and_the_plot(handouts, tmp_path):
    pixels = shoot(handouts.parent / "01_sourcing.html", tmp_path / "notebook.png")
    assert has_colour(pixels, SOURCE_COLOURS["official"]), "official-source highlight not visible"
    assert has_colour(pixels, SOURCE_COLOURS["anonymous"]), "anonymous-source highlight not visible"
    assert has_colour(pixels, "#d62728"), "the plot's bars are not visible"
