"""The board's first frame loads only what it draws (issue 11): what a later key, a dialog or
a wider terminal needs is imported then. Each check runs a fresh interpreter (the modules
a test process has already loaded say nothing); timings are bench/bench_startup.py's.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "tests" / "fixtures" / "letters" / "rayong-2565-directives.txt"

LATER = ("storage.thai.segment", "textual.widgets._text_area", "storage.editing.live", "storage.activity",
         "storage.editing.values", "tui.edit_flows",
         "tui.screens.note_input", "tui.screens.card_detail")
"""Modules the first frame of a compact board does without: the Thai segmenter (wrapping; a
compact card is truncated), the text area (notes), the hand-edit forms and their wording, the
activity wording."""

FIRST_FRAME = """
import json, sys
from pathlib import Path
from tui.factory import make_app
from widgets.board_grid import BoardGrid

seen = {}
draw = BoardGrid.render_line

def render_line(self, y):
    strip = draw(self, y)
    text = strip.text
    if "modules" not in seen and "#" in text:  # a card line of a board of several letters, drawn
        seen["modules"], seen["line"] = sorted(sys.modules), text
        seen["filter_boxes"] = len(self.screen.query("#agency-filter"))  # the list is folded at 100
        self.app.call_later(self.app.exit)
    return strip

BoardGrid.render_line = render_line
app = make_app(Path(sys.argv[1]), watch_files=False)
app.run(headless=True, size=(100, 30))
app.store.close()
print(json.dumps(seen), file=sys.stderr)
"""


def _run(code: str, *args: str) -> subprocess.CompletedProcess:
    done = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=dict(os.environ),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done


def test_a_compact_board_of_several_letters_draws_its_cards_without_what_comes_later(tmp_path: Path) -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    letters = []
    for n in range(2):
        letter = tmp_path / f"letter-{n}.txt"
        letter.write_text(text.replace("๓๓๖๒", f"{9000 + n}", 1), encoding="utf-8")
        letters.append(str(letter))
    board = tmp_path / "board.json"
    _run("import sys; from tui.cli import main; sys.exit(main(sys.argv[1:]))",
         "--board", str(board), "import", *letters)

    seen = json.loads(_run(FIRST_FRAME, str(board)).stderr.strip().splitlines()[-1])

    assert any("\u0e00" <= c <= "\u0e7f" for c in seen["line"])  # Thai text, truncated into its column
    assert seen["filter_boxes"] == 0
    modules = set(seen["modules"])
    assert "widgets.board_grid" in modules and "storage.thai.graphemes" in modules
    assert sorted(m for m in modules if m in LATER or m.split(".")[0] == "regex") == []
    # The catalog areas of the importer, the meeting's reports and the browser view are not worded
    # on the board's first frame (a key looked up outside its likely areas would load them all).
    assert {"storage.i18n.importer", "storage.i18n.meeting", "storage.i18n.serve"} & modules == set()


async def test_the_folded_agency_list_is_built_after_the_first_frame_or_when_asked(make_app) -> None:
    """Below 120 columns the agency list is folded: its filter box and list are not part of
    the first frame (the test above finds none when the first card line is drawn) and are
    made right after it — or at once, when ``a`` asks for them before that."""
    from tests.tui.helpers import screen_lines, type_text
    from widgets.agency_list import AgencyPane

    app = make_app(watch_files=False)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        pane = app.screen.query_one(AgencyPane)
        assert len(pane.query("#agency-filter")) == 1  # built right after the first frame
        pane._later = True  # as it was at the first frame
        for child in list(pane.children):
            await child.remove()
        await pilot.press("a")  # builds them now: the next keys are the filter
        await type_text(pilot, "พช")
        await pilot.press("enter")
        await pilot.pause()
        assert "▾ พช.ระยอง" in screen_lines(app)[0]


COLLECTOR = """
import gc, json, sys, time
from argparse import Namespace
from pathlib import Path
from tui.cli import _handler
from widgets.board_grid import BoardGrid

