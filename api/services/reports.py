"""Reports generated from records, never typed: the half-yearly 双报到 feedback of a unit's
in-service members, the quarterly joint-meeting packet of a street (with its resolutions
recorded back on the projects), and the street's ledger (台账) of co-building projects.

Every figure comes from the store: valid service records only, projects as they stand,
decisions from the audit trail.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from api.documents import (
    Column,
    Document,
    Para,
    Part,
    Sheet,
    SheetColumn,
    Table,
    render_docx,
    render_xlsx,
)
from api.documents.model import Block
from api.errors import InvalidRequest, NotAllowed
from api.identity import Identity, can_read, require_read
from api.services import projects as project_svc
from api.services._common import _all, check_version, get_readable, require_roles
from graph import (
    PROJECT,
    TAXONOMY,
    Agreement,
    AuditEntry,
    Evaluation,
    GraphStore,
    MemberCategory,
    Organization,
    OrgLevel,
    PartyMember,
    Project,
    ResidentUnit,
    Role,
    ServiceRecord,
)

__all__ = ["Decision", "FeedbackReport", "LedgerRow", "MeetingPacket", "MemberService",
           "feedback", "feedback_docx", "ledger", "ledger_xlsx", "meeting_docx",
           "meeting_packet", "record_meeting"]

READERS = {Role.DISTRICT_ADMIN, Role.STREET_COMMITTEE, Role.COMMUNITY_ORG,
           Role.RESIDENT_UNIT}
MEETING_ACTIONS = {"resolve": "通过", "reject": "不通过", "return": "退回修改"}
# what a ledger lists: projects past the matcher's suggestion
LEDGER_STATES = [s for s in PROJECT.states if s not in ("proposed", "superseded")]


def _cn(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _hours(h: float) -> str:
    return f"{h:g}"


def half_year(year: int, half: int) -> tuple[dt.date, dt.date]:
    if half not in (1, 2):
        raise InvalidRequest(f"半年只能是 1（上半年）或 2（下半年），收到 {half}", field="half")
    return (dt.date(year, 1, 1), dt.date(year, 6, 30)) if half == 1 else (
        dt.date(year, 7, 1), dt.date(year, 12, 31))


def quarter_of(year: int, quarter: int) -> tuple[dt.date, dt.date]:
    if quarter not in (1, 2, 3, 4):
        raise InvalidRequest(f"季度只能是 1 至 4，收到 {quarter}", field="quarter")
    start = dt.date(year, 3 * quarter - 2, 1)
    end = dt.date(year + (quarter == 4), 1 if quarter == 4 else 3 * quarter + 1, 1)
    return start, end - dt.timedelta(days=1)


def _street(store: GraphStore, who: Identity, street_id: str) -> Organization:
    street = get_readable(store, who, Organization, street_id)
    if street.level != OrgLevel.STREET:
        raise InvalidRequest(f"{street.name}（{street_id}）不是街道", field="street_id")
    return street


# -- 双报到 feedback ----------------------------------------------------------------------


@dataclass
class MemberService:
    member_id: str
    name: str
    home_community: str
    records: int = 0
    hours: float = 0.0
    projects: list[str] = field(default_factory=list)
    communities: list[str] = field(default_factory=list)


@dataclass
class FeedbackReport:
    unit_id: str
    unit_name: str
    year: int
    half: int
    start: dt.date
    end: dt.date
    issuer: str
    members: list[MemberService]

    @property
    def serving(self) -> list[MemberService]:
        return [m for m in self.members if m.records]

    @property
    def hours(self) -> float:
        return round(sum(m.hours for m in self.members), 2)


def feedback(store: GraphStore, who: Identity, unit_id: str, *, year: int, half: int
             ) -> FeedbackReport:
    """Each in-service member of the unit: service records, hours, projects, communities.

    Counts the valid records of the half year that the caller may read (a street reports
    the service given in its street).
    """
    require_roles(who, READERS, "查看双报到服务反馈")
    start, end = half_year(year, half)
    unit = get_readable(store, who, ResidentUnit, unit_id)
    members = sorted(_all(store, PartyMember, None, {"work_unit_id": unit.id,
                                                     "category": MemberCategory.IN_SERVICE}),
                     key=lambda m: m.id)
    edges = [(m.id, e.src) for m in members
             for e in store.neighbours(m.id, edge="SERVED_BY", direction="in")]
    recs = store.get_many(ServiceRecord, {rid for _, rid in edges})
    projects = store.get_many(Project, {r.project_id for r in recs.values()})
    orgs = store.get_many(Organization, {r.community_id for r in recs.values()}
                          | {m.home_community_id for m in members if m.home_community_id})
    by_member: dict[str, list[ServiceRecord]] = defaultdict(list)
    for mid, rid in edges:
        r = recs.get(rid)
        if r and r.status == "valid" and start <= r.date <= end and can_read(who, r):
            by_member[mid].append(r)
    rows = []
    for m in members:
        mine = sorted(by_member[m.id], key=lambda r: (r.date, r.id))
        home = orgs[m.home_community_id].name if m.home_community_id in orgs else ""
        rows.append(MemberService(
            member_id=m.id, name=m.name, home_community=home, records=len(mine),
            hours=round(sum(r.hours for r in mine), 2),
            projects=list(dict.fromkeys(projects[r.project_id].title for r in mine
                                        if r.project_id in projects)),
            communities=list(dict.fromkeys(orgs[r.community_id].name for r in mine
                                           if r.community_id in orgs))))
    issuer = store.get_many(Organization, [who.scope_id]).get(who.scope_id)
    return FeedbackReport(unit_id=unit.id, unit_name=unit.name, year=year, half=half,
                          start=start, end=end,
                          issuer=issuer.name if issuer and who.role != Role.RESIDENT_UNIT
                          else _street_name(store, unit.street_id),
                          members=rows)


def _street_name(store: GraphStore, street_id: str) -> str:
    street = store.get_many(Organization, [street_id]).get(street_id)
    return street.name if street else ""


def feedback_document(report: FeedbackReport, today: dt.date) -> Document:
    half = "上半年" if report.half == 1 else "下半年"
    serving = report.serving
    idle = [m.name for m in report.members if not m.records]
    n_projects = len({p for m in serving for p in m.projects})
    n_communities = len({c for m in serving for c in m.communities})
    summary = (f"贵单位在职党员{len(report.members)}名，其中{len(serving)}名到社区参加了服务，"
               f"共记实服务{sum(m.records for m in serving)}次、{_hours(report.hours)}小时，"
               f"参与共建项目{n_projects}个，服务社区{n_communities}个。")
    rows = tuple((str(i), m.name, m.home_community, str(m.records), _hours(m.hours),
                  "、".join(m.projects) or "—", "、".join(m.communities) or "—")
                 for i, m in enumerate(report.members, 1))
    blocks: list[Block] = [
        Para(f"{report.unit_name}党组织：", indent=False),
        Para(f"根据“双报到、双服务”工作安排，现将贵单位在职党员{_cn(report.start)}至"
             f"{_cn(report.end)}到社区报到服务的记实情况反馈如下。"),
        Part("总体情况"), Para(summary),
        Part("服务明细"),
        Table((Column("序号", 12, "center"), Column("姓名", 18, "center"),
               Column("居住社区", 24), Column("服务次数", 16, "center"),
               Column("服务时长（小时）", 20, "center"), Column("参与项目", 40),
               Column("服务社区", 26)), rows),
    ]
    if idle:
        blocks += [Part("未记实服务的党员"),
                   Para(f"以下党员本半年在社区没有服务记实：{'、'.join(idle)}。请贵单位督促其"
                        "主动到居住地社区报到并参加服务。")]
    blocks += [Para("以上情况均来自社区服务记实，如有出入，请与社区党组织联系核实。"),
               Para(report.issuer, indent=False, align="right"),
               Para(_cn(today), indent=False, align="right")]
    return Document(title="在职党员双报到服务情况反馈单",
                    subtitle=f"{report.year}年{half}", blocks=tuple(blocks))


def feedback_docx(store: GraphStore, who: Identity, unit_id: str, *, year: int, half: int,
                  today: dt.date | None = None) -> bytes:
    report = feedback(store, who, unit_id, year=year, half=half)
    return render_docx(feedback_document(report, today or dt.date.today()))


# -- the joint meeting --------------------------------------------------------------------


@dataclass
class MeetingPacket:
    street_id: str
    street_name: str
    year: int
    quarter: int
    to_review: list[Project]
    decisions: list[tuple[Project, AuditEntry]]
    by_status: dict[str, list[Project]]
    names: dict[str, str]  # community and unit ids -> names


def meeting_packet(store: GraphStore, who: Identity, street_id: str, *, year: int,
                   quarter: int) -> MeetingPacket:
    """What the street's quarterly joint meeting (联席会议) reviews and records."""
    require_roles(who, {Role.DISTRICT_ADMIN, Role.STREET_COMMITTEE}, "查看联席会议材料")
    street = _street(store, who, street_id)
    start, end = quarter_of(year, quarter)
    projects = sorted(_all(store, Project, street.id, {"street_id": street.id}),
                      key=lambda p: p.id)
    by_id = {p.id: p for p in projects}
    lines = _all(store, AuditEntry, None, {"street_id": street.id, "target_kind": "Project"})
    decisions = sorted(((by_id[a.target_id], a) for a in lines
                        if a.action in MEETING_ACTIONS and a.target_id in by_id
                        and start <= a.at.date() <= end), key=lambda x: (x[1].at, x[1].id))
    by_status: dict[str, list[Project]] = {s: [] for s in PROJECT.states}
    for p in projects:
        by_status.setdefault(p.status, []).append(p)
    names = {o.id: o.name for o in _all(store, Organization, street.id, {})}
    names |= {u.id: u.name for u in _all(store, ResidentUnit, street.id, {})}
    return MeetingPacket(street_id=street.id, street_name=street.name, year=year,
                         quarter=quarter, to_review=by_status["under_review"],
                         decisions=decisions,
                         by_status={s: ps for s, ps in by_status.items() if ps},
                         names=names)


