"""Cross-validation on the tuning half T of the acceptance threshold and the thesaurus
boost (:data:`matching.semantic.CONCEPT_BOOST`), with the e5 + TF-IDF text model.

Usage: ``nice -n 5 .venv/bin/python scripts/cv_acceptance.py``

Every setting runs once on all of T; for each boost, :func:`matching.quality.cross_validate`
then chooses ``accept_text`` (0.00 to 0.30; ties go to the strictest) on three folds of
T's needs and measures it on the fourth (ten shuffles). The test half E is never read.
"""

from __future__ import annotations

from matching.params import MatchParams
from matching.quality import cross_validate, evaluate_half, need_outcomes
from matching.quality_set import HALVES
from matching.semantic import EmbeddingCache, blended_similarity

BOOSTS = (0.0, 0.05, 0.1, 0.15, 0.2)
# strictest first: among settings equally good on the training folds, the strictest wins
THRESHOLDS = tuple(round(0.01 * i, 2) for i in range(30, -1, -1))


def main() -> None:
    cache = EmbeddingCache()
    half = HALVES["T"]
    print("加成  精确率  召回率  无可服务需求误配（每轮，共 16）  选中的阈值")
    for boost in BOOSTS:
        model = blended_similarity(cache, concept_boost=boost)
        outcomes = {
            f"{t:.2f}": need_outcomes(evaluate_half("T", MatchParams(accept_text=t),
                                                    text_similarity=model), half)
            for t in THRESHOLDS}
        cv = cross_validate(outcomes)
        top = sorted(cv.picks.items(), key=lambda kv: -kv[1])[:3]
        print(f"{boost:.2f}  {cv.precision:.3f}   {cv.recall:.3f}   "
              f"{cv.unservable_matched / cv.rounds:.1f}   "
              f"{'、'.join(f'{k}×{v}' for k, v in top)}")


if __name__ == "__main__":
    main()
