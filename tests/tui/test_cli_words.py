"""`board --help` and usage errors speak the command line's language: Thai unless --lang en.

Every help text of every command is a catalog key (storage/i18n/cli_help.py), so a command
added later cannot bring an English-only line into the Thai help."""

from __future__ import annotations

import argparse
import re

import pytest

from storage.i18n import TEXTS
from tui.cli import build_parser, main
from tui.cli.words import command_lang

THAI = re.compile(r"[\u0e01-\u0e4f]")
PROSE = re.compile(r"\b[a-z]{4,}\b")  # English words (options, metavars and choices are not prose)


def parsers(parser: argparse.ArgumentParser):
    """The parser and every subparser below it, with the helps of their subcommands."""
    yield parser, [parser.description]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            yield parser, [choice.help for choice in action._choices_actions]
            for sub in action.choices.values():
                yield from parsers(sub)


def test_every_help_text_is_a_catalog_key() -> None:
    helps = [(parser.prog, text) for parser, texts in parsers(build_parser()) for text in texts]
    helps += [(parser.prog, action.help) for parser, _ in parsers(build_parser()) for action in parser._actions
              if action.help not in (None, argparse.SUPPRESS) and not isinstance(action, argparse._HelpAction)]
    assert [(prog, text) for prog, text in helps if text is not None and text not in TEXTS] == []
    unexplained = [(parser.prog, action.dest) for parser, _ in parsers(build_parser()) for action in parser._actions
                   if action.help is None and not isinstance(action, argparse._SubParsersAction)]
    assert unexplained == []  # every argument and option says what it is for


def help_of(capsys, *argv: str) -> str:
    with pytest.raises(SystemExit) as exit_:
        main([*argv, "--help"])
    assert exit_.value.code == 0
    return capsys.readouterr().out


def described(text: str) -> str:
    """The help's own words: the description and each option's or command's help column,
    without the usage lines, option names, metavars, choices and file names."""
    body = text.split("\n\n", 1)[1]
    columns = [re.split(r"\s{2,}", line.strip())[-1] for line in body.splitlines()]
    return re.sub(r"--?\S+|\$\S+|\S+\.\w+|[A-Z_]{2,}|\S*[{}]\S*", " ", "\n".join(columns))


TERMS = {"board", "serve", "user", "todo", "doing", "blocked", "done", "json", "xlsx", "docx", "lead", "textual"}
"""What the Thai help writes as the command line takes it (commands, status codes, formats, ``:lead``)."""


@pytest.mark.parametrize("command", [(), ("list",), ("move",), ("export",), ("agency", "merge"), ("serve",)])
def test_help_is_thai_by_default_and_english_with_lang_en(capsys, command: tuple[str, ...]) -> None:
    thai = help_of(capsys, *command)
    assert thai.startswith("วิธีใช้: board") and "แสดงวิธีใช้นี้แล้วจบ" in thai
    assert [w for w in PROSE.findall(described(thai)) if w not in TERMS] == [], thai
    english = help_of(capsys, "--lang", "en", *command)
    assert english.startswith("usage: board") and "show this help message and exit" in english
    assert not THAI.search(re.sub(r"รย 0017.2/ว 3362|30 ก.ย. 68|\(กำลังดำเนินการ,\s+กำลังทำ\)", "", english))


def test_usage_errors_in_thai_and_as_argparse_says_them_in_english(capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["move"])
    assert exit_.value.code == 2
    assert "board move: ใช้คำสั่งไม่ถูกต้อง: ต้องระบุ CARD, STATUS" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["export", "--format", "pdf"])
    assert "--format: ไม่มีตัวเลือก 'pdf'" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["--lang=en", "move"])
    assert "board move: error: the following arguments are required: CARD, STATUS" in capsys.readouterr().err


def test_the_language_is_read_before_parsing() -> None:
    assert command_lang([]) == "th-ascii" and command_lang(["list", "--lang", "th"]) == "th-ascii"
    assert command_lang(["--lang", "en", "list"]) == "en" == command_lang(["list", "--lang=en"])
    assert command_lang(["note", "abc", "--", "--lang=en"]) == "th-ascii"  # after --: the note's text