def meeting_document(packet: MeetingPacket) -> Document:
    def name(i: str) -> str:
        return packet.names.get(i, "")

    def category(c: str) -> str:
        return TAXONOMY[c].name if c in TAXONOMY else c

    review = tuple((str(i), p.title, name(p.community_id), name(p.unit_id),
                    category(p.category), f"{p.quantity}{p.unit_of_measure}", "□通过 □不通过 □退回")
                   for i, p in enumerate(packet.to_review, 1))
    decided = tuple((str(i), p.title, name(p.community_id), MEETING_ACTIONS[a.action],
                     _cn(a.at.date()), a.note or "—")
                    for i, (p, a) in enumerate(packet.decisions, 1))
    statuses = tuple((PROJECT.states.get(s, s), str(len(ps)),
                      "、".join(p.title for p in ps[:8]) + ("等" if len(ps) > 8 else ""))
                     for s, ps in packet.by_status.items())
    total = sum(len(ps) for ps in packet.by_status.values())
    blocks: list[Block] = [
        Part("提请审议的共建项目"),
        Para(f"本次会议提请审议的共建项目{len(packet.to_review)}个，请逐项作出决议：")
        if review else Para("本季度没有提请审议的共建项目。"),
    ]
    if review:
        blocks.append(Table((Column("序号", 12, "center"), Column("项目名称", 40),
                             Column("社区", 22), Column("驻区单位", 26),
                             Column("类别", 18, "center"), Column("数量", 14, "center"),
                             Column("决议", 24, "center")), review))
    blocks += [Part("本季度已作出的决议"),
               Para(f"本季度已对{len(decided)}个项目作出决议：") if decided
               else Para("本季度尚未作出决议。")]
    if decided:
        blocks.append(Table((Column("序号", 12, "center"), Column("项目名称", 46),
                             Column("社区", 24), Column("决议", 18, "center"),
                             Column("日期", 26, "center"), Column("说明", 30)), decided))
    blocks += [Part("共建项目清单（按状态）"), Para(f"全街道共建项目共{total}个，按状态分列如下："),
               Table((Column("状态", 30, "center"), Column("项目数", 16, "center"),
                      Column("项目", 110)), statuses),
               Part("会议决议记录"),
               # blanks for the pen, each within one line of the page
               Para("会议时间：＿＿＿＿年＿＿月＿＿日　地点：＿＿＿＿＿", indent=False),
               Para("出席单位：" + "＿" * 19, indent=False),
               Para("决议事项：" + "＿" * 19, indent=False)]
    return Document(title=f"{packet.street_name}区域党建联席会议材料",
                    subtitle=f"{packet.year}年第{'一二三四'[packet.quarter - 1]}季度",
                    blocks=tuple(blocks))


