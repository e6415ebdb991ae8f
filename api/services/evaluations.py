"""Evaluations (评议): a score from 1 to 5 and a comment on a project or an agreement.

Evaluating a completed project moves it to 已评议; the evaluation, the new state and the
audit line are one transaction. An agreement is evaluated once it is in effect or over,
once per calendar year (the street's annual assessment counts it once); its state does not
change.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from api.errors import InvalidRequest, NotAllowed
from api.identity import Identity, require_write
from api.services._common import (
    audit,
    check_version,
    get_readable,
    new_id,
    now_utc,
    require_roles,
    scoped_page,
)
from graph import (
    AGREEMENT,
    PROJECT,
    Agreement,
    Evaluation,
    GraphStore,
    NotFound,
    Page,
    Project,
    Role,
    VersionConflict,
    Versioned,
)

__all__ = ["evaluate", "get_evaluation", "list_evaluations"]

EVALUABLE_AGREEMENTS = frozenset({"active", "expired", "terminated"})


def list_evaluations(store: GraphStore, who: Identity, *, target_id: str | None = None,
                     community_id: str | None = None, unit_id: str | None = None,
                     page: int = 1, size: int = 20) -> Page[Evaluation]:
    filters = {"target_id": target_id, "community_id": community_id, "unit_id": unit_id}
    return scoped_page(store, who, Evaluation, {k: v for k, v in filters.items() if v},
                       page, size)


def get_evaluation(store: GraphStore, who: Identity, evaluation_id: str) -> Evaluation:
    return get_readable(store, who, Evaluation, evaluation_id)


def evaluate(store: GraphStore, who: Identity, target_id: str, score: int, comment: str = "",
             *, expected_version: int | None = None, now: dt.datetime | None = None
             ) -> Evaluation:
    at = now or now_utc()
    project = store.get_many(Project, [target_id]).get(target_id)
    if project is not None:
        project = get_readable(store, who, Project, target_id)
        require_write(who, project)
        if expected_version is None:
            raise InvalidRequest("评议项目时须提供您看到的项目版本 version", field="version")
        check_version(project, expected_version)
        target = PROJECT.apply(project.status, "evaluate", who.role)
        evaluation = Evaluation(
            id=new_id("EV"), target_id=project.id, street_id=project.street_id,
            unit_id=project.unit_id, community_id=project.community_id, score=score,
            comment=comment, by_role=who.role, by_id=who.subject_id[:64], date=at.date())
        line = audit(who, project, "evaluate", project.status, target,
                     f"评分 {score}：{comment}"[:2000], at)
        store.transition(Project, project.id, expected_version, {"status": target},
                         also=[evaluation, line])
        return store.get(Evaluation, evaluation.id)
    agreement = store.get_many(Agreement, [target_id]).get(target_id)
    if agreement is None:
        raise NotFound(f"没有编号为 {target_id} 的共建项目或共建协议", field="target_id")
    agreement = get_readable(store, who, Agreement, target_id)
    require_roles(who, {Role.DISTRICT_ADMIN, Role.STREET_COMMITTEE, Role.COMMUNITY_ORG},
                  "评议共建协议")
    require_write(who, agreement)
    if agreement.status not in EVALUABLE_AGREEMENTS:
        raise NotAllowed(f"协议 {agreement.id} 当前为「{AGREEMENT.states[agreement.status]}」，"
                         "生效后才能评议", field="target_id")
    year = at.year
    _refuse_second(store, agreement, year)
    evaluation = Evaluation(
        id=agreement_evaluation_id(agreement.id, year), target_id=agreement.id,
        street_id=agreement.street_id,
        unit_id=agreement.unit_ids[0] if len(agreement.unit_ids) == 1 else None,
        community_id=agreement.community_id, score=score, comment=comment,
        by_role=who.role, by_id=who.subject_id[:64], date=at.date())
    # the agreement as read (still evaluable) and the new evaluation, checked together;
    # the evaluation's id is the agreement's and the year's, so of two written at once
    # the second finds it taken
    try:
        store.write([Versioned(agreement, agreement.version), Versioned(evaluation, None)],
                    also=[audit(who, agreement, "evaluate", agreement.status,
                                agreement.status, f"评分 {score}：{comment}"[:2000], at)])
    except VersionConflict:
        _refuse_second(store, agreement, year)
        raise
    return store.get(Evaluation, evaluation.id)


def agreement_evaluation_id(agreement_id: str, year: int) -> str:
    """The id of an agreement's evaluation in ``year``: one per agreement and year.

    >>> agreement_evaluation_id("AG-1", 2026)
    'EV-2026-AG-1'
    """
    prefix = f"EV-{year}-"
    if len(prefix) + len(agreement_id) > 64:
        agreement_id = hashlib.sha256(agreement_id.encode()).hexdigest()[:40]
    return prefix + agreement_id


def _refuse_second(store: GraphStore, agreement: Agreement, year: int) -> None:
    ids = [e.src for e in store.neighbours(agreement.id, edge="EVALUATES", direction="in")]
    ids.append(agreement_evaluation_id(agreement.id, year))
    for ev in store.get_many(Evaluation, ids).values():
        if ev.date.year == year:
            raise NotAllowed(f"协议 {agreement.id} 已在 {year} 年评议过（{ev.date}，评分 "
                             f"{ev.score}）；每份协议每年评议一次", field="target_id")
