"""Seeded synthetic problems for tests and timing (not the demo district).

Communities are clustered points in a square district whose side grows with the number
of needs so that a need has about 50 candidates at a 3 km reach whatever the size.
Resources (about 1.5 per need) sit at their units; 85 % serve on site, 10 % at the unit,
5 % online. The demo generator in ``seed`` is what the product's benchmark uses.
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
from scipy.spatial import cKDTree

from matching.problem import NeedItem, Problem, ResourceItem, Taxonomy

# code, unit of measure, need wording, resource wording
CATEGORIES: tuple[tuple[str, str, str, str], ...] = (
    ("home_medical", "次", "老人上门看病难", "家庭医生上门义诊"),
    ("elderly_care", "小时", "独居老人日间照料", "助老志愿服务"),
    ("child_education", "小时", "双职工子女放学后无人看管", "四点半课堂辅导"),
    ("sports_leisure", "场", "居民健身活动缺组织", "体育教练带练"),
    ("tailoring", "次", "老人衣物缝补", "便民缝补服务"),
    ("housekeeping", "小时", "失能老人家政护理", "家政服务队"),
    ("legal_advice", "次", "邻里纠纷需要法律咨询", "律师法律咨询"),
    ("dispute_mediation", "次", "物业矛盾调解", "调解员上门调解"),
    ("psychological", "次", "独居老人心理疏导", "心理咨询师服务"),
    ("hardship_assistance", "件", "困难家庭帮扶", "爱心物资帮困"),
    ("employment", "人", "失业人员技能培训", "职业技能培训名额"),
    ("environment", "小时", "小区垃圾分类宣传", "环保志愿者"),
    ("public_safety", "小时", "夜间安全巡逻人手不足", "平安巡逻队"),
    ("community_education", "场", "社区讲座", "专家讲座"),
    ("smartphone_training", "场", "老年人不会用智能手机", "智能手机培训课"),
    ("culture_arts", "场", "文艺演出", "书画舞蹈老师"),
    ("party_lecture", "场", "党课讲习", "理论宣讲"),
    ("venue", "场地", "缺少活动场地", "会议室开放"),
    ("funds", "元", "楼道照明改造资金", "公益资金支持"),
    ("materials", "件", "防疫物资短缺", "物资捐赠"),
)
RELATED = {c: {CATEGORIES[(k + 1) % len(CATEGORIES)][0]} for k, (c, *_) in
           enumerate(CATEGORIES)}
LAT0, LON0 = 30.25, 120.15
KM_LAT = 111.195
KM_LON = KM_LAT * math.cos(math.radians(LAT0))


def synthetic_problem(n_needs: int, seed: int = 0, resources_per_need: float = 1.5,
                      candidates_per_need: float = 50.0, online_share: float = 0.05
                      ) -> Problem:
    """A clustered random problem with about ``candidates_per_need`` candidates a need.

    Examples
    --------
    >>> p = synthetic_problem(200, seed=1)
    >>> len(p.needs), len(p.resources)
    (200, 300)
    """
    rng = np.random.default_rng(seed)
    n_res = round(n_needs * resources_per_need)
    # each category group (same + 2 related) holds 3/20 of resources; one in ~6 is
    # onsite-compatible in time and place; solve side ** 2 for the target density
    side = math.sqrt(n_res * math.pi * 9 * 0.15 * 0.5 / candidates_per_need)
    n_comm = max(1, n_needs // 40)
    n_units = max(1, n_res // 5)
    comm_xy = rng.uniform(0, side, (n_comm, 2))
    unit_xy = np.clip(comm_xy[rng.integers(0, n_comm, n_units)]
                      + rng.normal(0, 1.5, (n_units, 2)), 0, side)
    weak = rng.random(n_comm) < 0.1
    street_of = (comm_xy[:, 0] // 5).astype(int) * 1000 + (comm_xy[:, 1] // 5).astype(int)
    unit_street = (unit_xy[:, 0] // 5).astype(int) * 1000 + (unit_xy[:, 1] // 5).astype(int)

    def place(xy: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        return LAT0 + xy[:, 1] / KM_LAT, LON0 + xy[:, 0] / KM_LON

    def window(k: int) -> list[tuple[dt.date | None, dt.date | None]]:
        out: list[tuple[dt.date | None, dt.date | None]] = []
        opened = rng.random(k) < 0.7
        months = rng.integers(1, 12, k)
        for o, m in zip(opened.tolist(), months.tolist(), strict=True):
            out.append((None, None) if o else
                       (dt.date(2025, m, 1), dt.date(2025, m + 1, 28)))
        return out

    comm = rng.integers(0, n_comm, n_needs)
    n_xy = np.clip(comm_xy[comm] + rng.normal(0, 0.4, (n_needs, 2)), 0, side)
    n_lat, n_lon = place(n_xy)
    n_cat = rng.integers(0, len(CATEGORIES), n_needs)
    n_qty = np.minimum(rng.geometric(0.3, n_needs), 20)
    urgency = rng.choice([1, 2, 3], n_needs, p=[0.5, 0.35, 0.15])
    online_ok = rng.random(n_needs) < 0.15
    n_win = window(n_needs)
    needs = [
        NeedItem(
            id=f"N{i:06d}", community_id=f"C{comm[i]:05d}",
            street_id=f"S{street_of[comm[i]]:06d}", category=CATEGORIES[n_cat[i]][0],
            quantity=int(n_qty[i]), unit_of_measure=CATEGORIES[n_cat[i]][1],
            urgency=int(urgency[i]), lat=float(n_lat[i]), lon=float(n_lon[i]),
            start=n_win[i][0], end=n_win[i][1], online_ok=bool(online_ok[i]),
            title=f"{CATEGORIES[n_cat[i]][2]}（{i % 7 + 1}号楼）",
            description=CATEGORIES[n_cat[i]][2], weak_community=bool(weak[comm[i]]))
        for i in range(n_needs)]
    unit = rng.integers(0, n_units, n_res)
    r_lat, r_lon = place(unit_xy[unit])
    r_cat = rng.integers(0, len(CATEGORIES), n_res)
    cap = np.minimum(rng.geometric(0.3, n_res), 20)
    mode = rng.choice(["onsite", "at_unit", "online"], n_res,
                      p=[0.95 - online_share, 0.05, online_share])
    reach = rng.choice([1.5, 3.0, 5.0], n_res, p=[0.15, 0.75, 0.10])
    r_win = window(n_res)
    resources = [
        ResourceItem(
            id=f"R{j:06d}", unit_id=f"U{unit[j]:05d}",
            street_id=f"S{unit_street[unit[j]]:06d}", category=CATEGORIES[r_cat[j]][0],
            capacity=int(cap[j]), unit_of_measure=CATEGORIES[r_cat[j]][1],
            lat=float(r_lat[j]), lon=float(r_lon[j]), reach_km=float(reach[j]),
            mode=str(mode[j]), start=r_win[j][0], end=r_win[j][1],
            title=f"{CATEGORIES[r_cat[j]][3]}", description=f"{CATEGORIES[r_cat[j]][3]}团队")
        for j in range(n_res)]
    nearest = cKDTree(comm_xy).query(unit_xy)[1]
    registrations = {(f"U{u:05d}", f"C{nearest[u]:05d}") for u in range(n_units)}
    hist_units = rng.choice(n_units, size=n_units // 10, replace=False)
    history = {(f"U{u:05d}", f"C{nearest[u]:05d}"): float(rng.integers(1, 6))
               for u in hist_units.tolist()}
    return Problem(needs, resources, Taxonomy.from_related(RELATED),
                   registrations=registrations, history=history)
