"""A printed document as plain data, written once and rendered to DOCX, PDF and HTML.

The look is that of an official document (公文): A4, black text, the title centred in a
large Song face, parts numbered 一、 in a bold sans (黑体), items numbered （一） in Kai
(楷体) restarting in every part, body text in FangSong/Song (仿宋/宋体). Numbers are given
by :func:`numbered`, never typed into the text, so a clause is numbered within its part.

Fonts are named by role with fallbacks (:data:`FONTS`): a Word document names the first
and lists the others as alternatives; the PDF embeds the first that the machine has.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

# role -> font names, preferred first (the names Windows offices have, then free fonts)
FONTS: dict[str, tuple[str, ...]] = {
    "title": ("方正小标宋简体", "华文中宋", "宋体", "SimSun", "AR PL UMing CN"),
    "heading": ("黑体", "SimHei", "WenQuanYi Zen Hei", "AR PL UMing CN"),
    "item": ("楷体", "KaiTi", "楷体_GB2312", "AR PL UKai CN", "AR PL UMing CN"),
    "body": ("仿宋", "FangSong", "仿宋_GB2312", "宋体", "SimSun", "AR PL UMing CN"),
    "table": ("宋体", "SimSun", "AR PL UMing CN"),
}

# sizes in points: 二号 22, 三号 16, 四号 14, 小四 12
SIZES = {"title": 22.0, "subtitle": 16.0, "heading": 16.0, "item": 16.0, "body": 16.0,
         "table": 12.0, "number": 14.0, "signature": 14.0}
LINE_PT = 28.0  # fixed line pitch of body text (公文: 22 lines a page)

# A4 and the margins of GB/T 9704 (mm)
PAGE_MM = (210.0, 297.0)
MARGINS_MM = {"top": 37.0, "bottom": 35.0, "left": 28.0, "right": 26.0}
TEXT_WIDTH_MM = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]

SEAL_MM = 40.0  # room for a round seal of 4 cm in every party's signature box

CN_DIGITS = "零一二三四五六七八九"
PARTY_LABELS = "甲乙丙丁戊己庚辛壬癸"


def chinese_ordinal(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (up to 99).

    >>> [chinese_ordinal(n) for n in (1, 10, 12, 20, 21)]
    ['一', '十', '十二', '二十', '二十一']
    """
    if not 0 < n < 100:
        return str(n)
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else CN_DIGITS[tens] + "十")
    return head + (CN_DIGITS[ones] if ones else "")


def party_label(i: int) -> str:
    """The i-th party (from 0): 甲方, 乙方, 丙方…"""
    return (PARTY_LABELS[i] if i < len(PARTY_LABELS) else chinese_ordinal(i + 1)) + "方"


_LEADING_NUMBER = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）]|\d+[、.．)）])\s*")


def strip_number(text: str) -> str:
    """A clause without the number someone typed before it (we number it ourselves).

    >>> [strip_number(t) for t in ("四、保护个人信息", "（二）按时提供", "3. 本协议")]
    ['保护个人信息', '按时提供', '本协议']
    """
    return _LEADING_NUMBER.sub("", text, count=1)


@dataclass(frozen=True)
class Part:
    """A numbered part: 一、签约各方."""

    title: str


@dataclass(frozen=True)
class Item:
    """A numbered item inside the current part, （一）…, with a body after its lead."""

    text: str
    lead: str = ""  # words set in the heading face before the text, e.g. 甲方：


@dataclass(frozen=True)
class Para:
    """A body paragraph, first line indented by two characters unless ``indent`` is off."""

    text: str
    indent: bool = True
    align: str = "justify"  # justify | right | center


@dataclass(frozen=True)
class Column:
    name: str
    width_mm: float
    align: str = "left"  # left | center | right


@dataclass(frozen=True)
class Table:
    columns: tuple[Column, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class SignParty:
    label: str  # 甲方
    name: str  # 武汉路街道党工委
    signer: str = ""  # filled when signed in the system; else a line for the pen
    date: str = ""  # 2026年3月1日, or blank for the pen


@dataclass(frozen=True)
class Signatures:
    """The signature and seal block: one box per party, kept on one page."""

    parties: tuple[SignParty, ...]
    columns: int = 2


Block = Part | Item | Para | Table | Signatures


@dataclass(frozen=True)
class Document:
    title: str
    blocks: tuple[Block, ...]
    number: str = ""  # the office's document number (文号)
    subtitle: str = ""
    note: str = ""  # a line below the last block, e.g. （以下无正文）

    def text(self) -> str:
        """All words of the document, as a reader sees them (for search and tests)."""
        lines = [self.number, self.title, self.subtitle]
        for block, prefix in numbered(self.blocks):
            match block:
                case Part(title=t):
                    lines.append(prefix + t)
                case Item(text=t, lead=lead):
                    lines.append(prefix + lead + t)
                case Para(text=t):
                    lines.append(t)
                case Table(columns=cols, rows=rows):
                    lines.append(" ".join(c.name for c in cols))
                    lines.extend(" ".join(r) for r in rows)
                case Signatures(parties=ps):
                    lines.extend(f"{p.label}（盖章）：{p.name}" for p in ps)
        return "\n".join(x for x in lines if x)


@dataclass
class _Counter:
    part: int = 0
    item: int = 0
    seen: list[str] = field(default_factory=list)


def numbered(blocks: tuple[Block, ...]) -> Iterator[tuple[Block, str]]:
    """Each block with its number: 一、 for parts, （一） for items, restarting per part."""
    c = _Counter()
    for block in blocks:
        if isinstance(block, Part):
            c.part += 1
            c.item = 0
            yield block, f"{chinese_ordinal(c.part)}、"
        elif isinstance(block, Item):
            c.item += 1
            yield block, f"（{chinese_ordinal(c.item)}）"
        else:
            yield block, ""
