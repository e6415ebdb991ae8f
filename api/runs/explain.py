"""What a person reads about a run: each proposal and each need left unserved, in Chinese.

A proposal says who serves whom, how far apart, and its score with the parts by their
Chinese names. It names the best alternative it left only when that is true as said: an
alternative with a lower score was *beaten*; one with a higher score lost its capacity to
other needs, which are named. The alternative is never a resource the need already got.
An unserved need says its title, community, reason in Chinese, and what is on offer in
reach when that helps a person act.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Any

from api.runs.problem import FEATURE_LABELS, project_id
from graph import TAXONOMY, Need, Organization, ResidentUnit, Resource, Snapshot
from matching import MatchResult, Problem

REASON_LABELS = {
    "no_candidate_in_reach": "服务半径内没有任何资源",
    "category_not_offered_in_reach": "服务半径内没有这一类别（或相近类别）的资源",
    "unit_not_offered": "同类资源的计量单位不同",
    "outside_time_window": "同类资源都不在需求的时间范围内",
    "declined_only": "可用资源都已被婉拒",
    "capacity_taken": "能服务它的资源已分配给其他需求",
    "unit_limit_reached": "相关单位已达承接上限",
    "min_share_elsewhere": "资源用于保障其他社区的最低满足比例",
    "no_acceptable_fit": "没有足够契合的资源",
    "need_window_passed": "需求的结束日期已过，未参与匹配",
}

# kept for callers of the former module (the notebook, the web pages)
FEATURE_NAMES = FEATURE_LABELS


def category_name(code: str) -> str:
    return TAXONOMY[code].name if code in TAXONOMY else code


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float | None:
    """Great-circle distance in km, or None when either end has no place."""
    if any(math.isnan(v) for v in (lat1, lon1, lat2, lon2)):
        return None
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h)))


class Names:
    """Titles and names of what a snapshot holds, for the sentences."""

    def __init__(self, snap: Snapshot) -> None:
        self.needs: dict[str, Need] = {n.id: n for n in snap.needs}
        self.resources: dict[str, Resource] = {r.id: r for r in snap.resources}
        self.orgs: dict[str, Organization] = {o.id: o for o in snap.organizations}
        self.units: dict[str, ResidentUnit] = {u.id: u for u in snap.units}

    def org(self, oid: str) -> str:
        return self.orgs[oid].name if oid in self.orgs else oid

    def unit(self, uid: str) -> str:
        return self.units[uid].name if uid in self.units else uid

    def need(self, nid: str) -> str:
        return self.needs[nid].title if nid in self.needs else nid

    def resource(self, rid: str) -> str:
        return self.resources[rid].title if rid in self.resources else rid


def pair_views(snap: Snapshot, problem: Problem, result: MatchResult, run_id: str
               ) -> list[dict[str, Any]]:
    """Every pair of ``result`` as stored with the run: the matcher's fields, its project
    id, names, distance, the score parts with Chinese labels, the alternative and the
    Chinese explanation, and the project it becomes (``project``)."""
    names = Names(snap)
    need_items = {n.id: n for n in problem.needs}
    res_items = {r.id: r for r in problem.resources}
    chosen: dict[str, set[str]] = defaultdict(set)
    takers: dict[str, list[str]] = defaultdict(list)
    for p in result.pairs:
        chosen[p.need_id].add(p.resource_id)
        takers[p.resource_id].append(p.need_id)
    out = []
    for pair in result.pairs:
        need, resource = names.needs[pair.need_id], names.resources[pair.resource_id]
        ni, ri = need_items.get(pair.need_id), res_items.get(pair.resource_id)
        online = ri is not None and ri.mode == "online"
        km = None if online or ni is None or ri is None else distance_km(
            ni.lat, ni.lon, ri.lat, ri.lon)
        parts = [{"feature": f, "label": FEATURE_LABELS.get(f, f), "value": round(v, 4)}
                 for f, v in pair.breakdown.items()]
        alternative = None
        if pair.alternative is not None and pair.alternative[0] not in chosen[pair.need_id]:
            alt_id, alt_score = pair.alternative
            others = [n for n in takers.get(alt_id, []) if n != pair.need_id]
            alternative = {
                "resource_id": alt_id, "title": names.resource(alt_id),
                "unit_name": names.unit(names.resources[alt_id].unit_id)
                if alt_id in names.resources else "",
                "score": round(alt_score, 4), "beaten": alt_score <= pair.score,
                "taken_by": [{"need_id": n, "title": names.need(n)} for n in others[:3]]}
        view: dict[str, Any] = {
            **{k: v for k, v in pair.__dict__.items() if k != "alternative"},
            "alternative": alternative,
            "project_id": project_id(pair.need_id, pair.resource_id),
            "need_title": need.title, "resource_title": resource.title,
            "community_id": need.community_id, "community_name": names.org(need.community_id),
            "unit_id": resource.unit_id, "unit_name": names.unit(resource.unit_id),
            "unit_of_measure": need.unit_of_measure, "online": online,
            "distance_km": None if km is None else round(km, 2), "parts": parts,
            "online_source": ni.online_source if ni is not None else ""}
        view["explanation"] = explain_pair(view)
        view["project"] = {
            "id": view["project_id"], "title": f"{resource.title} → {need.title}"[:200],
            "need_id": need.id, "resource_id": resource.id, "unit_id": resource.unit_id,
            "community_id": need.community_id, "street_id": need.street_id,
            "category": need.category, "quantity": pair.quantity,
            "unit_of_measure": need.unit_of_measure,
            "score": round(min(1.0, max(0.0, pair.score)), 6),
            "breakdown": {k: round(v, 6) for k, v in pair.breakdown.items()},
            "explanation": view["explanation"][:2000],
            "start": need.start.isoformat() if need.start else None,
            "end": need.end.isoformat() if need.end else None}
        out.append(view)
    return out


ONLINE_BASIS = {"stated": "可线上（填报）", "text": "可线上（据文字推断）",
                "category": "可线上（据类别推断）"}
"""How a person reads where a need's 可线上 came from (``NeedItem.online_source``)."""


