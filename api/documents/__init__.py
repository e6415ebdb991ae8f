"""Documents people print and file: one plain model, rendered to DOCX, PDF, HTML and XLSX.

:mod:`~api.documents.model` holds the document as data and the look of official
documents (公文: A4, fonts by role with fallbacks, numbering); :mod:`~api.documents.docx`,
:mod:`~api.documents.pdf` and :mod:`~api.documents.html` render it; the services build it
(agreements, feedback reports, meeting packets) and never format pages themselves.
"""

from api.documents.docx import render_docx
from api.documents.html import render_html
from api.documents.model import (
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
    strip_number,
)
from api.documents.pdf import render_pdf
from api.documents.xlsx import Sheet, SheetColumn, render_xlsx

__all__ = ["Column", "Document", "Item", "Para", "Part", "Sheet", "SheetColumn", "SignParty",
           "Signatures", "Table", "chinese_ordinal", "party_label", "render_docx",
           "render_html", "render_pdf", "render_xlsx", "strip_number"]
