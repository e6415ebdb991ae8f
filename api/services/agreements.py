"""Co-building agreements (共建协议): draft, sign by each party, activate, end; and the
agreement as a printable Chinese document (HTML and DOCX).

An agreement covers one or more *resolved* projects of one community. Its parties are the
street committee, the community organization and every resident unit of its projects;
each signs for itself, and when the last has signed the agreement is sealed (签署 →
已签署). Activation moves its projects to 已签协议 in the same transaction.
"""

from __future__ import annotations

import datetime as dt

from api.documents import (
    Column,
    Document,
    Item,
    Para,
    Part,
    Signatures,
    SignParty,
    Table,
    chinese_ordinal,
    party_label,
    render_docx,
    render_html,
    render_pdf,
    strip_number,
)
from api.documents.model import Block
from api.errors import Forbidden, InvalidRequest, NotAllowed
from api.identity import Identity, require_read, require_write
from api.services._common import (
    audit,
    check_version,
    get_readable,
    new_id,
    now_utc,
    require_roles,
    scoped_page,
)
from graph import (
    AGREEMENT,
    PROJECT,
    ROLE_NAMES,
    TAXONOMY,
    Agreement,
    AuditEntry,
    GraphStore,
    Node,
    NotFound,
    Organization,
    Page,
    Project,
    ResidentUnit,
    Role,
    Signature,
    Versioned,
)

__all__ = ["DEFAULT_TERMS", "activate", "document", "document_docx", "document_html",
           "document_pdf", "draft", "end", "get_agreement", "list_agreements", "parties",
           "sign"]

# one clause a line, unnumbered: the document numbers them within their part
DEFAULT_TERMS = (
    "驻区单位按本协议所列项目、数量和期限提供资源与服务，并安排在职党员参与。\n"
    "社区党组织负责组织居民、提供场地，如实做好服务记实。\n"
    "街道党工委负责统筹协调、督促落实，并将履约情况纳入年度考评。\n"
    "项目执行中如需调整，由提出方书面说明，经各方协商一致后变更；任何一方可书面通知终止本协议。\n"
    "各方应保护居民和党员个人信息，不得用于共建以外的用途。"
)

OPEN_STATES = frozenset(AGREEMENT.states) - AGREEMENT.final


def list_agreements(store: GraphStore, who: Identity, *, status: str | None = None,
                    community_id: str | None = None, street_id: str | None = None,
                    page: int = 1, size: int = 20) -> Page[Agreement]:
    filters = {"status": status, "community_id": community_id, "street_id": street_id}
    return scoped_page(store, who, Agreement, {k: v for k, v in filters.items() if v},
                       page, size)


def get_agreement(store: GraphStore, who: Identity, agreement_id: str) -> Agreement:
    return get_readable(store, who, Agreement, agreement_id)


def parties(agreement: Agreement) -> list[tuple[str, Role]]:
    """Who signs: the street, the community, each unit."""
    return [(agreement.street_id, Role.STREET_COMMITTEE),
            (agreement.community_id, Role.COMMUNITY_ORG),
            *((u, Role.RESIDENT_UNIT) for u in agreement.unit_ids)]


