"""Layering (STYLE.md B): the headless core never loads Textual or Rich."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
from pathlib import Path

import storage

ROOT = Path(__file__).resolve().parent.parent


def _storage_modules() -> list[str]:
    return [m.name for m in pkgutil.walk_packages(storage.__path__, "storage.")]


def test_importing_every_storage_module_loads_neither_textual_nor_rich() -> None:
    modules = _storage_modules()
    assert "storage.models" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'tui', 'widgets'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "", f"storage pulled in: {result.stdout.strip()}"


def test_widgets_never_import_the_store_or_the_app() -> None:
    offenders = []
    for path in (ROOT / "widgets").rglob("*.py"):
        for line in path.read_text(encoding="utf-8").splitlines():
            stripped = line.strip()
            if stripped.startswith(("import ", "from ")) and any(
                bad in stripped for bad in ("storage.sync", "tinydb", "tui")
            ):
                offenders.append(f"{path.name}: {stripped}")
    assert offenders == []
