"""Cross-validation inside the tuning halves (:data:`matching.quality_set.TUNING_HALVES`:
T ∪ T2 ∪ T3 ∪ T4) of the acceptance rule (the least text
evidence of a same-category pair, ``accept_text``, and of a related-category pair,
``accept_related_text``) and the thesaurus boost (:data:`matching.semantic.CONCEPT_BOOST`),
with the e5 + TF-IDF text model.

Usage: ``nice -n 5 .venv/bin/python scripts/cv_acceptance.py [boost ...]`` (default: every
boost of :data:`BOOSTS`).

Every setting runs once on all of each tuning half; the needs of the halves are pooled
(their ids differ), and for each boost :func:`matching.quality.cross_validate` chooses
the pair of thresholds (ties go to the strictest, related first) on three folds of the
pooled needs and measures it on the fourth (ten shuffles). The test halves
(:data:`matching.quality_set.TEST_HALVES`) are never read.
"""

from __future__ import annotations

from matching.params import MatchParams
from matching.quality import cross_validate, evaluate_half, need_outcomes
from matching.quality_set import HALVES, TUNING_HALVES
from matching.semantic import EmbeddingCache, blended_similarity

TUNING = TUNING_HALVES
BOOSTS = (0.0, 0.05, 0.1, 0.15, 0.2)
# strictest first: among settings equally good on the training folds, the strictest wins
THRESHOLDS = tuple(round(0.02 * i, 2) for i in range(15, -1, -1))
RELATED = (0.95, 0.8, 0.7, 0.6, 0.5, 0.4)


def main(boosts: tuple[float, ...] = BOOSTS) -> None:
    cache = EmbeddingCache()
    unservable = sum(1 for h in TUNING for n in HALVES[h].needs if not n.right)
    print(f"加成  精确率  召回率  无可服务需求误配（每轮，共 {unservable}）  "
          "选中的阈值（同类/相关类）")
    for boost in boosts:
        model = blended_similarity(cache, concept_boost=boost)
        outcomes: dict[str, dict[str, str]] = {}
        for related in RELATED:
            for t in THRESHOLDS:
                params = MatchParams(accept_text=t, accept_related_text=related)
                pooled: dict[str, str] = {}
                for h in TUNING:
                    report = evaluate_half(h, params, text_similarity=model)
                    pooled.update(need_outcomes(report, HALVES[h]))
                outcomes[f"{t:.2f}/{related:.2f}"] = pooled
        cv = cross_validate(outcomes)
        top = sorted(cv.picks.items(), key=lambda kv: -kv[1])[:3]
        print(f"{boost:.2f}  {cv.precision:.3f}   {cv.recall:.3f}   "
              f"{cv.unservable_matched / cv.rounds:.1f}   "
              f"{'、'.join(f'{k}×{v}' for k, v in top)}")


if __name__ == "__main__":
    import sys

    main(tuple(float(b) for b in sys.argv[1:]) or BOOSTS)
