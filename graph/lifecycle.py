"""The lifecycles of a project and of an agreement, held as data.

A :class:`StateMachine` lists its states (with Chinese names) and its transitions: an
action, the states it may start from, the state it leads to and the roles that may take it.
:func:`StateMachine.apply` is the only way to compute a next state; it raises
:class:`~graph.errors.TransitionNotAllowed` naming the state, the action and the role.

Every non-final state has a way out (decline, reject, cancel, terminate), so nothing is
stuck for good.

>>> PROJECT.apply("proposed", "claim", Role.RESIDENT_UNIT)
'claimed'
>>> PROJECT.apply("proposed", "confirm", Role.RESIDENT_UNIT)
Traceback (most recent call last):
...
graph.errors.TransitionNotAllowed: 项目当前为「已提议」，不能执行「确认」
"""

from __future__ import annotations

from dataclasses import dataclass

from graph.errors import TransitionNotAllowed
from graph.model import ROLE_NAMES, Role

S = Role.STREET_COMMITTEE
C = Role.COMMUNITY_ORG
U = Role.RESIDENT_UNIT
D = Role.DISTRICT_ADMIN
SYS = Role.SYSTEM


@dataclass(frozen=True)
class Transition:
    action: str
    sources: tuple[str, ...]
    target: str
    roles: frozenset[Role]
    label: str  # Chinese name of the action


@dataclass(frozen=True)
class StateMachine:
    name: str  # Chinese name of the thing, e.g. 项目
    states: dict[str, str]  # state -> Chinese name
    initial: str
    final: frozenset[str]
    transitions: tuple[Transition, ...]

    def actions_from(self, state: str, role: Role | None = None) -> list[Transition]:
        """The transitions that may start from ``state`` (for ``role``, when given)."""
        return [t for t in self.transitions if state in t.sources
                and (role is None or role in t.roles or role == D)]

    def find(self, action: str) -> Transition:
        for t in self.transitions:
            if t.action == action:
                return t
        valid = "、".join(sorted({t.action for t in self.transitions}))
        raise TransitionNotAllowed(f"{self.name}没有「{action}」这个操作；可用：{valid}",
                                   action=action)

    def apply(self, state: str, action: str, role: Role) -> str:
        """The state after ``action`` taken by ``role`` from ``state``, or an error.

        The district administrator may take any action a role may take.
        """
        t = self.find(action)
        if state not in t.sources:
            raise TransitionNotAllowed(
                f"{self.name}当前为「{self.states.get(state, state)}」，不能执行「{t.label}」",
                state=state, action=action)
        if role not in t.roles and role != D:
            allowed = "、".join(ROLE_NAMES[r] for r in sorted(t.roles))
            raise TransitionNotAllowed(
                f"角色「{ROLE_NAMES[role]}」不能对{self.name}执行「{t.label}」"
                f"（当前状态「{self.states[state]}」；可执行者：{allowed}）",
                state=state, action=action, role=role.value)
        return t.target


def _t(action: str, sources: str, target: str, roles: set[Role], label: str) -> Transition:
    return Transition(action, tuple(sources.split()), target, frozenset(roles), label)


# 申报 → 推进 → 验收 → 推广 in the seeds' words; here: proposal by the matcher (or a claim),
# two-way claiming, review at the joint meeting, resolution, agreement, delivery, evaluation.
PROJECT = StateMachine(
    name="项目",
    states={
        "proposed": "已提议", "claimed": "单位已认领", "confirmed": "社区已确认",
        "under_review": "联席会议审议中", "resolved": "已决议", "agreed": "已签协议",
        "in_progress": "实施中", "completed": "已完成", "evaluated": "已评议",
        "declined": "已谢绝", "rejected": "未通过", "cancelled": "已取消",
        "superseded": "已被新一轮匹配取代",
    },
    initial="proposed",
    # superseded is not final: a later run that proposes the pair again brings it back
    final=frozenset({"evaluated", "declined", "rejected", "cancelled"}),
    transitions=(
        _t("claim", "proposed", "claimed", {U}, "认领"),
        _t("confirm", "claimed", "confirmed", {C}, "确认"),
        _t("decline", "proposed claimed", "declined", {U, C}, "谢绝"),
        _t("submit", "confirmed", "under_review", {S, C}, "提交联席会议"),
        _t("resolve", "under_review", "resolved", {S}, "决议通过"),
        _t("reject", "under_review", "rejected", {S}, "决议不通过"),
        _t("return", "under_review", "confirmed", {S}, "退回修改"),
        _t("agree", "resolved", "agreed", {S, C, SYS}, "签订协议"),
        _t("start", "agreed", "in_progress", {U, C}, "开始实施"),
        _t("complete", "in_progress", "completed", {C, S}, "验收完成"),
        _t("evaluate", "completed", "evaluated", {C, S}, "评议"),
        _t("cancel", "proposed claimed confirmed resolved agreed in_progress", "cancelled",
           {C, S}, "取消"),
        _t("supersede", "proposed", "superseded", {SYS}, "由新一轮匹配取代"),
        _t("repropose", "superseded", "proposed", {SYS}, "由新一轮匹配重新提议"),
    ),
)

AGREEMENT = StateMachine(
    name="协议",
    states={
        "draft": "草稿", "signing": "签署中", "signed": "已签署", "active": "履行中",
        "expired": "已到期", "terminated": "已终止", "withdrawn": "已撤回",
    },
    initial="draft",
    final=frozenset({"expired", "terminated", "withdrawn"}),
    transitions=(
        _t("sign", "draft signing", "signing", {U, C, S}, "签署"),
        _t("seal", "signing", "signed", {SYS, S}, "全部签署完成"),
        _t("activate", "signed", "active", {S, C, SYS}, "生效"),
        _t("expire", "active", "expired", {SYS, S}, "到期"),
        _t("terminate", "signed active", "terminated", {S, C, U}, "终止"),
        _t("withdraw", "draft signing", "withdrawn", {S, C}, "撤回"),
    ),
)

MACHINES = {"Project": PROJECT, "Agreement": AGREEMENT}
