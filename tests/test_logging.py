"""What the board carries on past is written to a log file under the state directory, and an
ordinary run leaves no file at all."""

from __future__ import annotations

import logging
from pathlib import Path

from tui.cli import main
from tui.logs import log_path, setup_logging


def test_a_quiet_run_writes_no_log_and_a_logged_problem_lands_in_the_state_dir(board_path: Path, tmp_path: Path,
                                                                              capsys) -> None:
    assert main(["--board", str(board_path), "--read-only", "list"]) == 0
    path = log_path()
    assert str(path).startswith(str(tmp_path / "state")) and not path.exists()
    setup_logging()
    logging.getLogger("storage.sync.watch").warning("folder watch stopped; the stat poll carries on")
    text = path.read_text(encoding="utf-8")
    assert "WARNING storage.sync.watch: folder watch stopped" in text


async def test_a_failing_change_callback_is_logged_and_the_watch_goes_on(tmp_path: Path) -> None:
    import asyncio

    from storage.sync.watch import follow_changes

    setup_logging()
    calls = []
    done = asyncio.Event()

    def callback() -> None:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("refresh failed")
        done.set()

    ready = asyncio.Event()
    follow = asyncio.create_task(follow_changes([tmp_path], callback, poll_seconds=0.05, debounce_seconds=0.05,
                                                on_ready=ready.set))
    try:
        await asyncio.wait_for(ready.wait(), 10)  # the watch is in place (a hang detector)
        (tmp_path / "r0.json").write_text("{}")
        for _ in range(200):  # bounded wait for the failing call: a hang detector, not a timing
            if calls:
                break
            await asyncio.sleep(0.05)
        (tmp_path / "r1.json").write_text("{}")
        await asyncio.wait_for(done.wait(), 10)  # the watch went on after the failing callback
    finally:
        follow.cancel()
        await asyncio.gather(follow, return_exceptions=True)
    assert "change callback failed" in log_path().read_text(encoding="utf-8")


def test_a_record_of_a_command_lands_in_the_log_though_logging_is_imported_only_then(
        board_path: Path, monkeypatch) -> None:
    """The CLI sets up the log file at the first record (storage/logs.py), not at start: the
    record still lands there, and a command that logs nothing never sets it up."""
    import getpass

    import storage.logs

    monkeypatch.setattr(storage.logs, "_used", False)  # as in a fresh process
    monkeypatch.setattr(storage.logs, "_pending", [])
    assert main(["--board", str(board_path), "--read-only", "list"]) == 0
    assert storage.logs._pending and not log_path().exists()

    def no_login_name() -> str:
        raise OSError("no login name in a container")

    monkeypatch.delenv("BOARD_USER")
    monkeypatch.setattr(getpass, "getuser", no_login_name)
    assert main(["--board", str(board_path), "--read-only", "list"]) == 0
    assert "INFO storage.sync.replica: no login name; changes are recorded as 'unknown'" in log_path().read_text(
        encoding="utf-8")