def draft(store: GraphStore, who: Identity, project_ids: list[str], *,
          title: str | None = None, terms: str | None = None, start: dt.date | None = None,
          end: dt.date | None = None, backdate_reason: str | None = None,
          now: dt.datetime | None = None) -> Agreement:
    """A draft agreement over resolved projects of one community.

    Its period lies within its projects' periods and starts no earlier than today, unless
    it is explicitly back-dated with a reason (补签), which the audit line keeps.
    """
    require_roles(who, {Role.DISTRICT_ADMIN, Role.STREET_COMMITTEE, Role.COMMUNITY_ORG},
                  "起草共建协议")
    ids = list(dict.fromkeys(project_ids))
    if not ids:
        raise InvalidRequest("至少选择一个共建项目", field="project_ids")
    found = store.get_many(Project, ids)
    missing = [i for i in ids if i not in found]
    if missing:
        raise NotFound(f"没有编号为 {'、'.join(missing)} 的共建项目", field="project_ids")
    projects = [found[i] for i in ids]
    for p in projects:
        require_read(who, p)
        if p.status != "resolved":
            raise NotAllowed(f"项目 {p.id} 当前为「{PROJECT.states[p.status]}」，"
                             "只有「已决议」的项目才能签订协议", field="project_ids")
    communities = sorted({p.community_id for p in projects})
    if len(communities) > 1:
        raise InvalidRequest(
            f"一份协议只能覆盖一个社区的项目，所选项目来自 {'、'.join(communities)}",
                             field="project_ids")
    for p in projects:
        _check_not_covered(store, p)
    first = projects[0]
    unit_ids = sorted({p.unit_id for p in projects})
    at = now or now_utc()
    reason = (backdate_reason or "").strip() or None
    start, end = _period_of(projects, start, end, at.date(), reason)
    agreement = Agreement(
        id=new_id("AG"), title=title or _default_title(store, first.community_id, unit_ids),
        project_ids=ids, community_id=first.community_id, street_id=first.street_id,
        unit_ids=unit_ids, status=AGREEMENT.initial,
        terms=DEFAULT_TERMS if terms is None else terms, start=start, end=end,
        number=_document_number(store, first.street_id, (start or at.date()).year),
        backdate_reason=reason)
    require_write(who, agreement)
    note = f"覆盖项目 {'、'.join(ids)}" + (f"；补签，理由：{reason}" if reason else "")
    store.upsert([agreement, audit(who, agreement, "draft", None, agreement.status, note, at)])
    return store.get(Agreement, agreement.id)


def _period_of(projects: list[Project], start: dt.date | None, end: dt.date | None,
               today: dt.date, backdate_reason: str | None
               ) -> tuple[dt.date | None, dt.date | None]:
    """The agreement's period: given or derived, within the projects' periods."""
    starts = [p.start for p in projects if p.start]
    ends = [p.end for p in projects if p.end]
    earliest = min(starts) if starts else None
    latest = max(ends) if ends else None
    if start is None:
        start = max(today, earliest) if earliest else today
    if end is None:
        end = latest
    if start < today and not backdate_reason:
        raise InvalidRequest(f"协议开始日期 {_cn_date(start)} 早于今天（{_cn_date(today)}）；"
                             "如确需补签，请填写补签理由 backdate_reason", field="start")
    if earliest and start < earliest:
        raise InvalidRequest(f"协议开始日期 {_cn_date(start)} 早于所覆盖项目的最早开始日期 "
                             f"{_cn_date(earliest)}", field="start")
    if latest and end and end > latest:
        raise InvalidRequest(f"协议结束日期 {_cn_date(end)} 晚于所覆盖项目的最晚结束日期 "
                             f"{_cn_date(latest)}", field="end")
    if end and end < start:
        raise InvalidRequest(
            f"协议结束日期 {_cn_date(end)} 早于开始日期 {_cn_date(start)}"
            + ("；所覆盖的项目已到期，如为补签请给出开始日期和补签理由" if latest == end else ""),
            field="end")
    return start, end


def _document_number(store: GraphStore, street_id: str, year: int) -> str:
    """The office's number for the agreement: 武汉路共建〔2026〕3号 (street, year, sequence)."""
    street = store.get_many(Organization, [street_id]).get(street_id)
    name = street.name if street else ""
    for suffix in ("街道党工委", "街道办事处", "党工委", "街道"):
        if name.endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
            break
    prefix = f"{name}共建〔{year}〕"
    taken = store.list(Agreement, filters={"street_id": street_id}, size=10_000).items
    used = [a.number for a in taken if a.number and a.number.startswith(prefix)]
    return f"{prefix}{len(used) + 1}号"


def _check_not_covered(store: GraphStore, project: Project) -> None:
    covering = [e.src for e in store.neighbours(project.id, edge="COVERS", direction="in")]
    for other in store.get_many(Agreement, covering).values():
        if other.status in OPEN_STATES:
            raise NotAllowed(f"项目 {project.id} 已在协议 {other.id}（"
                             f"{AGREEMENT.states[other.status]}）中", field="project_ids")


def _default_title(store: GraphStore, community_id: str, unit_ids: list[str]) -> str:
    community = store.get(Organization, community_id)
    units = store.get_many(ResidentUnit, unit_ids)
    names = "、".join(units[u].name for u in unit_ids if u in units)
    text = f"{community.name}与{names}共建协议"
    return text if len(text) <= 200 else f"{community.name}与{len(unit_ids)}家驻区单位共建协议"