def meeting_docx(store: GraphStore, who: Identity, street_id: str, *, year: int,
                 quarter: int) -> bytes:
    return render_docx(meeting_document(meeting_packet(store, who, street_id, year=year,
                                                       quarter=quarter)))


@dataclass(frozen=True)
class Decision:
    project_id: str
    action: str  # resolve | reject | return
    version: int


def record_meeting(store: GraphStore, who: Identity, street_id: str, held_on: dt.date,
                   decisions: list[Decision], *, note: str = "",
                   now: dt.datetime | None = None) -> list[Project]:
    """Record the meeting's resolution on each project it decided.

    Every decision is checked (the street's project, under review, the version seen)
    before any is written, so a wrong line changes nothing.
    """
    require_roles(who, {Role.DISTRICT_ADMIN, Role.STREET_COMMITTEE}, "记录联席会议决议")
    street = _street(store, who, street_id)
    if not decisions:
        raise InvalidRequest("请至少给出一个项目的决议", field="decisions")
    ids = [d.project_id for d in decisions]
    if len(set(ids)) != len(ids):
        raise InvalidRequest("同一项目只能有一个决议", field="decisions")
    found = store.get_many(Project, ids)
    for d in decisions:
        p = found.get(d.project_id)
        if p is None or p.street_id != street.id:
            raise InvalidRequest(f"{street.name}没有编号为 {d.project_id} 的共建项目",
                                 field="decisions")
        require_read(who, p)
        if d.action not in MEETING_ACTIONS:
            valid = "、".join(f"{k}（{v}）" for k, v in MEETING_ACTIONS.items())
            raise InvalidRequest(f"决议「{d.action}」无效；可用：{valid}", field="decisions")
        if p.status != "under_review":
            raise NotAllowed(f"项目「{p.title}」当前为「{PROJECT.states[p.status]}」，"
                             "不在联席会议审议中", field="decisions")
        check_version(p, d.version)
    quarter = (held_on.month - 1) // 3 + 1
    meeting = f"{held_on.year}年第{'一二三四'[quarter - 1]}季度区域党建联席会议（{_cn(held_on)}）"
    return [project_svc.transition(
        store, who, d.project_id, d.action, d.version,
        f"{meeting}决议：{MEETING_ACTIONS[d.action]}" + (f"。{note}" if note else ""), now=now)
        for d in decisions]


