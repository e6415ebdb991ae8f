"""What the researchers' notebooks stand on; nothing here writes to a live store.

- :func:`open_export` reads a pseudonymous JSON export (one downloaded through the
  researcher role, named by ``GONGJIAN_EXPORT``) into memory; without one it makes the
  demo's export in a temporary folder (:func:`demo_export`: the demo district and a
  synthetic history built into a throw-away store there, exported pseudonymously with
  that folder's own salt, which stays in it).
- :func:`use_chinese_font` sets matplotlib to Noto Sans CJK SC (the OFL font of the
  ``manimgx-fonts-cjk`` package), so titles, axes and legends in Chinese are drawn.
- :func:`compare_methods` runs the matcher in memory on the export's needs and resources
  (exact optimisation, greedy, and first-come claiming on the same candidate pairs), so
  matching can be studied without writing a match run.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os
import random
import tempfile
from collections import defaultdict
from pathlib import Path

import networkx as nx
import numpy as np

from api.composition import research_salt
from api.runs import build_problem, run_match
from graph import EmbeddedStore, OrgLevel, Project, ServiceRecord
from graph.export import graph_to_snapshot, read_json, snapshot_to_networkx, write_json
from graph.store import Snapshot
from matching import MatchParams, Problem, match
from matching.arrays import arrays_of
from matching.candidates import find_candidates
from matching.matcher import pair_scores
from matching.model import build_model, model_objective
from seed import generate_district, load_district

EXPORT_ENV = "GONGJIAN_EXPORT"
DATA_ENV = "GONGJIAN_NOTEBOOK_DATA"
DEMO_EXPORT = "gongjian-demo-pseudonymous.json"
FONT = "Noto Sans CJK SC"


@dataclasses.dataclass
class Export:
    """A pseudonymous export in memory: the graph, the snapshot it holds, its names."""

    path: Path
    graph: nx.MultiDiGraph
    snapshot: Snapshot

    def name(self, node_id: str) -> str:
        """The node's label (its name, or a member's pseudonym)."""
        return str(self.graph.nodes[node_id].get("label", node_id)) \
            if node_id in self.graph else node_id


def open_export(path: Path | None = None) -> Export:
    """The export at ``path``, else at ``$GONGJIAN_EXPORT``, else the demo's (made once in
    ``$GONGJIAN_NOTEBOOK_DATA`` or a new temporary folder). Read only."""
    if path is None and os.environ.get(EXPORT_ENV):
        path = Path(os.environ[EXPORT_ENV])
    if path is None:
        folder = Path(os.environ.get(DATA_ENV) or tempfile.mkdtemp(prefix="gongjian-"))
        path = demo_export(folder)
    g = read_json(path)
    return Export(path, g, graph_to_snapshot(g))


def demo_export(folder: Path, seed: int = 7) -> Path:
    """Make (once) the demo district's pseudonymous JSON export in ``folder``."""
    out = folder / DEMO_EXPORT
    if out.exists():
        return out
    data = folder / "data"
    data.mkdir(parents=True, exist_ok=True)
    store = EmbeddedStore(data / "gongjian.db")
    try:
        district = generate_district(seed=seed)
        load_district(store, district)
        scope = next(o.id for o in district.organizations if o.level == OrgLevel.DISTRICT)
        _demo_history(store, [s.id for s in district.streets], random.Random(seed))
        graph = snapshot_to_networkx(store.snapshot(scope), salt=research_salt(data))
    finally:
        store.close()
    part = folder / (DEMO_EXPORT + ".part")
    write_json(graph, part)
    part.replace(out)
    return out


def _demo_history(store: EmbeddedStore, streets: list[str], rng: random.Random,
                  today: dt.date | None = None) -> None:
    """A synthetic two-year history in the throw-away demo store: proposals from one match
    run per street, a share of them taken up (in progress or completed) by units that
    differ in how active they are, and monthly service records of those."""
    today = today or dt.date.today()
    for street in streets:
        run_match(store, street)
    projects = store.list(Project, size=10_000).items
    active: dict[str, float] = {}
    nodes: list[Project | ServiceRecord] = []
    for p in projects:
        # a third of the units never take anything up; the others some of their proposals
        share = active.setdefault(p.unit_id, 0.0 if rng.random() < 0.35 else rng.random())
        if rng.random() >= share:
            continue
        start = today - dt.timedelta(days=rng.randint(30, 720))
        done = rng.random() < 0.3
        end = min(today, start + dt.timedelta(days=rng.randint(60, 300))) if done else None
        nodes.append(p.model_copy(update={
            "status": "completed" if done else "in_progress", "start": start, "end": end}))
        day, k = start, 0
        while day <= (end or today):
            k += 1
            nodes.append(ServiceRecord(
                id=f"SR-{p.id}-{k}", project_id=p.id, street_id=p.street_id,
                unit_id=p.unit_id, community_id=p.community_id, date=day,
                hours=float(rng.choice((2, 3, 4, 6))), quantity=1))
            day += dt.timedelta(days=rng.randint(25, 45))
    store.upsert(nodes)