def sign(store: GraphStore, who: Identity, agreement_id: str, expected_version: int, *,
         signer: str | None = None, now: dt.datetime | None = None) -> Agreement:
    """Sign for the caller's own party; sealed when the last party signs."""
    agreement = get_readable(store, who, Agreement, agreement_id)
    require_write(who, agreement)
    party = (who.scope_id, who.role)
    if party not in parties(agreement):
        raise Forbidden(f"{who.describe()}不是协议 {agreement.id} 的签署方；"
                        "签署方为街道党工委、社区党组织和各驻区单位，各自签署")
    if any(s.party_id == who.scope_id for s in agreement.signatures):
        raise NotAllowed(f"{who.describe()}已签署协议 {agreement.id}")
    check_version(agreement, expected_version)
    at = now or now_utc()
    status = AGREEMENT.apply(agreement.status, "sign", who.role)
    name = (signer or who.display_name or who.subject_id).strip()[:50] or who.subject_id[:50]
    signatures = [*agreement.signatures,
                  Signature(party_id=who.scope_id, role=who.role, signer=name, signed_at=at)]
    lines: list[Node] = [audit(who, agreement, "sign", agreement.status, status,
                               f"{ROLE_NAMES[who.role]} {name} 签署", at)]
    signed = {s.party_id for s in signatures}
    if all(p in signed for p, _ in parties(agreement)):
        sealed = AGREEMENT.apply(status, "seal", Role.SYSTEM)
        lines.append(audit(who, agreement, "seal", status, sealed, "各方均已签署", at))
        status = sealed
    return store.transition(
        Agreement, agreement.id, expected_version,
        {"status": status, "signatures": [s.model_dump(mode="json") for s in signatures]},
        also=lines)


def activate(store: GraphStore, who: Identity, agreement_id: str, expected_version: int, *,
             note: str = "", now: dt.datetime | None = None) -> Agreement:
    """The signed agreement takes effect; its projects move to 已签协议 with it."""
    agreement = get_readable(store, who, Agreement, agreement_id)
    require_write(who, agreement)
    check_version(agreement, expected_version)
    at = now or now_utc()
    status = AGREEMENT.apply(agreement.status, "activate", who.role)
    also: list[Node] = [audit(who, agreement, "activate", agreement.status, status, note, at)]
    # the agreement and every project it covers in one versioned write: a project changed
    # since it was read here (cancelled meanwhile, say) refuses the whole step
    writes = [Versioned(agreement.model_copy(update={"status": status}), expected_version)]
    projects = store.get_many(Project, agreement.project_ids)
    for pid in agreement.project_ids:
        project = projects.get(pid)
        if project is None or project.status != "resolved":
            state = PROJECT.states.get(project.status, "") if project else "不存在"
            raise NotAllowed(f"协议覆盖的项目 {pid} 当前为「{state}」，协议不能生效；"
                             "请撤回协议或调整项目")
        target = PROJECT.apply(project.status, "agree", Role.SYSTEM)
        writes.append(Versioned(project.model_copy(update={"status": target}),
                                project.version))
        also.append(AuditEntry(**{
            **audit(who, project, "agree", project.status, target,
                    f"协议 {agreement.id} 生效", at).model_dump(),
            "by_role": Role.SYSTEM}))
    store.write(writes, also=also)
    return store.get(Agreement, agreement.id)


def end(store: GraphStore, who: Identity, agreement_id: str, action: str,
        expected_version: int, *, note: str = "", now: dt.datetime | None = None
        ) -> Agreement:
    """Terminate, expire or withdraw an agreement (``action``)."""
    if action not in ("terminate", "expire", "withdraw"):
        raise InvalidRequest(f"协议没有「{action}」这个操作；可用：terminate、expire、withdraw",
                             field="action")
    agreement = get_readable(store, who, Agreement, agreement_id)
    require_write(who, agreement)
    check_version(agreement, expected_version)
    status = AGREEMENT.apply(agreement.status, action, who.role)
    line = audit(who, agreement, action, agreement.status, status, note, now)
    return store.transition(Agreement, agreement.id, expected_version, {"status": status},
                            also=[line])


