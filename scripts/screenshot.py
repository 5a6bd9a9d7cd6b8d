"""Take a screenshot of an HTML file with headless Chromium (Debian's `chromium` package).

    python scripts/screenshot.py page.html shot.png [--width 1200] [--height 1600]

Used by the rendering test and to refresh the picture in the README. Chromium runs with networking features
off, in a fresh profile, so nothing leaves the machine.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--run-all-compositor-stages-before-draw", "--virtual-time-budget=3000"]


def find_chromium() -> str | None:
    """The Chromium executable on this machine, or None."""
    return next(filter(None, (shutil.which(name) for name in ("chromium", "chromium-browser", "google-chrome"))), None)


def screenshot(html: Path, png: Path, width: int = 1200, height: int = 1600) -> Path:
    """Render ``html`` and write a ``width`` x ``height`` PNG to ``png``."""
    browser = find_chromium()
    if browser is None:
        raise FileNotFoundError("Chromium is not installed: apt-get install chromium")
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run([browser, *FLAGS, f"--user-data-dir={profile}", f"--window-size={width},{height}",
                        f"--screenshot={Path(png).resolve()}", Path(html).resolve().as_uri()],
                       check=True, capture_output=True, timeout=120)
    return Path(png)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("html", type=Path)
    parser.add_argument("png", type=Path)
    parser.add_argument("--width", type=int, default=1200)
    parser.add_argument("--height", type=int, default=1600)
    args = parser.parse_args(argv)
    print(screenshot(args.html, args.png, args.width, args.height))
    return 0


if __name__ == "__main__":
    sys.exit(main())
