"""The least a Python process does for a durable ``board move`` — a floor, not the board.

Reads our replica file with the standard ``json``, adds one status register, and writes it to
the two copies (the shadow, then the synced file) as storage/sync/files.py does: temp file,
fsync, rename, fsync of the folder. No models, no cache, no argparse, no lock. Timed beside
``task 1 modify`` it shows what a Python process costs before it knows what a card is
(docs/benchmarks.md, "board list, board summary, board move: what the command line imports")::

    cp NAME.d/<replica>.json own.json && cp own.json shadow.json
    python bench/min_move.py own.json shadow.json doing
"""

from __future__ import annotations

import json
import os
import sys
import time


def write_durably(path: str, data: bytes) -> None:
    temp = f"{path}.tmp"
    fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        os.write(fd, data)
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(temp, path)
    folder = os.open(os.path.dirname(os.path.abspath(path)), os.O_RDONLY)
    try:
        os.fsync(folder)
    finally:
        os.close(folder)


def main(own: str, shadow: str, status: str) -> None:
    with open(own, "rb") as handle:
        data = json.loads(handle.read())
    regs = data.setdefault("regs", {})
    regs[str(len(regs) + 1)] = {"k": "card/0000000000000000", "f": "status", "v": status,
                                "s": [int(time.time() * 1000), 0, "min-move"]}
    raw = json.dumps(data, ensure_ascii=False).encode()  # Thai as UTF-8, like the board's files
    for path in (shadow, own):
        write_durably(path, raw)
    print(f"moved: {status}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
