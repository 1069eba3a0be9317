"""Layering (STYLE.md B): the contracts hold, and the headless core never loads Textual or Rich.

import-linter checks what is imported; the subprocess test checks what importing really
loads (a module imported lazily inside a function is still an import to import-linter,
but only running the imports shows what a module-level chain pulls in)."""

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


def test_import_contracts_hold() -> None:
    """tui → widgets → storage, storage without Textual/Rich, widgets without the store: the
    import-linter contracts in pyproject.toml (imports inside functions count too)."""
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0 and "0 broken" in result.stdout, result.stdout[-3000:]