# -- the ledger ---------------------------------------------------------------------------


@dataclass
class LedgerRow:
    project: Project
    community: str
    unit: str
    agreement_number: str
    records: int
    hours: float
    served: int
    members: int
    evaluation: float | None


def ledger(store: GraphStore, who: Identity, street_id: str) -> list[LedgerRow]:
    """The street's co-building projects with what the records say of each."""
    require_roles(who, READERS | {Role.RESEARCHER}, "查看共建项目台账")
    street = _street(store, who, street_id)
    projects = sorted((p for p in _all(store, Project, street.id, {"street_id": street.id})
                       if p.status in LEDGER_STATES and can_read(who, p)),
                      key=lambda p: (p.community_id, p.id))
    recs: dict[str, list[ServiceRecord]] = defaultdict(list)
    for r in _all(store, ServiceRecord, street.id, {"street_id": street.id,
                                                    "status": "valid"}):
        recs[r.project_id].append(r)
    numbers: dict[str, str] = {}
    for a in sorted(_all(store, Agreement, street.id, {"street_id": street.id}),
                    key=lambda a: a.id):
        if a.status != "withdrawn" and a.number:
            for pid in a.project_ids:
                numbers[pid] = a.number
    scores: dict[str, list[int]] = defaultdict(list)
    for e in _all(store, Evaluation, street.id, {"street_id": street.id}):
        scores[e.target_id].append(e.score)
    names = {o.id: o.name for o in _all(store, Organization, street.id, {})}
    names |= {u.id: u.name for u in _all(store, ResidentUnit, street.id, {})}
    rows = []
    for p in projects:
        mine = recs[p.id]
        s = scores.get(p.id)
        rows.append(LedgerRow(
            project=p, community=names.get(p.community_id, ""), unit=names.get(p.unit_id, ""),
            agreement_number=numbers.get(p.id, ""), records=len(mine),
            hours=round(sum(r.hours for r in mine), 2), served=sum(r.quantity for r in mine),
            members=len({m for r in mine for m in r.member_ids}),
            evaluation=round(sum(s) / len(s), 2) if s else None))
    return rows


