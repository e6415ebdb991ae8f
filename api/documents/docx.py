"""A :class:`~api.documents.model.Document` as a Word file (python-docx)."""

from __future__ import annotations

import io
from typing import Any

from docx import Document as new_docx
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, RGBColor

from api.documents.model import (
    FONTS,
    LINE_PT,
    MARGINS_MM,
    PAGE_MM,
    SEAL_MM,
    SIZES,
    Document,
    Item,
    Para,
    Part,
    Signatures,
    Table,
    numbered,
)

__all__ = ["render_docx"]

BLACK = RGBColor(0, 0, 0)
ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
         "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}


def render_docx(document: Document) -> bytes:
    doc = new_docx()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    normal = doc.styles["Normal"]
    _font(normal, "body", SIZES["body"])
    pf = normal.paragraph_format
    pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    pf.line_spacing = Pt(LINE_PT)
    pf.space_before = pf.space_after = Pt(0)
    _font_alternatives(doc)
    _page_number_footer(section)

    _line(doc, document.title, "title", SIZES["title"], "center", space_after=6)
    if document.subtitle:
        _line(doc, document.subtitle, "item", SIZES["subtitle"], "center")
    if document.number:
        _line(doc, document.number, "body", SIZES["number"], "center", space_after=12)
    for block, prefix in numbered(document.blocks):
        match block:
            case Part(title=t):
                p = _line(doc, prefix + t, "heading", SIZES["heading"], "justify", indent=True)
                p.paragraph_format.keep_with_next = True
            case Item(text=t, lead=lead):
                p = doc.add_paragraph()
                p.paragraph_format.first_line_indent = Pt(2 * SIZES["body"])
                p.alignment = ALIGN["justify"]
                _run(p, prefix + lead, "item", SIZES["item"])
                _run(p, t, "body", SIZES["body"])
            case Para(text=t, indent=indent, align=align):
                _line(doc, t, "body", SIZES["body"], align, indent=indent)
            case Table():
                _table(doc, block)
            case Signatures():
                _signatures(doc, block, document.note)
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _font(target: Any, role: str, size: float) -> None:
    """Set the East Asian and Latin font of a style or a run, black."""
    name = FONTS[role][0]
    target.font.name = name
    target.font.size = Pt(size)
    target.font.color.rgb = BLACK
    rpr = target.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


def _run(paragraph: Any, text: str, role: str, size: float) -> Any:
    run = paragraph.add_run(text)
    _font(run, role, size)
    return run


def _line(doc: Any, text: str, role: str, size: float, align: str, *, indent: bool = False,
          space_after: float = 0) -> Any:
    p = doc.add_paragraph()
    p.alignment = ALIGN[align]
    if indent:
        p.paragraph_format.first_line_indent = Pt(2 * size)
    if space_after:
        p.paragraph_format.space_after = Pt(space_after)
    _run(p, text, role, size)
    return p


def _table(doc: Any, block: Table) -> None:
    table = doc.add_table(rows=1, cols=len(block.columns))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    header = table.rows[0]
    _repeat_header(header)
    for column, col in zip(table.columns, block.columns, strict=True):
        column.width = Mm(col.width_mm)  # the grid, which LibreOffice reads
    for cell, col in zip(header.cells, block.columns, strict=True):
        _cell(cell, col.name, "heading", "center", col.width_mm)
    for values in block.rows:
        row = table.add_row()
        _cant_split(row)
        for cell, col, value in zip(row.cells, block.columns, values, strict=True):
            _cell(cell, value, "table", col.align, col.width_mm)
    doc.add_paragraph()


def _cell(cell: Any, text: str, role: str, align: str, width_mm: float) -> None:
    cell.width = Mm(width_mm)
    p = cell.paragraphs[0]
    p.alignment = ALIGN[align]
    p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.SINGLE
    p.paragraph_format.first_line_indent = Pt(0)
    _run(p, text, role, SIZES["table"])


def _signatures(doc: Any, block: Signatures, note: str) -> None:
    if note:  # closes the text where it ends
        _line(doc, note, "body", SIZES["body"], "center")
    cols = block.columns
    width = (PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]) / cols
    # one row that may not split: the whole block moves to the next page together
    table = doc.add_table(rows=1, cols=cols)
    table.autofit = False
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for column in table.columns:
        column.width = Mm(width)
    row = table.rows[0]
    _cant_split(row)
    for c, cell in enumerate(row.cells):
        cell.width = Mm(width)
        first = True
        for party in block.parties[c::cols]:
            paragraphs = [
                (f"{party.label}（盖章）：", "heading"),
                (party.name, "body"),
                ("", "body"),  # the seal goes over these lines
                ("", "body"),
                ("", "body"),
                (f"代表人（签字）：{party.signer or '＿＿＿＿＿＿'}", "body"),
                (f"日期：{party.date or '＿＿＿＿年＿＿月＿＿日'}", "body"),
            ]
            for i, (text, role) in enumerate(paragraphs):
                p = cell.paragraphs[0] if first else cell.add_paragraph()
                first = False
                p.paragraph_format.keep_with_next = True
                if i == 2:
                    # room for a 4 cm seal between the name and the signature line
                    p.paragraph_format.line_spacing_rule = WD_LINE_SPACING.EXACTLY
                    p.paragraph_format.line_spacing = Pt(SEAL_MM / 25.4 * 72 - 2 * LINE_PT)
                if i == 6:
                    p.paragraph_format.space_after = Pt(LINE_PT)
                _run(p, text, role, SIZES["signature"])


def _cant_split(row: Any) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:cantSplit")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _repeat_header(row: Any) -> None:
    tr_pr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    tr_pr.append(el)


def _page_number_footer(section: Any) -> None:
    """— 1 — centred at the foot of every page, as official documents number pages."""
    p = section.footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _run(p, "— ", "table", SIZES["number"])
    run = _run(p, "", "table", SIZES["number"])
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
        else:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = text
        run._r.append(el)
    _run(p, " —", "table", SIZES["number"])


def _font_alternatives(doc: Any) -> None:
    """Name each font's fallbacks in the font table, so Word substitutes sensibly."""
    from lxml import etree

    part = next((p for p in doc.part.package.iter_parts()
                 if str(p.partname) == "/word/fontTable.xml"), None)
    if part is None or not hasattr(part, "_blob"):
        return
    root = etree.fromstring(part.blob)
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    for names in FONTS.values():
        if root.find(f"{{{w}}}font[@{{{w}}}name='{names[0]}']") is not None:
            continue
        font = etree.SubElement(root, f"{{{w}}}font", {f"{{{w}}}name": names[0]})
        etree.SubElement(font, f"{{{w}}}altName", {f"{{{w}}}val": ",".join(names[1:])})
        etree.SubElement(font, f"{{{w}}}charset", {f"{{{w}}}val": "86"})  # GB2312
        etree.SubElement(font, f"{{{w}}}family", {f"{{{w}}}val": "auto"})
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                standalone=True)
