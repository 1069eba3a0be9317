"""What starting the board costs in imports (issue 11): each test runs a fresh interpreter
and looks at ``sys.modules`` — timings are for bench/bench_startup.py, never asserted here.

``board list``/``summary``/``move`` import no Textual and, of Rich, only ``rich.cells`` (the
widths the terminal draws; ~1 ms, without Rich's console, text or markup machinery). The
board's first paint imports none of what only later screens need.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import card_of

ROOT = Path(__file__).resolve().parents[2]

RICH_ALLOWED = {"rich", "rich.cells", "rich._extension", "rich._unicode_data", "rich._unicode_data._versions"}
"""rich/__init__ and the cell-width tables: what ``rich.cells.cell_len`` needs."""

NEVER_FOR_A_COMMAND = ("textual", "watchfiles", "anyio", "openpyxl", "docx", "pypdfium2", "markdown_it",
                       "pygments", "platformdirs", "tempfile")


def _modules(code: str, *args: str) -> set[str]:
    """The modules ``code`` (run in a fresh interpreter, with ``args`` as argv) reports as
    loaded: its last line on stderr, a JSON list."""
    done = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, env=dict(os.environ),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return set(json.loads(done.stderr.strip().splitlines()[-1]))


RUN_CLI = """
import contextlib, io, sys
from tui.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main(sys.argv[1:])
assert code == 0, code
import json
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def _heavy(modules: set[str]) -> list[str]:
    """What a command should not have loaded."""
    rich = [m for m in modules if (m == "rich" or m.startswith("rich."))
            and m not in RICH_ALLOWED and not m.startswith("rich._unicode_data.")]
    return sorted(rich) + sorted(m for m in modules if m.split(".")[0] in NEVER_FOR_A_COMMAND)


@pytest.mark.parametrize("command", [["list"], ["summary"], ["list", "--json"], ["move", "MOVE", "doing"]])
def test_the_commands_import_neither_textual_nor_the_rest_of_rich(board_path: Path, command: list[str]) -> None:
    args = [a if a != "MOVE" else card_of(1) for a in command]
    _modules(RUN_CLI, "--board", str(board_path), "list")  # the first open writes the cache
    modules = _modules(RUN_CLI, "--board", str(board_path), *args)
    assert "tui.cli" in modules and "storage.sync.store" in modules
    assert _heavy(modules) == []
    # Reading from the cache takes no lock; a move takes flock itself (storage/sync/replica.py).
    assert "filelock" not in modules or sys.platform == "win32"
    # Ids hash with CPython's own BLAKE2 and draw from os.urandom (storage/ids.py); a move, a
    # rank or a note never imports what only hand edits and merges use.
    assert not {"hashlib", "secrets", "random", "storage.editing.values", "storage.editing.impact"} & modules


RUN_CLI_OUT = """
import contextlib, io, json, sys
from tui.cli import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    code = main(sys.argv[1:])
assert code == 0, code
print(json.dumps({"modules": sorted(sys.modules), "out": out.getvalue()}), file=sys.stderr)
"""

PARSE_OR_WRITE = {"orjson", "tinydb", "storage.sync.tables"}
"""What only parsing or writing a board file needs (an open from the cache does neither)."""

ONLY_FOR_A_CHANGE = {"storage.sync.edits", "storage.sync.hand", "storage.sync.undo", "storage.sync.sync_ops",
                     "storage.editing.errors"}
"""What builds a change (storage/sync/store.py imports them in the methods that change the board)."""