LEDGER_COLUMNS = (
    SheetColumn("序号", 6), SheetColumn("项目名称", 36), SheetColumn("所属社区", 14),
    SheetColumn("驻区单位", 22), SheetColumn("类别", 12), SheetColumn("约定数量", 10),
    SheetColumn("计量单位", 8), SheetColumn("状态", 14), SheetColumn("开始日期", 12),
    SheetColumn("结束日期", 12), SheetColumn("协议文号", 22), SheetColumn("服务次数", 10),
    SheetColumn("服务时长（小时）", 12, "0.0#"), SheetColumn("已服务数量", 10),
    SheetColumn("参与党员（人）", 10), SheetColumn("评议均分", 10, "0.00"),
)


def ledger_xlsx(store: GraphStore, who: Identity, street_id: str,
                today: dt.date | None = None) -> bytes:
    street = _street(store, who, street_id)
    rows = ledger(store, who, street_id)
    cells = tuple(
        (i, r.project.title, r.community, r.unit,
         TAXONOMY[r.project.category].name if r.project.category in TAXONOMY
         else r.project.category, r.project.quantity, r.project.unit_of_measure,
         PROJECT.states.get(r.project.status, r.project.status),
         r.project.start.isoformat() if r.project.start else "",
         r.project.end.isoformat() if r.project.end else "", r.agreement_number, r.records,
         r.hours, r.served, r.members, r.evaluation)
        for i, r in enumerate(rows, 1))
    total = ("合计", f"{len(rows)}个项目", "", "", "", None, "", "", "", "", "",
             sum(r.records for r in rows), round(sum(r.hours for r in rows), 2),
             sum(r.served for r in rows), None, None)
    sheet = Sheet(title=f"{street.name}共建项目台账", name="共建项目台账",
                  columns=LEDGER_COLUMNS, rows=(*cells, total),
                  footer=f"制表日期：{_cn(today or dt.date.today())}；数据来自系统记实，"
                         "服务次数、时长只计有效记实。")
    return render_xlsx([sheet])