# -- the document -------------------------------------------------------------------------

INTRO = ("为深入推进区域化党建，推动驻区单位与社区共驻共建、资源共享，根据需求清单、资源清单"
         "对接形成的项目清单，经各方协商一致，订立本协议。")
PROJECT_COLUMNS = (Column("序号", 14, "center"), Column("项目名称", 42),
                   Column("类别", 22, "center"), Column("提供单位", 32),
                   Column("数量", 16, "center"), Column("期限", 30, "center"))
BLANK = "＿＿＿＿＿＿＿＿"


def document(store: GraphStore, who: Identity, agreement_id: str) -> Document:
    """The printed agreement as a document: parties, projects, period, clauses, seals.

    It names no internal id and no workflow state: the office's document number stands
    at the top, and the projects are listed by name.
    """
    agreement = get_readable(store, who, Agreement, agreement_id)
    orgs = store.get_many(Organization, [agreement.street_id, agreement.community_id])
    units = store.get_many(ResidentUnit, agreement.unit_ids)
    projects = store.get_many(Project, agreement.project_ids)
    signatures = {s.party_id: s for s in agreement.signatures}

    items: list[Item] = []
    sign_parties: list[SignParty] = []
    for i, (party_id, role) in enumerate(parties(agreement)):
        node: Organization | ResidentUnit | None = units.get(party_id) or orgs.get(party_id)
        name = node.name if node else ROLE_NAMES[role]
        sig = signatures.get(party_id)
        liaison = getattr(node, "liaison_name", None)
        representative = sig.signer if sig else (liaison or BLANK)
        address = (node.address if node else None) or BLANK
        label = party_label(i)
        items.append(Item(f"{name}（{ROLE_NAMES[role]}）；地址：{address}；"
                          f"代表人：{representative}。", lead=f"{label}："))
        sign_parties.append(SignParty(
            label=label, name=name, signer=sig.signer if sig else "",
            date=_cn_date(sig.signed_at.date()) if sig else ""))

    rows: list[tuple[str, ...]] = []
    for pid in agreement.project_ids:
        p = projects.get(pid)
        if p is None:
            continue
        cat = TAXONOMY[p.category].name if p.category in TAXONOMY else p.category
        unit = units[p.unit_id].name if p.unit_id in units else ""
        rows.append((str(len(rows) + 1), p.title, cat, unit, f"{p.quantity}{p.unit_of_measure}",
                     _period(p.start, p.end, short=True)))
    clauses = [strip_number(t) for t in agreement.terms.splitlines() if t.strip()]
    n = len(sign_parties)
    blocks: list[Block] = [
        Para(INTRO),
        Part("签约各方"), *items,
        Part("共建项目"), Para("各方确认按下表开展共建："),
        Table(PROJECT_COLUMNS, tuple(rows)),
        Part("协议期限"), Para(f"本协议期限自{_period(agreement.start, agreement.end)}。"),
        Part("各方责任"), *(Item(c) for c in clauses),
        Part("其他约定"),
        Item("本协议未尽事宜，由各方协商解决；协商变更的内容以书面形式确认。"),
        Item(f"本协议一式{chinese_ordinal(n)}份，各方各执一份，具有同等效力，"
             "自各方签字盖章之日起生效。"),
        Signatures(tuple(sign_parties)),
    ]
    return Document(title="共建协议", subtitle=agreement.title, number=agreement.number or "",
                    blocks=tuple(blocks), note="（以下无正文）")


def _cn_date(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _period(start: dt.date | None, end: dt.date | None, *, short: bool = False) -> str:
    if start is None and end is None:
        return "长期" if short else "签署之日起长期有效"
    a = _cn_date(start) if start else "签署之日"
    b = _cn_date(end) if end else "另行约定"
    return f"{a}至{b}" if short else f"{a}起至{b}止"


def document_html(store: GraphStore, who: Identity, agreement_id: str) -> str:
    return render_html(document(store, who, agreement_id))


def document_docx(store: GraphStore, who: Identity, agreement_id: str) -> bytes:
    return render_docx(document(store, who, agreement_id))


def document_pdf(store: GraphStore, who: Identity, agreement_id: str) -> bytes:
    return render_pdf(document(store, who, agreement_id))
