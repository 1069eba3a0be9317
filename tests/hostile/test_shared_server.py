"""A shared server: several Unix users, one board folder owned by their group.

Real users and a real group are made for the test (useradd/groupadd; CI runs as root) and the
`board` commands run as them, with their own umask, both writing at once. Whatever the umask,
what the board creates in the folder takes the folder's group and group permissions (setgid
kept), so each officer reads and writes after the other; a file another user cannot read is
named with what to do.
"""

from __future__ import annotations

import grp
import json
import os
import pwd
import secrets
import shutil
import stat
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.importing.helpers import SAMPLE

ROOT = Path(__file__).resolve().parents[2]

RUN = """
import sys
from tui.cli import main
for argv in sys.argv[1:]:
    code = main(argv.split("\\x1f"))
    if code:
        sys.exit(code)
"""


class Officer:
    """A Unix user of the test: runs `board` commands as itself, with its umask."""

    python = sys.executable
    """An interpreter other users may run (see ``_interpreter``)."""

    def __init__(self, name: str, group: int, home: Path, umask: int) -> None:
        self.name, self.group, self.home, self.umask = name, group, home, umask
        self.uid = pwd.getpwnam(name).pw_uid

    def env(self) -> dict[str, str]:
        return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(self.home), "LANG": "C.UTF-8",
                "XDG_STATE_HOME": str(self.home / "state"), "BOARD_USER": self.name,
                # The checkout and the venv's packages, for an interpreter outside the venv.
                "PYTHONPATH": os.pathsep.join([str(ROOT), sysconfig.get_paths()["purelib"],
                                               sysconfig.get_paths()["platlib"]])}

    def start(self, *commands: list[str]) -> subprocess.Popen:
        """Several `board` commands in one process, one after the other (a shell loop)."""
        return subprocess.Popen(
            [self.python, "-c", RUN, *("\x1f".join(c) for c in commands)], cwd=ROOT, env=self.env(),
            user=self.uid, group=pwd.getpwnam(self.name).pw_gid, extra_groups=[self.group], umask=self.umask,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def run(self, *commands: list[str]) -> subprocess.CompletedProcess:
        proc = self.start(*commands)
        out, err = proc.communicate(timeout=120)
        return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def _tool(*argv: str) -> None:
    subprocess.run(argv, check=True, capture_output=True)


@pytest.fixture
def unix_group(tmp_path: Path):
    """(group name, gid, a world-traversable work dir, a factory of officers), cleaned up after."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("needs root to make Unix users and a group (CI runs as root)")
    if not (shutil.which("useradd") and shutil.which("groupadd")):
        pytest.skip("useradd/groupadd not installed")
    tag = secrets.token_hex(3)
    group = f"dbg{tag}"
    _tool("groupadd", group)
    gid = grp.getgrnam(group).gr_gid
    work = Path(f"/tmp/dirboard-{tag}")
    work.mkdir(mode=0o755)
    os.chmod(work, 0o755)
    made: list[str] = []

    def officer(letter: str, umask: int) -> Officer:
        name = f"dbu{tag}{letter}"
        # A user group of its own (-U) and the board's group as a supplementary one, as on a
        # real server: a file's group is the user's own unless the board sees to it.
        _tool("useradd", "-M", "-U", "-G", group, "-s", "/bin/false", name)
        made.append(name)
        home = work / f"home-{letter}"
        home.mkdir()
        os.chown(home, pwd.getpwnam(name).pw_uid, pwd.getpwnam(name).pw_gid)
        os.chmod(home, 0o700)
        return Officer(name, gid, home, umask)

    yield group, gid, work, officer
    for name in made:
        subprocess.run(["userdel", name], capture_output=True)
    subprocess.run(["groupdel", group], capture_output=True)
    shutil.rmtree(work, ignore_errors=True)


def _interpreter(officer: Officer) -> None:
    """Pick a Python of this version that the officer may run, with the checkout and the
    venv's packages readable to it; skip, saying why, when there is none."""
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    tried = []
    for python in dict.fromkeys([sys.executable, shutil.which(version, path="/usr/local/bin:/usr/bin:/bin")]):
        if not python:
            continue
        Officer.python = python
        try:
            done = officer.run()  # no commands: only the imports
        except PermissionError as error:  # the interpreter itself (a venv under /root, say)
            tried.append(f"{python}: {error.strerror}")
            continue
        if done.returncode == 0:
            return
        tried.append(f"{python}: {done.stderr.strip().splitlines()[-1:]}")
    pytest.skip(f"no {version} that another Unix user may run with this checkout: {'; '.join(tried)}")


def _group_and_bits(path: Path) -> tuple[int, int]:
    st = os.lstat(path)
    return st.st_gid, stat.S_IMODE(st.st_mode)


@pytest.mark.slow
@pytest.mark.parametrize("umask, folder_mode", [(0o022, 0o2770), (0o077, 0o2770), (0o077, 0o770)],
                         ids=["umask022-setgid", "umask077-setgid", "umask077-plain"])
def test_two_officers_share_one_board_folder(unix_group, umask: int, folder_mode: int) -> None:
    group, gid, work, officer = unix_group
    somchai, somsri = officer("a", umask), officer("b", umask)
    _interpreter(somchai)
    share = work / "share"
    share.mkdir()
    os.chown(share, 0, gid)
    os.chmod(share, folder_mode)  # the admin's part: a folder of the group
    letter = work / "letter.txt"
    shutil.copy(SAMPLE, letter)
    os.chmod(letter, 0o644)
    board = str(share / "board.json")

    done = somchai.run(["--board", board, "import", str(letter)])
    assert done.returncode == 0, done.stderr
    cards = json.loads(somchai.run(["--board", board, "list", "--json"]).stdout)
    card_a, card_b = cards[0]["id"][:10], cards[1]["id"][:10]
    (share / "board.d").rmdir()  # a board.json put there by hand: the first writes make NAME.d/
    # Both at once: each officer's first write, then more, while the other writes too.
    writers = [
        somchai.start(*[["--board", board, "note", card_a, f"สมชาย {i}"] for i in range(6)],
                      ["--board", board, "move", card_a, "doing"]),
        somsri.start(*[["--board", board, "note", card_b, f"สมศรี {i}"] for i in range(6)],
                     ["--board", board, "move", card_b, "done"]),
    ]
    for proc in writers:
        out, err = proc.communicate(timeout=180)
        assert proc.returncode == 0, err[-800:]
    # A compaction under the umask: the new base must be readable by the other officer.
    done = somchai.run(["--board", board, "sync"])
    assert done.returncode == 0, done.stderr
    assert any(p.name.startswith("base-") for p in (share / "board.d").iterdir())
    # A conflict copy that the other officer folds: .archive/ is made by her, used by him next.
    own = next(p for p in (share / "board.d").glob("*.json") if not p.name.startswith("base-"))

    def conflict_copy(name: str) -> None:  # as somchai's sync engine would leave it
        copy = share / "board.d" / name
        shutil.copy(own, copy)
        os.chown(copy, somchai.uid, gid)
        os.chmod(copy, 0o640)

    conflict_copy("x (conflicted copy 2025-01-01 101010).json")
    done = somsri.run(["--board", board, "sync"])
    assert done.returncode == 0, done.stderr
    conflict_copy("y (conflicted copy 2025-01-02 101010).json")
    done = somchai.run(["--board", board, "sync"])
    assert done.returncode == 0, done.stderr

    for reader in (somchai, somsri):
        done = reader.run(["--board", board, "--lang", "en", "export", "--format", "json"])
        assert done.returncode == 0 and not done.stderr.strip(), done.stderr  # no warning at all
        notes = {n["text"] for n in json.loads(done.stdout)["notes"]}
        assert notes == {f"{who} {i}" for who in ("สมชาย", "สมศรี") for i in range(6)}
        statuses = {c["id"][:10]: c["status"] for c in json.loads(done.stdout)["cards"]}
        assert (statuses[card_a], statuses[card_b]) == ("doing", "done")

    group_bits = folder_mode & 0o070
    archived = set((share / "board.d" / ".archive").iterdir())  # the engine's copies, moved as they are
    assert len(archived) == 2
    for path in [share / "board.json", *(p for p in (share / "board.d").rglob("*") if p not in archived)]:
        path_gid, bits = _group_and_bits(path)
        assert path_gid == gid, f"{path.name}: group {path_gid}, not the folder's"
        if path.is_dir():
            assert bits & 0o070 == group_bits, f"{path.name}: {oct(bits)}"
            assert bits & stat.S_ISGID == folder_mode & stat.S_ISGID, f"{path.name}: setgid lost"
        else:
            assert bits & 0o060 == group_bits & 0o060, f"{path.name}: {oct(bits)}"


@pytest.mark.slow
def test_a_file_another_officer_cannot_read_is_named_with_what_to_do(unix_group) -> None:
    group, gid, work, officer = unix_group
    somchai, somsri = officer("a", 0o077), officer("b", 0o022)
    _interpreter(somchai)
    share = work / "share"
    share.mkdir()
    os.chown(share, 0, gid)
    os.chmod(share, 0o2770)
    letter = work / "letter.txt"
    shutil.copy(SAMPLE, letter)
    os.chmod(letter, 0o644)
    board = str(share / "board.json")
    assert somchai.run(["--board", board, "import", str(letter)]).returncode == 0
    # A replica file written by an older version with umask 077: only its owner may read it.
    private = share / "board.d" / "0123456789abcdef.json"
    private.write_bytes((share / "board.json").read_bytes())
    os.chown(private, somchai.uid, gid)
    os.chmod(private, 0o600)
    done = somsri.run(["--board", board, "--lang", "en", "list"])
    assert done.returncode == 0, done.stderr
    warning, = [line for line in done.stderr.splitlines() if line.strip()]
    assert str(private) in warning and f"ask {somchai.name} to run chmod g+r" in warning
