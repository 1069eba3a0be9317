"""The CLI's measure (tui/cli/cells.py) is Rich's cell_len on any text, and ``board list`` and
``board summary`` import neither Rich nor the ``regex`` module for a plain board."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len as rich_cell_len

from tui.cli.cells import cell_len, terminal_columns

MIXED = st.text(st.one_of(st.sampled_from(list("ที่น้ำเกา ab…⚠\u200d\ufe0f\u2764中\xad\t")),
                          st.characters(blacklist_categories=("Cs",))), max_size=40)


@settings(max_examples=500, deadline=None)
@given(MIXED)
def test_the_cli_counts_cells_as_rich_does(text: str) -> None:
    assert cell_len(text) == rich_cell_len(text)


def test_emoji_and_wide_text_are_measured_by_rich() -> None:
    assert cell_len("\u2764\ufe0f") == 2 and cell_len("中文") == 4 and cell_len("ผู้ว่า") == 3


@pytest.mark.parametrize("command", ["list", "summary"])
def test_a_plain_board_is_listed_without_rich_regex_or_shutil(command: str, board_path) -> None:
    # What `board list` and `board summary` pay for at start: a measure that needs Rich or a
    # cut that needs `regex` for Thai text would import them (and their start-up time) again;
    # so would argparse asking shutil for the terminal's width.
    code = ("import sys; from tui.cli import main; main(['--board', sys.argv[1], sys.argv[2]]); "
            "print(sorted(m for m in ('rich', 'regex', 'textual', 'shutil') if m in sys.modules), file=sys.stderr)")
    env = dict(os.environ, COLUMNS="80")
    done = subprocess.run([sys.executable, "-c", code, str(board_path), command], capture_output=True,
                          text=True, env=env)
    assert done.returncode == 0 and "ระยอง" in done.stdout
    assert json.loads(done.stderr.strip().splitlines()[-1].replace("'", '"')) == []


@pytest.mark.parametrize("columns", [None, "", "abc", "0", "-3", "57", "120"])
@pytest.mark.parametrize("lines", [None, "0", "40"])
def test_the_width_to_print_for_is_shutils(columns, lines, monkeypatch) -> None:
    import argparse
    import shutil

    from tui.cli.words import Formatter

    for name, value in (("COLUMNS", columns), ("LINES", lines)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    assert terminal_columns() == shutil.get_terminal_size((80, 24)).columns
    # and the help is as wide as argparse would make it
    assert Formatter("board")._width == argparse.HelpFormatter("board")._width


@settings(max_examples=300, deadline=None)
@given(MIXED, st.integers(min_value=1, max_value=20))
def test_a_fitted_piece_knows_the_cells_it_takes(text: str, width: int) -> None:
    """``board list`` adds up its line's head from the pieces' own cells instead of measuring
    every head again (tui/cli/board_commands.py): each piece must say what measuring it says."""
    from tui.cli.board_commands import _fitted

    shown, cells = _fitted(text, width)
    assert cells == cell_len(shown) >= width
