"""Files people download (agreements, reports, lists, templates, exports): one answer shape.

The browser saves the file under its Chinese name (RFC 6266 ``filename*``); older clients
get the ASCII fallback. Neither name can break the header: the fallback keeps only safe
characters and the Chinese name is percent-encoded.
"""

from __future__ import annotations

import re
from urllib.parse import quote

from fastapi import Response

__all__ = ["DOCX", "PDF", "XLSX", "agreement_download", "download"]

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF = "application/pdf"

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def download(content: bytes, media: str, name: str, *, fallback: str,
             no_store: bool = False) -> Response:
    """``content`` as an attachment named ``name`` (any language), ``fallback`` in ASCII.

    >>> r = download(b"x", PDF, "协议 1.pdf", fallback='agreement "1".pdf')
    >>> print(r.headers["content-disposition"])
    attachment; filename="agreement_1_.pdf"; filename*=UTF-8''%E5%8D%8F%E8%AE%AE%201.pdf
    """
    safe = _UNSAFE.sub("_", fallback)[:80] or "download"
    headers = {"content-disposition":
               f"attachment; filename=\"{safe}\"; filename*=UTF-8''{quote(name[:120])}"}
    if no_store:
        headers["cache-control"] = "no-store"
    return Response(content, media_type=media, headers=headers)


def agreement_download(content: bytes, media: str, agreement_id: str, ext: str) -> Response:
    """An agreement's text (Word or PDF): personal data, so no cache keeps it."""
    return download(content, media, f"共建协议-{agreement_id}.{ext}",
                    fallback=f"agreement-{agreement_id}.{ext}", no_store=True)
