"""Co-building agreements (共建协议): draft, sign by each party, activate, end; and the
agreement as a printable Chinese document (HTML and DOCX).

An agreement covers one or more *resolved* projects of one community. Its parties are the
street committee, the community organization and every resident unit of its projects;
each signs for itself, and when the last has signed the agreement is sealed (签署 →
已签署). Activation moves its projects to 已签协议 in the same transaction.
"""

from __future__ import annotations

import datetime as dt
import html
import io
from typing import Any

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
)

__all__ = ["DEFAULT_TERMS", "activate", "document", "document_docx", "document_html", "draft",
           "end", "get_agreement", "list_agreements", "parties", "sign"]

DEFAULT_TERMS = (
    "一、各方按本协议所列项目、数量和期限开展共建，驻区单位按时提供资源与服务，"
    "社区党组织负责组织居民、提供场地并做好服务记实。\n"
    "二、街道党工委负责统筹协调、督促落实，并将履约情况纳入年度考评。\n"
    "三、项目实施中如需调整，由提出方书面说明，经各方协商一致后变更；"
    "任何一方可书面通知终止本协议。\n"
    "四、各方应保护居民和党员个人信息，不得用于共建以外的用途。\n"
    "五、本协议自各方签署并生效之日起执行，至约定期限届满终止。"
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
          end: dt.date | None = None, now: dt.datetime | None = None) -> Agreement:
    """A draft agreement over resolved projects of one community."""
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
    starts = [p.start for p in projects if p.start]
    ends = [p.end for p in projects if p.end]
    agreement = Agreement(
        id=new_id("AG"), title=title or _default_title(store, first.community_id, unit_ids),
        project_ids=ids, community_id=first.community_id, street_id=first.street_id,
        unit_ids=unit_ids, status=AGREEMENT.initial,
        terms=DEFAULT_TERMS if terms is None else terms,
        start=start or (min(starts) if starts else None),
        end=end or (max(ends) if ends else None))
    require_write(who, agreement)
    store.upsert([agreement, audit(who, agreement, "draft", None, agreement.status,
                                   f"覆盖项目 {'、'.join(ids)}", now)])
    return store.get(Agreement, agreement.id)


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
    projects = store.get_many(Project, agreement.project_ids)
    for pid in agreement.project_ids:
        project = projects.get(pid)
        if project is None or project.status != "resolved":
            state = PROJECT.states.get(project.status, "") if project else "不存在"
            raise NotAllowed(f"协议覆盖的项目 {pid} 当前为「{state}」，协议不能生效；"
                             "请撤回协议或调整项目")
        target = PROJECT.apply(project.status, "agree", Role.SYSTEM)
        also.append(project.model_copy(update={"status": target}))
        also.append(AuditEntry(**{
            **audit(who, project, "agree", project.status, target,
                    f"协议 {agreement.id} 生效", at).model_dump(),
            "by_role": Role.SYSTEM}))
    return store.transition(Agreement, agreement.id, expected_version, {"status": status},
                            also=also)


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


def document(store: GraphStore, who: Identity, agreement_id: str) -> dict[str, Any]:
    """What the printed agreement shows, as plain values."""
    agreement = get_readable(store, who, Agreement, agreement_id)
    orgs = store.get_many(Organization, [agreement.street_id, agreement.community_id])
    units = store.get_many(ResidentUnit, agreement.unit_ids)
    projects = store.get_many(Project, agreement.project_ids)

    def org_name(i: str) -> str:
        return orgs[i].name if i in orgs else i

    signatures = {s.party_id: s for s in agreement.signatures}
    party_rows = []
    for party_id, role in parties(agreement):
        name = units[party_id].name if party_id in units else org_name(party_id)
        sig = signatures.get(party_id)
        party_rows.append({
            "role": ROLE_NAMES[role], "name": name,
            "signer": sig.signer if sig else "",
            "signed_at": sig.signed_at.strftime("%Y年%m月%d日") if sig else ""})
    rows = []
    for pid in agreement.project_ids:
        p = projects.get(pid)
        if p is None:
            continue
        cat = TAXONOMY[p.category].name if p.category in TAXONOMY else p.category
        period = _period(p.start, p.end)
        rows.append({"id": p.id, "title": p.title, "category": cat,
                     "unit": units[p.unit_id].name if p.unit_id in units else p.unit_id,
                     "quantity": f"{p.quantity} {p.unit_of_measure}", "period": period})
    return {
        "heading": "共建协议", "title": agreement.title, "id": agreement.id,
        "status": AGREEMENT.states.get(agreement.status, agreement.status),
        "street": org_name(agreement.street_id), "community": org_name(agreement.community_id),
        "period": _period(agreement.start, agreement.end), "parties": party_rows,
        "projects": rows, "terms": [t for t in agreement.terms.splitlines() if t.strip()],
    }


