"""The store benchmark: the same operations on each backend in one run, side by side.

:func:`bench_store` times, on each store it is given (each must start empty): loading the
demo district, the snapshot of one street and of the district, 1,000 versioned transitions,
a paged list; then, emptied, loading a city-size instance (the demo generator at a larger
scale) and its district snapshot. ``gongjian bench-store`` prints the times and the ratio of
every other backend to the first (the embedded store).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from graph import GraphStore, Need, OrgLevel
from seed.demo import District, generate_district, load_district

OPERATIONS = (
    ("load_demo", "载入示范区"),
    ("snapshot_street", "街道快照"),
    ("snapshot_district", "全区快照"),
    ("transitions", "带版本的修改"),
    ("list_page", "分页列表（第 3 页，每页 50）"),
    ("load_city", "载入城市规模实例"),
    ("snapshot_city", "城市规模全区快照"),
)


@dataclass
class StoreTimes:
    """Seconds per operation of one backend (the best of ``repeat`` where repeated)."""

    backend: str
    seconds: dict[str, float] = field(default_factory=dict)
    sizes: dict[str, int] = field(default_factory=dict)


def _best(run: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - t0)
    return best


def _timed(run: Callable[[], object]) -> float:
    return _best(run, 1)


def bench_store(empty_store: Mapping[str, Callable[[], GraphStore]], *,
                transitions: int = 1000, city_scale: float = 3.0, repeat: int = 3,
                progress: Callable[[str], None] | None = None) -> list[StoreTimes]:
    """Time the operations of :data:`OPERATIONS` on each backend; ``empty_store[name]()``
    gives an empty store of that backend (called twice: the demo, then the city)."""
    say = progress or (lambda _text: None)
    demo = generate_district(seed=7, scale=1.0)
    city = generate_district(seed=7, scale=city_scale)
    return [_bench_one(name, fresh, demo, city, transitions, repeat, say)
            for name, fresh in empty_store.items()]


def _top(district: District, level: OrgLevel) -> str:
    return next(o.id for o in district.organizations if o.level == level)


def _bench_one(name: str, fresh: Callable[[], GraphStore], demo: District, city: District,
               transitions: int, repeat: int, say: Callable[[str], None]) -> StoreTimes:
    times = StoreTimes(name)
    store = fresh()
    district, street = _top(demo, OrgLevel.DISTRICT), _top(demo, OrgLevel.STREET)
    say(f"{name}：载入示范区")
    times.seconds["load_demo"] = _timed(lambda: load_district(store, demo))
    times.sizes["load_demo"] = sum(store.counts().values())
    say(f"{name}：快照")
    times.seconds["snapshot_street"] = _best(lambda: store.snapshot(street), repeat)
    times.sizes["snapshot_street"] = len(store.snapshot(street).nodes())
    times.seconds["snapshot_district"] = _best(lambda: store.snapshot(district), repeat)
    times.sizes["snapshot_district"] = len(store.snapshot(district).nodes())
    say(f"{name}：{transitions} 次带版本的修改")
    needs = store.list(Need, size=min(transitions, 10_000)).items
    times.seconds["transitions"] = _timed(lambda: _transitions(store, needs, transitions))
    times.sizes["transitions"] = transitions
    times.seconds["list_page"] = _best(
        lambda: store.list(Need, scope=street, page=3, size=50), repeat * 3)
    times.sizes["list_page"] = 50
    say(f"{name}：载入城市规模实例")
    store = fresh()
    times.seconds["load_city"] = _timed(lambda: load_district(store, city))
    times.sizes["load_city"] = sum(store.counts().values())
    city_district = _top(city, OrgLevel.DISTRICT)
    times.seconds["snapshot_city"] = _best(lambda: store.snapshot(city_district), repeat)
    times.sizes["snapshot_city"] = len(store.snapshot(city_district).nodes())
    return times


def _transitions(store: GraphStore, needs: list[Need], n: int) -> None:
    """``n`` versioned writes, round-robin over ``needs``: each one reads the version it
    changes from the last write's result, as a clerk's form would."""
    current = {x.id: x for x in needs}
    ids = list(current)
    for i in range(n):
        need = current[ids[i % len(ids)]]
        current[need.id] = store.transition(Need, need.id, need.version,
                                            {"description": f"基准修改 {i}"})

