"""The merge rule (DESIGN.md §3) as properties: join is a semilattice, replicas converge."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from storage.sync.clock import HybridClock
from storage.sync.state import State, join, merge_into
from storage.sync.view import view

RECORDS = ("card/c1", "card/c2", "agency/a1")
FIELDS = ("status", "rank", "alias:สนจ.", "deleted")
plain_stamps = st.tuples(st.integers(0, 4), st.integers(0, 2), st.sampled_from(("r1", "r2", "r3")))
# A register written over one stamped by a clock far ahead carries that stamp too (clock.py);
# a hostile file may claim one written over the import stamp (0, 0, "") as well.
overs = plain_stamps | st.just((0, 0, ""))
stamps = (plain_stamps | st.builds(lambda s, over: (*s, over), plain_stamps, overs)
          | st.builds(lambda s, over, depth: (*s, over, depth), plain_stamps, overs, st.integers(1, 2))
          | st.just((0, 0, "r1", (0, 0, ""))))
values = st.one_of(st.sampled_from(("todo", "doing", "done")), st.integers(0, 3), st.booleans())
regs = st.tuples(stamps, values, st.sampled_from(("somchai", "somsri")))
events = st.builds(
    lambda i, text, s: {"id": f"e{i}", "kind": "note", "card": "c1", "text": text, "by": "somchai", "s": list(s)},
    st.integers(0, 4), st.sampled_from(("ก", "ข")), plain_stamps,
)
states = st.builds(
    lambda recs, evs: State(recs, {e["id"]: e for e in evs}),
    st.dictionaries(st.sampled_from(RECORDS), st.dictionaries(st.sampled_from(FIELDS), regs, min_size=1), max_size=3),
    st.lists(events, max_size=4),
)


# No example database: nothing written into the repository by a test run.
LOCAL = settings(database=None)


@LOCAL
@given(states, states)
def test_join_is_commutative(a: State, b: State) -> None:
    assert join(a, b) == join(b, a)


@LOCAL
@given(states, states, states)
def test_join_is_associative(a: State, b: State, c: State) -> None:
    assert join(join(a, b), c) == join(a, join(b, c))


@LOCAL
@given(states, states)
def test_join_is_idempotent_and_an_upper_bound(a: State, b: State) -> None:
    ab = join(a, b)
    assert join(a, a) == join(a) and join(ab, a) == ab and join(ab, b) == ab


@LOCAL
@given(states, states)
def test_join_leaves_its_inputs_alone(a: State, b: State) -> None:
    before = (a.copy(), b.copy())
    join(a, b)
    assert (a, b) == before


class Replica:
    """A replica in memory: its state, a clock with a skewed wall, and what it wrote."""

    def __init__(self, name: str, skew: int, now: list[int]) -> None:
        self.state = State()
        self.clock = HybridClock(name, lambda: now[0] + skew)

    def write(self, key: str, field: str, value: object) -> tuple:
        stamp = self.clock.now()
        merge_into(self.state, State({key: {field: (stamp, value, "u")}}))
        return stamp

    def receive(self, other: "Replica") -> None:
        merge_into(self.state, other.state)
        self.clock.observe(self.state.max_stamp())


def _run(seed: int) -> None:
    rng = random.Random(seed)
    now = [1_000_000]
    reps = [Replica(f"r{i}", rng.randint(-5000, 5000), now) for i in range(3)]
    writes: dict[tuple[str, str], list[tuple[tuple, object, str]]] = {}
    notes: set[str] = set()
    for step in range(rng.randint(5, 60)):
        now[0] += rng.randint(0, 50)
        rep = rng.choice(reps)
        action = rng.random()
        if action < 0.45:
            key, field = rng.choice(RECORDS[:2]), rng.choice(("status", "rank"))
            seen = rep.state.records.get(key, {}).get(field)
            value = rng.choice(("todo", "doing", "blocked", "done")) if field == "status" else rng.random()
            stamp = rep.write(key, field, value)
            assert seen is None or stamp > seen[0], "a write must beat everything its replica has seen"
            writes.setdefault((key, field), []).append((stamp, value, rep.clock.replica_id))
        elif action < 0.6:
            key = rng.choice(RECORDS[:2])
            stamp = rep.write(key, "deleted", rng.random() < 0.7)
            writes.setdefault((key, "deleted"), []).append((stamp, None, ""))
        elif action < 0.8:
            stamp = rep.clock.now()
            note = {"id": f"n{step}", "kind": "note", "card": "c1", "text": f"{step}", "by": "u", "s": list(stamp)}
            merge_into(rep.state, State(events={note["id"]: note}))
            notes.add(note["id"])
        else:  # a partial sync: one replica's file reaches one other replica
            rng.choice(reps).receive(rep)
    for _ in range(2):
        for a in reps:
            for b in reps:
                b.receive(a)
    final = reps[0].state
    assert all(r.state == final for r in reps), "replicas did not converge"
    assert view(reps[1].state).cards == view(final).cards
    for (key, field), ws in writes.items():
        latest = max(ws, key=lambda w: w[0])
        assert final.records[key][field][0] == latest[0], "the latest write was lost"
    assert set(final.events) == notes, "a note was lost"


@settings(max_examples=150, deadline=None, database=None)
@given(st.integers(0, 2**32))
def test_three_replicas_with_skewed_clocks_converge(seed: int) -> None:
    _run(seed)


def test_equal_stamps_with_values_python_calls_equal_join_alike_in_any_order() -> None:
    """1 == True and 0 == False in Python, not on disk: the register kept must not depend on
    the order the files were read in (a counterexample hypothesis found once)."""
    import itertools

    import orjson

    stamp = (2, 0, "r1")
    inputs = [State({"card/c1": {"rank": (stamp, value, "somchai")}}) for value in (1, True, 2)]
    written = {orjson.dumps(join(*order).records) for order in itertools.permutations(inputs)}
    written |= {orjson.dumps(join(join(a, b), c).records) for a, b, c in itertools.permutations(inputs)}
    assert len(written) == 1