seen = {"before": gc.isenabled()}
_handler(Namespace(command=None))  # what `board` alone does before it imports the app
seen["paused"] = not gc.isenabled()
from tui.factory import make_app

draw = BoardGrid.render_line

def render_line(self, y):
    strip = draw(self, y)
    if "first_frame" not in seen and strip.text.strip():  # the grid drawn: the first frame
        seen["first_frame"] = gc.isenabled()
        seen["deadline"] = time.monotonic() + 30  # a hang's bound, not a timing
        self.app.set_interval(0.05, later)
    return strip

def later():
    if "later" in seen:
        return  # already seen; the app is exiting
    if not gc.isenabled() and time.monotonic() < seen["deadline"]:
        return  # not yet: the app resumes it after the first frame's refresh
    seen["later"], seen["frozen"] = gc.isenabled(), gc.get_freeze_count()
    del seen["deadline"]
    app.exit()

BoardGrid.render_line = render_line
app = make_app(Path(sys.argv[1]), watch_files=False)
app.run(headless=True, size=(100, 30))
app.store.close()
print(json.dumps(seen), file=sys.stderr)
"""


def test_the_collector_rests_through_the_first_frame_and_runs_again_after_it(tmp_path: Path) -> None:
    """`board` pauses the cyclic collector for its start-up (issue 11) and the app turns it back
    on right after the first frame: a long session collects its garbage as before."""
    board = tmp_path / "board.json"
    board.write_bytes((ROOT / "board.json").read_bytes())
    seen = json.loads(_run(COLLECTOR, str(board)).stderr.strip().splitlines()[-1])
    assert seen == {"before": True, "paused": True, "first_frame": False, "later": True,
                    "frozen": seen["frozen"]}
    assert seen["frozen"] > 10_000  # what the start-up made is frozen, never walked again


async def test_a_board_opened_from_the_cache_shows_and_moves_its_cards_as_from_the_files(make_app, reopen,
                                                                                       monkeypatch) -> None:
    """The first paint of an unchanged board takes its columns from the open cache (issue 11):
    the board shows what the files give, in the same order, and a status change and a rank
    change afterwards land where they would have — on screen and on disk."""
    from storage.sync.store import BoardStore
    from storage.i18n import say
    from tests.tui.edit_helpers import until
    from tests.tui.helpers import screen_lines

    hint = say("th", "safety.agency_filter_hint", keys="a")

    handed = []
    real = BoardStore.cached_columns

    def spy(self):
        handed.append(real(self))
        return handed[-1]

    monkeypatch.setattr(BoardStore, "cached_columns", spy)
    shown = []
    for _ in range(2):  # the second app opens from the cache the first one's store wrote
        app = make_app(watch_files=False)
        exact = handed[-1][1]
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            # Both screens are compared once start-up is over: the agency box says how to reach
            # it (BoardScreen._agency_hint, after the first refresh) — after one pause a loaded
            # machine sometimes had not got there in one app ("พิมพ์เพื่อกรอง…" against "กด a…").
            await until(pilot, lambda: any(hint in line for line in screen_lines(app)))
            columns = {a: {s: list(ids) for s, ids in by.items()} for a, by in app.index._cols.items()}
            shown.append((exact, screen_lines(app)[:-1], columns))  # [:-1]: the footer may come a frame later
            if len(shown) == 2:
                card = app.board.card_id
                await pilot.press(">")
                await pilot.pause()
                await pilot.press("K")
                await pilot.pause()
                moved = app.snapshot.cards[card]
                columns = {(a, s): app.index.ids(a, s) for a in app.index.agency_order for s in ("todo", "doing")}
                app.store.close()
    (_, first_lines, first_cols), (cached, lines, cols) = shown
    assert cached and lines == first_lines and cols == first_cols
    assert moved.status == "doing" and reopen().cards[card].status == "doing"
    from widgets.board_index import BoardIndex

    fresh = BoardIndex(reopen())
    assert columns == {(a, s): fresh.ids(a, s) for a in fresh.agency_order for s in ("todo", "doing")}
