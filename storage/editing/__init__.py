"""Creating, correcting and retiring by hand (issue 7): the pure part.

What an officer types is checked here (``values``), references typed in the CLI are
resolved against a board snapshot (``refs``), and what a retirement would take away is
counted (``impact``). Nothing here writes: the stamped operations are built in
``storage.sync``; the app and the CLI call the store.
"""
