"""A :class:`~api.documents.model.Document` as a PDF for printing without Word (reportlab).

The CJK fonts are embedded (subset) from the first file found for each role's names in
:data:`~api.documents.model.FONTS`: the Windows fonts where they exist, else the free
AR PL UMing / UKai and WenQuanYi Zen Hei that the project's setup installs from Debian
(``.ci/run``). With none of them, reportlab's built-in Adobe Song (STSong-Light, not
embedded) keeps the document readable.
"""

from __future__ import annotations

import functools
import io
from pathlib import Path
from typing import Any

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

__all__ = ["FONT_FILES", "pdf_fonts", "render_pdf"]

# font name -> (file, index in a collection); the places Windows and Debian keep them
_WIN = Path("C:/Windows/Fonts")
_DEB = Path("/usr/share/fonts/truetype")
FONT_FILES: dict[str, tuple[Path, int]] = {
    "仿宋": (_WIN / "simfang.ttf", 0), "FangSong": (_WIN / "simfang.ttf", 0),
    "楷体": (_WIN / "simkai.ttf", 0), "KaiTi": (_WIN / "simkai.ttf", 0),
    "黑体": (_WIN / "simhei.ttf", 0), "SimHei": (_WIN / "simhei.ttf", 0),
    "宋体": (_WIN / "simsun.ttc", 0), "SimSun": (_WIN / "simsun.ttc", 0),
    "AR PL UMing CN": (_DEB / "arphic" / "uming.ttc", 1),
    "AR PL UKai CN": (_DEB / "arphic" / "ukai.ttc", 1),
    "WenQuanYi Zen Hei": (_DEB / "wqy" / "wqy-zenhei.ttc", 0),
}
FALLBACK_CID = "STSong-Light"


@functools.cache
def pdf_fonts() -> dict[str, str]:
    """Role -> the reportlab font name registered for it (embedded where possible)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfbase.ttfonts import TTFont

    chosen: dict[str, str] = {}
    registered: set[str] = set()
    for role, names in FONTS.items():
        for name in names:
            spec = FONT_FILES.get(name)
            if spec is None or not spec[0].is_file():
                continue
            path, index = spec
            key = f"gj-{path.stem}-{index}"
            if key not in registered:
                pdfmetrics.registerFont(TTFont(key, str(path), subfontIndex=index))
                registered.add(key)
            chosen[role] = key
            break
        else:
            if FALLBACK_CID not in registered:
                pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK_CID))
                registered.add(FALLBACK_CID)
            chosen[role] = FALLBACK_CID
    return chosen


def render_pdf(document: Document) -> bytes:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer
    from reportlab.platypus import Table as RlTable

    fonts = pdf_fonts()
    aligns = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}

    def style(role: str, size: float, align: str = "justify", indent: bool = False,
              leading: float | None = None, after: float = 0, keep: bool = False
              ) -> ParagraphStyle:
        return ParagraphStyle(
            f"{role}-{size}-{align}-{indent}-{keep}", fontName=fonts[role], fontSize=size,
            leading=leading or max(LINE_PT, size * 1.3), alignment=aligns[align],
            firstLineIndent=2 * size if indent else 0, wordWrap="CJK",
            textColor=colors.black, spaceAfter=after, keepWithNext=keep)

    def esc(text: str) -> str:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    def font(role: str, text: str) -> str:
        return f'<font name="{fonts[role]}">{esc(text)}</font>'

    story: list[Any] = [Paragraph(esc(document.title),
                                  style("title", SIZES["title"], "center", after=6))]
    if document.subtitle:
        story.append(Paragraph(esc(document.subtitle), style("item", SIZES["subtitle"],
                                                             "center")))
    if document.number:
        story.append(Paragraph(esc(document.number), style("body", SIZES["number"], "center",
                                                           after=12)))
    for block, prefix in numbered(document.blocks):
        match block:
            case Part(title=t):
                story.append(Paragraph(esc(prefix + t), style("heading", SIZES["heading"],
                                                              indent=True, keep=True)))
            case Item(text=t, lead=lead):
                story.append(Paragraph(font("item", prefix + lead) + esc(t),
                                       style("body", SIZES["body"], indent=True)))
            case Para(text=t, indent=indent, align=align):
                story.append(Paragraph(esc(t), style("body", SIZES["body"], align, indent)))
            case Table(columns=cols, rows=rows):
                head = [Paragraph(esc(c.name), style("heading", SIZES["table"], "center",
                                                     leading=SIZES["table"] * 1.4))
                        for c in cols]
                body = [[Paragraph(esc(v), style("table", SIZES["table"], c.align,
                                                 leading=SIZES["table"] * 1.4))
                         for v, c in zip(r, cols, strict=True)] for r in rows]
                table = RlTable([head, *body], colWidths=[c.width_mm * mm for c in cols],
                                repeatRows=1)
                table.setStyle([
                    ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("TOPPADDING", (0, 0), (-1, -1), 3),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
                ])
                story.extend([Spacer(1, 4), table, Spacer(1, 12)])
            case Signatures():
                story.extend(_signature_block(block, document.note, style, esc, mm))

    buf = io.BytesIO()
    template = SimpleDocTemplate(
        buf, pagesize=(PAGE_MM[0] * mm, PAGE_MM[1] * mm), title=document.title,
        author="", subject="", creator="gongjian",
        topMargin=MARGINS_MM["top"] * mm, bottomMargin=MARGINS_MM["bottom"] * mm,
        leftMargin=MARGINS_MM["left"] * mm, rightMargin=MARGINS_MM["right"] * mm)

    def page_number(canvas: Any, doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(fonts["table"], SIZES["number"])
        canvas.drawCentredString(PAGE_MM[0] * mm / 2, (MARGINS_MM["bottom"] - 14) * mm,
                                 f"— {doc.page} —")
        canvas.restoreState()

    template.build(story, onFirstPage=page_number, onLaterPages=page_number)
    return buf.getvalue()


def _signature_block(block: Signatures, note: str, style: Any, esc: Any, mm: float
                     ) -> list[Any]:
    """The boxes of all parties in one KeepTogether: never split across pages."""
    from reportlab.platypus import KeepTogether, Paragraph, Spacer
    from reportlab.platypus import Table as RlTable

    size = SIZES["signature"]
    cols = block.columns
    width = (PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]) / cols * mm

    def box(i: int) -> list[Any]:
        if i >= len(block.parties):
            return []
        p = block.parties[i]
        return [
            Paragraph(esc(f"{p.label}（盖章）："), style("heading", size, "left")),
            Paragraph(esc(p.name), style("body", size, "left")),
            Spacer(1, SEAL_MM * mm),  # room for a 4 cm seal
            Paragraph(esc(f"代表人（签字）：{p.signer or '＿＿＿＿＿＿'}"),
                      style("body", size, "left")),
            Paragraph(esc(f"日期：{p.date or '＿＿＿＿年＿＿月＿＿日'}"),
                      style("body", size, "left")),
        ]

    rows = [[box(r + c) for c in range(cols)] for r in range(0, len(block.parties), cols)]
    table = RlTable(rows, colWidths=[width] * cols)
    table.setStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 18),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    # the note closes the text where it ends; the boxes move together if they must
    return [Paragraph(esc(note), style("body", SIZES["body"], "center")) if note
            else Spacer(1, 0), KeepTogether([Spacer(1, 12), table])]
