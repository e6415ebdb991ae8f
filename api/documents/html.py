"""A :class:`~api.documents.model.Document` as a printable web page (A4 when printed)."""

from __future__ import annotations

import html

from api.documents.model import (
    FONTS,
    MARGINS_MM,
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

__all__ = ["render_html"]


def _family(role: str) -> str:
    return ", ".join(f'"{n}"' for n in FONTS[role]) + ", serif"


def render_html(document: Document) -> str:
    e = html.escape
    body: list[str] = [f"<h1>{e(document.title)}</h1>"]
    if document.subtitle:
        body.append(f'<p class="subtitle">{e(document.subtitle)}</p>')
    if document.number:
        body.append(f'<p class="number">{e(document.number)}</p>')
    for block, prefix in numbered(document.blocks):
        match block:
            case Part(title=t):
                body.append(f"<h2>{e(prefix + t)}</h2>")
            case Item(text=t, lead=lead):
                body.append(f'<p><span class="item">{e(prefix + lead)}</span>{e(t)}</p>')
            case Para(text=t, indent=indent, align=align):
                cls = "" if indent else ' class="flat"'
                body.append(f'<p{cls} style="text-align:{align}">{e(t)}</p>')
            case Table(columns=cols, rows=rows):
                head = "".join(f'<th style="width:{c.width_mm}mm">{e(c.name)}</th>'
                               for c in cols)
                trs = "".join(
                    "<tr>" + "".join(f'<td style="text-align:{c.align}">{e(v)}</td>'
                                     for v, c in zip(r, cols, strict=True)) + "</tr>"
                    for r in rows)
                body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{trs}</tbody>"
                            "</table>")
            case Signatures(parties=parties):
                boxes = "".join(
                    f'<div class="party"><b>{e(p.label)}（盖章）：</b><br>{e(p.name)}'
                    f'<div class="seal"></div>代表人（签字）：{e(p.signer) or "＿＿＿＿＿＿"}'
                    f'<br>日期：{e(p.date) or "＿＿＿＿年＿＿月＿＿日"}</div>'
                    for p in parties)
                note = f'<p class="flat" style="text-align:center">{e(document.note)}</p>'
                body.append(f'<section class="signatures">{note if document.note else ""}'
                            f"{boxes}</section>")
    m = MARGINS_MM
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>{e(document.title)}</title>
<style>
@page {{ size: A4; margin: {m['top']}mm {m['right']}mm {m['bottom']}mm {m['left']}mm; }}
body {{ font-family: {_family('body')}; font-size: {SIZES['body']}pt; color: #000;
       max-width: 156mm; margin: 2em auto; line-height: 1.75; }}
h1 {{ font-family: {_family('title')}; font-size: {SIZES['title']}pt; text-align: center;
     font-weight: normal; margin: 0 0 .3em; }}
h2 {{ font-family: {_family('heading')}; font-size: {SIZES['heading']}pt; font-weight: normal;
     text-indent: 2em; margin: .2em 0; }}
.item {{ font-family: {_family('item')}; }}
p {{ text-indent: 2em; margin: 0; text-align: justify; }} p.flat {{ text-indent: 0; }}
.subtitle, .number {{ text-align: center; text-indent: 0; }}
table {{ border-collapse: collapse; width: 100%; font-family: {_family('table')};
        font-size: {SIZES['table']}pt; margin: .5em 0 1em; }}
td, th {{ border: 1px solid #000; padding: .2em .4em; }}
th {{ font-family: {_family('heading')}; font-weight: normal; }}
.signatures {{ break-inside: avoid; page-break-inside: avoid; display: grid;
              grid-template-columns: 1fr 1fr; gap: 1em 2em; margin-top: 1em;
              font-size: {SIZES['signature']}pt; }}
.signatures > p {{ grid-column: 1 / -1; }}
.seal {{ height: {SEAL_MM}mm; }}
</style></head><body>
{"".join(body)}
</body></html>
"""
