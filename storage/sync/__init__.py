"""Storage and sync (DESIGN.md §3): per-replica TinyDB files joined into one board.

clock (hybrid logical stamps) · state (the pure join) · codec (state <-> TinyDB tables) ·
view (state -> BoardSnapshot) · files (atomic writes) · folder (which file is what) ·
replica (identity, lock, shadow) · store (BoardStore) · sync_ops (`board sync`) · watch.
"""
