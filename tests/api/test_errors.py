"""Every domain error has exactly one HTTP translation, with a Chinese message."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from api.errors import ERRORS, ApiError, problem_for
from api.imports import ImportRejected, RowProblem
from graph import GraphError, Need, VersionConflict
from matching.errors import MatchingError


def _tree(root: type[BaseException]) -> set[type[BaseException]]:
    out = {root}
    for sub in root.__subclasses__():
        out |= _tree(sub)
    return out


@pytest.mark.parametrize("root", [GraphError, ApiError, MatchingError, ImportRejected])
def test_every_exception_of_every_tree_has_an_entry(root: type[Exception]) -> None:
    missing = sorted(c.__qualname__ for c in _tree(root) if c not in ERRORS)
    assert not missing, f"add these to api.errors.ERRORS: {missing}"


def test_codes_are_unique_and_titles_chinese() -> None:
    codes = [spec.code for spec in ERRORS.values()]
    assert len(codes) == len(set(codes))
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in spec.title) for spec in ERRORS.values())


def test_a_version_conflict_carries_the_current_state() -> None:
    status, body, _ = problem_for(VersionConflict("已被他人修改", state={"status": "claimed"}))
    assert status == 409 and body["error"]["current"] == {"status": "claimed"}


def test_pydantic_errors_become_chinese_field_problems() -> None:
    with pytest.raises(ValidationError) as info:
        Need(id="N1", title="助餐", category="养老", community_id="C1", street_id="S1",
             quantity=-3, unit_of_measure="次")
    status, body, _ = problem_for(info.value)
    assert status == 422 and body["error"]["field"] == "quantity"
    assert body["error"]["message"] == "数量：须大于 0，收到 -3"


def test_import_problems_are_listed_by_row_and_column() -> None:
    exc = ImportRejected([RowProblem(3, "数量", "须为整数，收到「abc」")], source="n.csv")
    status, body, _ = problem_for(exc)
    assert status == 422
    assert body["error"]["problems"] == [{"row": 3, "field": "数量",
                                          "message": "须为整数，收到「abc」"}]


def test_an_unknown_exception_is_a_500_without_details() -> None:
    status, body, _ = problem_for(RuntimeError("secret path /etc/x"))
    assert status == 500 and "/etc/x" not in body["error"]["message"]
