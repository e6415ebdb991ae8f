"""The co-building agreement as an office prints it: A4, numbered parts, seals, no ids."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re

import pytest
from docx import Document as read_docx
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from pypdf import PdfReader

from api.documents import Column, Document, Table, render_pdf
from api.errors import InvalidRequest
from api.services import agreements, projects
from graph import AGREEMENT, PROJECT, Agreement, AuditEntry, GraphStore, Project
from tests.api.world import identity, propose

NOW = dt.datetime(2026, 3, 1, 9, 0, tzinfo=dt.UTC)
A4_PT = (595.28, 841.89)



def resolved(store: GraphStore, pid: str, need: str = "N1", resource: str = "R1",
             start: dt.date = dt.date(2026, 1, 1), end: dt.date = dt.date(2026, 12, 31)
             ) -> Project:
    p = propose(store, pid, need, resource)
    store.upsert([p.model_copy(update={"start": start, "end": end})])
    for action in ("claim", "confirm", "submit", "resolve"):
        current = store.get(Project, pid)
        projects.transition(store, identity(store, "district"), pid, action, current.version)
    return store.get(Project, pid)


def signed_agreement(store: GraphStore) -> Agreement:
    resolved(store, "P1")
    ag = agreements.draft(store, identity(store, "community"), ["P1"], now=NOW)
    return agreements.sign(store, identity(store, "unit"), ag.id, ag.version, signer="王敏",
                           now=NOW)


def pdf_pages(data: bytes) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages]


def internal_words(ag: Agreement) -> list[str]:
    """What must never appear in the printed text: ids and workflow states."""
    return [ag.id, "AG-", *ag.project_ids, *ag.unit_ids, ag.community_id, ag.street_id,
            *AGREEMENT.states.values(), *(s for s in PROJECT.states.values() if s != "已签协议")]


def test_the_agreement_pdf_is_a4_names_the_parties_and_shows_no_internal_id(
        world: GraphStore) -> None:
    ag = signed_agreement(world)
    reader = PdfReader(io.BytesIO(agreements.document_pdf(world, identity(world, "street"),
                                                          ag.id)))
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == pytest.approx(A4_PT,
                                                                                            abs=0.5)
    text = "\n".join(p.extract_text() for p in reader.pages)
    flat = re.sub(r"\s+", "", text)
    for word in ("共建协议", "湖北路共建〔2026〕1号", "甲方", "湖北路街道党工委", "乙方",
                 "唐村社区", "丙方", "涧西区人民医院", "医生每月义诊", "12次", "（以下无正文）",
                 "代表人（签字）", "王敏", "2026年3月1日起至2026年12月31日止"):
        assert word in flat, word
    for word in internal_words(ag):
        assert word not in flat, word


def test_the_agreement_docx_is_a4_in_black_official_fonts_and_shows_no_internal_id(
        world: GraphStore) -> None:
    ag = signed_agreement(world)
    doc = read_docx(io.BytesIO(agreements.document_docx(world, identity(world, "unit"),
                                                        ag.id)))
    section = doc.sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert (section.page_width.mm, section.page_height.mm) == pytest.approx((210, 297), abs=0.1)
    normal = doc.styles["Normal"].element.rPr.rFonts  # type: ignore[attr-defined]
    assert normal.get(qn("w:eastAsia")) == "仿宋"
    paragraphs = [p.text for p in doc.paragraphs]
    cells = [c.text for t in doc.tables for row in t.rows for c in row.cells]
    text = "\n".join(paragraphs + cells)
    for word in ("共建协议", "湖北路共建〔2026〕1号", "一、签约各方", "甲方：", "丙方：",
                 "涧西区人民医院", "医生每月义诊", "四、各方责任", "（一）"):
        assert word in text, word
    for word in internal_words(ag):
        assert word not in text, word
    colours = {r.font.color.rgb for p in doc.paragraphs for r in p.runs if r.text}
    assert {str(c) for c in colours} == {"000000"}


def test_clauses_are_numbered_within_their_part_whatever_numbers_were_typed(
        world: GraphStore) -> None:
    resolved(world, "P1")
    ag = agreements.draft(world, identity(world, "community"), ["P1"], now=NOW,
                          terms="一、单位按期提供服务\n二、社区做好记实\n(三) 街道督促落实")
    text = agreements.document(world, identity(world, "community"), ag.id).text()
    part = text.split("四、各方责任\n", 1)[1].split("\n五、", 1)[0]
    assert part.splitlines() == ["（一）单位按期提供服务", "（二）社区做好记实",
                                 "（三）街道督促落实"]
    later = text.split("五、其他约定\n", 1)[1].splitlines()
    assert later[0].startswith("（一）") and later[1].startswith("（二）")


def test_the_signature_block_stays_on_one_page_however_long_the_projects_table(
        world: GraphStore) -> None:
    ag = signed_agreement(world)
    base = agreements.document(world, identity(world, "street"), ag.id)
    table = next(b for b in base.blocks if isinstance(b, Table))
    moved = 0
    for n in range(1, 22):
        rows = tuple((str(i), f"项目{i}", "家庭医疗", "涧西区人民医院", "12次", "长期")
                     for i in range(1, n + 1))
        doc = dataclasses.replace(base, blocks=tuple(
            dataclasses.replace(table, rows=rows) if b is table else b for b in base.blocks))
        pages = pdf_pages(render_pdf(doc))
        holding = [i for i, t in enumerate(pages)
                   if "（盖章）" in t or "代表人（签字）" in t]
        assert len(holding) == 1, f"{n} rows: signature block on pages {holding}"
        counts = [pages[holding[0]].count(w) for w in ("（盖章）", "代表人（签字）", "日期：")]
        assert counts == [3, 3, 3], f"{n} rows: {counts}"
        last_row_page = max(i for i, t in enumerate(pages) if f"项目{n}" in t)
        moved += holding[0] > last_row_page
    assert moved, "no table length pushed the block to a new page: the test proves nothing"


def test_each_party_box_leaves_room_for_a_four_centimetre_seal(world: GraphStore) -> None:
    ag = signed_agreement(world)
    doc = read_docx(io.BytesIO(agreements.document_docx(world, identity(world, "unit"),
                                                        ag.id)))
    block = doc.tables[-1]
    assert len(block.rows) == 1
    tr_pr = block.rows[0]._tr.trPr
    assert tr_pr is not None and tr_pr.find(qn("w:cantSplit")) is not None
    for cell in block.rows[0].cells:
        assert all(p.paragraph_format.keep_with_next for p in cell.paragraphs)
        texts = [p.text for p in cell.paragraphs]
        stamps = [i for i, t in enumerate(texts) if "（盖章）" in t]
        assert stamps
        for i in stamps:
            end = next(j for j in range(i, len(texts)) if texts[j].startswith("代表人"))
            blank = [p for p in cell.paragraphs[i + 2:end] if not p.text]
            room = sum(p.paragraph_format.line_spacing or Pt(28) for p in blank)
            assert room >= Mm(40) - Mm(0.2), f"{room / 36000:.1f} mm"


def test_a_renderer_gets_one_source_and_the_pdf_wraps_long_cells() -> None:
    doc = Document(title="测试", blocks=(
        Table((Column("项目名称", 40), Column("说明", 116)),
              (("很长的项目名称" * 6, "说明文字" * 40),)),))
    pages = pdf_pages(render_pdf(doc))
    assert len(pages) == 1 and "很长的项目名称" in pages[0]


def test_the_agreement_period_lies_within_its_projects_periods(world: GraphStore) -> None:
    resolved(world, "P1", start=dt.date(2026, 2, 1), end=dt.date(2026, 6, 30))
    who = identity(world, "community")
    with pytest.raises(InvalidRequest, match="晚于所覆盖项目的最晚结束日期 2026年6月30日"):
        agreements.draft(world, who, ["P1"], end=dt.date(2027, 6, 30), now=NOW)
    with pytest.raises(InvalidRequest, match="早于所覆盖项目的最早开始日期 2026年2月1日"):
        agreements.draft(world, who, ["P1"], start=dt.date(2026, 1, 15),
                         backdate_reason="年初已口头约定", now=NOW)
    ag = agreements.draft(world, who, ["P1"], now=NOW)
    assert (ag.start, ag.end) == (dt.date(2026, 3, 1), dt.date(2026, 6, 30))


def test_a_back_dated_agreement_needs_a_reason_that_the_trail_keeps(
        world: GraphStore) -> None:
    resolved(world, "P1", start=dt.date(2026, 1, 1))
    who = identity(world, "community")
    with pytest.raises(InvalidRequest, match="早于今天.*补签理由"):
        agreements.draft(world, who, ["P1"], start=dt.date(2026, 2, 1), now=NOW)
    ag = agreements.draft(world, who, ["P1"], start=dt.date(2026, 2, 1),
                          backdate_reason="二月已开始服务，补签协议", now=NOW)
    assert ag.start == dt.date(2026, 2, 1) and ag.backdate_reason
    lines = world.list(AuditEntry, filters={"target_id": ag.id}).items
    assert any("二月已开始服务" in line.note for line in lines)


def test_document_numbers_count_up_per_street_and_year(world: GraphStore) -> None:
    resolved(world, "P1")
    resolved(world, "P2", need="N2", resource="R2")
    resolved(world, "P3", need="N3", resource="R3")
    a = agreements.draft(world, identity(world, "community"), ["P1"], now=NOW)
    b = agreements.draft(world, identity(world, "street"), ["P2"], now=NOW)
    c = agreements.draft(world, identity(world, "street2"), ["P3"], now=NOW)
    assert (a.number, b.number) == ("湖北路共建〔2026〕1号", "湖北路共建〔2026〕2号")
    assert c.number == "天津路共建〔2026〕1号"