def use_chinese_font() -> str:
    """Draw matplotlib text in Noto Sans CJK SC (and minus signs as hyphens, which the
    font has); returns the font's family name."""
    import manimgx_fonts_cjk
    import matplotlib
    from matplotlib import font_manager

    path = Path(manimgx_fonts_cjk.__file__).with_name("NotoSansCJK-VF.otf.ttc")
    if FONT not in {f.name for f in font_manager.fontManager.ttflist}:
        font_manager.fontManager.addfont(str(path))
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    matplotlib.rcParams["font.family"] = [FONT]
    matplotlib.rcParams["axes.unicode_minus"] = False
    return FONT


def markdown_table(headers: list[str], rows: list[list[object]]) -> str:
    """A Markdown table (Jupyter draws it aligned, whatever the width of Chinese text).

    >>> print(markdown_table(["街道", "需求"], [["武汉路", 3]]))
    | 街道 | 需求 |
    | --- | --- |
    | 武汉路 | 3 |
    """
    lines = ["| " + " | ".join(headers) + " |", "| " + " | ".join("---" for _ in headers) + " |"]
    lines += ["| " + " | ".join(str(c).replace("|", "／") for c in row) + " |" for row in rows]
    return "\n".join(lines)


def short_name(name: str) -> str:
    """A street or community name without the party body's suffix.

    >>> short_name("湖北路街道党工委"), short_name("武汉路社区党委")
    ('湖北路街道', '武汉路社区')
    """
    for suffix in ("党工委", "党委", "党总支", "党支部"):
        if name.endswith(suffix):
            return name.removesuffix(suffix)
    return name


@dataclasses.dataclass(frozen=True)
class Outcome:
    """One allocation of the same needs and resources."""

    method: str
    objective: float
    served: dict[str, int]  # need id -> quantity served (0 = none)
    pairs: int

    def share_served(self, needs: list[str]) -> float:
        """The share of ``needs`` served in part or in full."""
        return sum(1 for n in needs if self.served.get(n, 0) > 0) / len(needs) if needs \
            else float("nan")


METHOD_NAMES = {"flow": "精确优化", "greedy": "贪心（高分先得）", "first_come": "先到先得认领"}


def compare_methods(snap: Snapshot, today: dt.date | None = None,
                    params: MatchParams | None = None) -> tuple[Problem, dict[str, Outcome]]:
    """The matcher's problem of ``snap`` and, on it, the outcome of exact optimisation
    (``flow``), greedy (highest score first) and first-come claiming (needs in the order
    they were raised, each taking the nearest candidate resource with capacity left).
    All three use the same candidate pairs and are scored by the same objective."""
    params = params or MatchParams()
    problem = build_problem(snap, today=today)
    out: dict[str, Outcome] = {}
    for method in ("flow", "greedy"):
        result = match(problem, params, method=method)
        served: dict[str, int] = defaultdict(int)
        for pair in result.pairs:
            served[pair.need_id] += pair.quantity
        out[method] = Outcome(method, result.objective, dict(served), len(result.pairs))
    out["first_come"] = _first_come(problem, snap, params)
    return problem, out


def _first_come(problem: Problem, snap: Snapshot, params: MatchParams) -> Outcome:
    a = arrays_of(problem)
    cands = find_candidates(a, params.max_online_per_need)
    _, score = pair_scores(problem, a, cands, params)
    k = len(cands)
    model = build_model(problem, a, cands, score[:k])
    raised = {n.id: (n.created or dt.date.min, n.id) for n in snap.needs}
    by_time = sorted(range(a.n_needs),
                     key=lambda i: raised.get(a.need_ids[i], (dt.date.min, a.need_ids[i])))
    rank = np.empty(a.n_needs, dtype=np.int64)
    rank[by_time] = np.arange(a.n_needs)
    order = np.lexsort((cands.dist, rank[model.pair_need]))
    need_left = model.need_cap.copy()
    res_left = model.res_cap.copy()
    x = np.zeros(model.n_pairs, dtype=np.int64)
    for p in order.tolist():
        i, j = model.pair_need[p], model.pair_res[p]
        q = min(need_left[i], res_left[j])
        if q > 0:
            x[p] = q
            need_left[i] -= q
            res_left[j] -= q
    pinned = float(np.dot(score[k:], a.pin_qty / a.n_qty[a.pin_need]))
    served: dict[str, int] = defaultdict(int)
    for p in np.flatnonzero(x).tolist():
        served[a.need_ids[model.pair_need[p]]] += int(x[p])
    for i, q in zip(a.pin_need.tolist(), a.pin_qty.tolist(), strict=True):
        served[a.need_ids[i]] += int(q)
    return Outcome("first_come", model_objective(model, x) + pinned, dict(served),
                   int(np.count_nonzero(x)))


__all__ = ["DATA_ENV", "EXPORT_ENV", "METHOD_NAMES", "Export", "Outcome",
           "compare_methods", "demo_export", "markdown_table", "open_export", "short_name",
           "use_chinese_font"]
