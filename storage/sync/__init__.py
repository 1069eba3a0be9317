"""Storage and sync (DESIGN.md §3): per-replica TinyDB files joined into one board.

clock (hybrid logical stamps) · state (the pure join) · codec (state <-> TinyDB tables) ·
view (state -> BoardSnapshot) · files (atomic writes) · folder (which file is what) ·
replica (identity, lock, shadow) · own (this replica's file) · scan (every other file) ·
edits (pure changes) · store (BoardStore, the facade) · sync_ops (`board sync`) · watch.
"""