def _period(start: dt.date | None, end: dt.date | None) -> str:
    if start is None and end is None:
        return "长期"
    a = start.strftime("%Y年%m月%d日") if start else "签署之日"
    b = end.strftime("%Y年%m月%d日") if end else "另行约定"
    return f"{a}至{b}"


def document_html(store: GraphStore, who: Identity, agreement_id: str) -> str:
    d = document(store, who, agreement_id)
    e = html.escape
    party_items = "".join(f"<li>{e(p['role'])}：{e(p['name'])}</li>" for p in d["parties"])
    project_rows = "".join(
        f"<tr><td>{i}</td><td>{e(p['title'])}</td><td>{e(p['category'])}</td>"
        f"<td>{e(p['unit'])}</td><td>{e(p['quantity'])}</td><td>{e(p['period'])}</td></tr>"
        for i, p in enumerate(d["projects"], 1))
    terms = "".join(f"<p>{e(t)}</p>" for t in d["terms"])
    sign_rows = "".join(
        f"<tr><td>{e(p['role'])}</td><td>{e(p['name'])}</td>"
        f"<td>{e(p['signer']) or '（签字）'}</td>"
        f"<td>{e(p['signed_at']) or '　　年　　月　　日'}</td><td>（盖章）</td></tr>"
        for p in d["parties"])
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{e(d['title'])}</title>
<style>
body {{ font-family: "SimSun", "Songti SC", serif; max-width: 48em; margin: 2em auto;
       line-height: 1.8; }}
h1 {{ text-align: center; letter-spacing: .5em; }} h2 {{ font-size: 1.1em; }}
table {{ border-collapse: collapse; width: 100%; }}
td, th {{ border: 1px solid #333; padding: .3em .5em; }}
.meta {{ text-align: center; color: #444; }}
@media print {{ body {{ margin: 0; }} }}
</style></head><body>
<h1>{e(d['heading'])}</h1>
<p class="meta">{e(d['title'])}<br>协议编号：{e(d['id'])}　状态：{e(d['status'])}</p>
<h2>一、签约各方</h2><ul>{party_items}</ul>
<h2>二、共建项目</h2>
<table><tr><th>序号</th><th>项目</th><th>类别</th><th>提供单位</th><th>数量</th><th>期限</th></tr>
{project_rows}</table>
<h2>三、协议期限</h2><p>{e(d['period'])}</p>
<h2>四、协议条款</h2>{terms}
<h2>五、签署</h2>
<table><tr><th>签署方</th><th>名称</th><th>签署人</th><th>日期</th><th>印章</th></tr>
{sign_rows}</table>
</body></html>
"""


def document_docx(store: GraphStore, who: Identity, agreement_id: str) -> bytes:
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn

    d = document(store, who, agreement_id)
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "SimSun"
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "宋体")
    heading = doc.add_heading(d["heading"], level=0)
    heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
    meta = doc.add_paragraph(f"{d['title']}\n协议编号：{d['id']}　状态：{d['status']}")
    meta.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_heading("一、签约各方", level=1)
    for p in d["parties"]:
        doc.add_paragraph(f"{p['role']}：{p['name']}", style="List Bullet")
    doc.add_heading("二、共建项目", level=1)
    table = doc.add_table(rows=1, cols=6)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("序号", "项目", "类别", "提供单位", "数量", "期限"),
                          strict=True):
        cell.text = text
    for i, p in enumerate(d["projects"], 1):
        cells = table.add_row().cells
        for cell, text in zip(cells, (str(i), p["title"], p["category"], p["unit"],
                                      p["quantity"], p["period"]), strict=True):
            cell.text = text
    doc.add_heading("三、协议期限", level=1)
    doc.add_paragraph(d["period"])
    doc.add_heading("四、协议条款", level=1)
    for t in d["terms"]:
        doc.add_paragraph(t)
    doc.add_heading("五、签署", level=1)
    sig = doc.add_table(rows=1, cols=5)
    sig.style = "Table Grid"
    for cell, text in zip(sig.rows[0].cells, ("签署方", "名称", "签署人", "日期", "印章"),
                          strict=True):
        cell.text = text
    for p in d["parties"]:
        cells = sig.add_row().cells
        for cell, text in zip(cells, (p["role"], p["name"], p["signer"] or "（签字）",
                                      p["signed_at"] or "　　年　　月　　日", "（盖章）"),
                              strict=True):
            cell.text = text
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()