def explain_pair(view: dict[str, Any]) -> str:
    """The Chinese sentences of one proposal (from its view)."""
    where = f"线上服务，{ONLINE_BASIS.get(view.get('online_source', ''), '可线上')}" \
        if view["online"] else (
        f"相距 {view['distance_km']:.1f} 公里" if view["distance_km"] is not None
        else "位置未知")
    parts = "，".join(f"{p['label']} {p['value']:.2f}" for p in view["parts"])
    text = (f"由{view['unit_name']}的「{view['resource_title']}」服务{view['community_name']}"
            f"的「{view['need_title']}」，{view['quantity']} {view['unit_of_measure']}，{where}。"
            f"综合得分 {view['score']:.2f}（{parts}）。")
    alt = view.get("alternative")
    if alt:
        who = f"{alt['unit_name']}的" if alt["unit_name"] else ""
        if alt["beaten"]:
            text += f"优于次选资源：{who}「{alt['title']}」（得分 {alt['score']:.2f}）。"
        else:
            taken = "、".join(f"「{t['title']}」" for t in alt["taken_by"])
            text += (f"{who}「{alt['title']}」得分更高（{alt['score']:.2f}），"
                     + (f"但其容量已用于需求{taken}。" if taken
                        else "但本批次未能安排它：其可用容量已被占用或受承接上限所限。"))
    return text


def unmatched_views(snap: Snapshot, items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Needs left unserved (or served in part) as a person reads them."""
    names = Names(snap)
    out = []
    for item in items:
        need = names.needs.get(item["need_id"])
        details = dict(item.get("details") or {})
        community = need.community_id if need else ""
        view = {**item, "title": need.title if need else item["need_id"],
                "community_id": community, "community_name": names.org(community),
                "category": need.category if need else "",
                "category_name": category_name(need.category) if need else "",
                "unit_of_measure": need.unit_of_measure if need else "",
                "reason_label": REASON_LABELS.get(item["reason"], item["reason"]),
                "offered_categories": [
                    {"code": c, "name": category_name(c)}
                    for c in details.get("offered_categories", [])],
                "taken_by": [
                    {"need_id": t[0], "title": names.need(t[0])}
                    for t in details.get("taken_by", []) if t[0] != item["need_id"]]}
        view["explanation"] = explain_unmatched(view)
        out.append(view)
    return out


def explain_unmatched(view: dict[str, Any]) -> str:
    """The Chinese sentence of one need left unserved (from its view)."""
    served = int(view.get("served", 0))
    head = (f"{view['community_name']}的「{view['title']}」（{view['category_name']}，"
            f"{view['quantity']} {view['unit_of_measure']}）")
    text: str = head + (f"只满足了 {served}：" if served else "未能匹配：")
    text += str(view["reason_label"])
    if view["offered_categories"]:
        text += "；服务半径内可提供：" + "、".join(c["name"] for c in view["offered_categories"])
    if view["taken_by"]:
        text += "；资源已用于" + "、".join(f"「{t['title']}」" for t in view["taken_by"])
    units = (view.get("details") or {}).get("offered_units")
    if units:
        text += "；同类资源的计量单位为" + "、".join(units)
    return text + "。"


def expired_items(needs: list[Need]) -> list[dict[str, Any]]:
    """Open needs past their end date, as unmatched items of a run."""
    return [{"need_id": n.id, "reason": "need_window_passed", "quantity": n.quantity,
             "served": 0, "details": {"end": n.end.isoformat() if n.end else None}}
            for n in sorted(needs, key=lambda n: n.id)]