def _run(*args: str, user: str | None = None) -> tuple[set[str], str]:
    """(modules loaded, stdout) of ``board ARGS`` in a fresh interpreter, as ``user`` if given."""
    env = dict(os.environ, **({"BOARD_USER": user} if user else {}))
    done = subprocess.run([sys.executable, "-c", RUN_CLI_OUT, *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    found = json.loads(done.stderr.strip().splitlines()[-1])
    return set(found["modules"]), found["out"]


@pytest.mark.parametrize("command", [["list"], ["summary"]])
def test_a_command_read_from_the_cache_imports_no_json_parser_tinydb_or_logging(board_path: Path,
                                                                             command: list[str]) -> None:
    """The lazy imports of issue 11 (storage/sync/files.py, own.py, storage/logs.py): an unchanged
    board opened from the cache parses no file and logs nothing, and prints what the files give."""
    board = ("--board", str(board_path))
    parsed, from_files = _run(*board, *command)  # no cache yet: the files are read
    assert PARSE_OR_WRITE <= parsed
    cached, from_cache = _run(*board, *command)
    assert sorted((PARSE_OR_WRITE | ONLY_FOR_A_CHANGE | {"logging", "threading"}) & cached) == []
    if command == ["list"]:  # the due rule (storage/due.py) without the counts of progress.py
        assert "storage.due" in cached and "storage.progress" not in cached
    assert from_cache == from_files
    # Another officer's change: our cache is not trusted, the files are read and show it.
    _run(*board, "move", card_of(1), "done", user="สมชาย")
    parsed, after = _run(*board, *command)
    assert PARSE_OR_WRITE <= parsed and after != from_files


def test_ids_are_the_blake2b_hashlib_gives() -> None:
    """The same ids as before the import trim: two officers on two versions import alike."""
    import hashlib

    from storage import ids

    assert ids.blake2b is hashlib.blake2b or ids.blake2b(b"x").hexdigest() == hashlib.blake2b(b"x").hexdigest()
    assert ids.card_id("รย 0017.2/ว 3362", 1, "สำนักงานจังหวัดระยอง") == hashlib.blake2b(
        "card\x1fรย 0017.2/ว 3362\x1f1\x1fสำนักงานจังหวัดระยอง".encode(), digest_size=8).hexdigest()
    made = {ids.new_id() for _ in range(100)}
    assert len(made) == 100 and all(len(i) == ids.ID_LENGTH and int(i, 16) >= 0 for i in made)


PAINT = """
import sys
from tui.factory import make_app
from widgets.board_grid import BoardGrid

seen = {}
draw = BoardGrid.render_line

def render_line(self, y):
    if "modules" not in seen:
        seen["modules"] = set(sys.modules)
        self.app.call_later(self.app.exit)
    return draw(self, y)

BoardGrid.render_line = render_line
app = make_app(__import__("pathlib").Path(sys.argv[1]))
app.run(headless=True, size=(100, 30))
app.store.close()
import json
print(json.dumps(sorted(seen["modules"])), file=sys.stderr)
"""


def test_the_first_paint_imports_only_what_the_board_screen_needs(board_path: Path) -> None:
    _modules(RUN_CLI, "--board", str(board_path), "list")  # the first open writes the cache
    modules = _modules(PAINT, str(board_path))
    assert "textual.app" in modules and "tui.screens.board" in modules
    later = [m for m in modules if m.split(".")[0] in ("markdown_it", "pygments", "watchfiles", "anyio", "openpyxl",
                                                       "docx", "pypdfium2", "tomllib")
             or m in ("tui.screens.card_detail", "tui.screens.import_review", "storage.formats.reader",
                      "textual.widgets._markdown", "textual.widgets._help_panel", "filelock")]
    assert later == []


@pytest.mark.parametrize("state_home", ["/abs/state", "relative/state", "", None])
def test_the_state_dir_is_where_platformdirs_puts_it(monkeypatch: pytest.MonkeyPatch, state_home: str | None) -> None:
    """state_root() spells out platformdirs' Linux rule (so opening a board need not import it)."""
    import platformdirs

    from storage.sync.replica import APP, state_root

    if state_home is None:
        monkeypatch.delenv("XDG_STATE_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_STATE_HOME", state_home)
    assert state_root() == Path(platformdirs.user_state_dir(APP, appauthor=False))
