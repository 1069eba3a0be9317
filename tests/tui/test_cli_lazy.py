"""A command line that names a command builds only that command's parsers (tui/cli/__init__.py
COMMANDS), ``board`` alone none, and nothing an officer sees changes for it: the same help in
Thai and English, the same usage errors, the same parsed arguments; help before a command and
an unknown word still get the whole command line (every command listed)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

import pytest

from tui.cli import COMMAND_MODULES, COMMANDS, build_parser, command_word


def commands_of(parser: argparse.ArgumentParser) -> list[str]:
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return list(sub.choices)


def test_the_table_names_every_command_in_the_order_help_lists_them() -> None:
    # A command added to a module but not to COMMANDS (or the other way round) fails here.
    assert commands_of(build_parser()) == list(COMMANDS)
    for word, module in COMMANDS.items():
        # A line naming a command builds its parser from the module the table names (at most
        # that module's other commands with it: the hand-edit ones are built together).
        built = commands_of(build_parser("th-ascii", [word]))
        assert word in built and set(built) <= {w for w, m in COMMANDS.items() if m == module}


@pytest.mark.parametrize("word", ["list", "summary", "move", "serve", "serve-user"])
def test_a_line_naming_a_command_builds_that_command_alone(word: str) -> None:
    """`board list` builds neither move's nor note's parser (~0.4 ms each, issue 11)."""
    assert commands_of(build_parser("th-ascii", [word])) == [word]


def test_each_command_is_named_board_command_in_its_usage() -> None:
    for word in COMMANDS:
        sub = next(a for a in build_parser("en", [word])._actions if isinstance(a, argparse._SubParsersAction))
        assert sub.choices[word].prog == f"board {word}"


LINES = [
    [], ["-h"], ["--help"], ["--lang", "en", "-h"], ["-h", "list"], ["--he", "list"], ["--lang", "en", "-h", "list"],
    ["bogus"], ["--lang", "en", "bogus"], ["-5", "list"], ["--", "list"], ["--lang", "xx", "list"], ["--board"],
    ["--board", "list"], ["-x", "list"], ["list", "extra"], ["list", "--bogus"], ["--lang=en", "list", "--bogus"],
    ["list", "--agency", "สสจ.", "--status", "done", "--overdue"], ["--bo", "b.json", "--l", "en", "list"],
    ["--board=b.json", "--read-only", "move", "abc", "done", "--note", "ส่งแล้ว"], ["move", "abc"],
    ["summary", "--json", "--lang", "en"], ["export", "--format", "pdf"], ["export", "--format", "csv", "--out", "x.csv"],
    ["agency"], ["agency", "merge", "a"], ["agency", "rename", "ก", "ข", "--json"], ["add-letter", "--date", "1/2/65"],
    ["serve", "--port", "x"], ["note", "abc", "--retract"], ["import", "a.pdf", "--dry-run"],
    ["-x"], ["--board", "b.json"], ["--read-only"], ["--lang", "en", "--board", "b.json"], ["--board=b.json", "--l=en"],
    ["--", "--board"], ["--board", "b.json", "--"], ["note", "abc", "--", "--lang=en"],
]
LINES += [[*lang, word, *tail] for word in COMMANDS for lang in ([], ["--lang", "en"]) for tail in (["-h"], [])]


def outcome(parser: argparse.ArgumentParser, line: list[str], capsys) -> tuple:
    try:
        result: object = sorted(vars(parser.parse_args(line)).items())
    except SystemExit as exit_:
        result = ("exit", exit_.code)
    out = capsys.readouterr()
    return result, out.out, out.err


@pytest.mark.parametrize("line", LINES, ids=" ".join)
def test_a_command_line_reads_as_the_whole_parser_reads_it(line: list[str], capsys, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "100")  # argparse wraps help to the terminal
    for lang in ("th-ascii", "en"):
        assert outcome(build_parser(lang, line), line, capsys) == outcome(build_parser(lang), line, capsys)


def test_the_board_alone_builds_no_command_and_a_command_only_its_own() -> None:
    # `board` (the TUI) parses to no command: it need not build, nor import, any command's parser.
    assert commands_of(build_parser("th-ascii", [])) == []
    assert commands_of(build_parser("th-ascii", ["--board", "b.json", "--read-only"])) == []
    assert "summary" in commands_of(build_parser("th-ascii", ["--lang", "en", "summary", "--json"]))


def test_help_before_a_command_and_unknown_words_get_every_command(capsys) -> None:
    for line in (["-h"], ["-h", "list"], ["--lang", "en", "--help", "summary"]):
        assert command_word(line) is None
    with pytest.raises(SystemExit):
        build_parser("en", ["bogus"]).parse_args(["bogus"])
    error = capsys.readouterr().err
    assert all(word in error for word in COMMANDS), error  # argparse's "invalid choice" lists them


def test_board_list_imports_only_its_own_command_module_and_catalog_areas(board_path) -> None:
    code = ("import sys; from tui.cli import main; main(['--board', sys.argv[1], 'list']); "
            "print(' '.join(m for m in sys.modules if m.startswith(('tui.cli.', 'storage.i18n.'))), file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", code, str(board_path)], capture_output=True, text=True,
                          env=dict(os.environ, COLUMNS="80"))
    assert done.returncode == 0 and "ข้อ" in done.stdout
    loaded = set(done.stderr.split())
    assert "tui.cli.board_commands" in loaded and not loaded & {m for m in COMMAND_MODULES} - {"tui.cli.board_commands"}
    # The texts a list says (status words, ข้อ N, the help's metavar) and no other area's.
    assert {m for m in loaded if m.startswith("storage.i18n.")} == {
        "storage.i18n.statuses", "storage.i18n.cli", "storage.i18n.cli_help"}
