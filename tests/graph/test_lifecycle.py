"""The project and agreement lifecycles, held as data, take only allowed steps."""

from __future__ import annotations

import pytest

from graph import AGREEMENT, PROJECT, Role, TransitionNotAllowed


def test_a_project_walks_from_proposal_to_evaluation() -> None:
    state = PROJECT.initial
    for action, role in [("claim", Role.RESIDENT_UNIT), ("confirm", Role.COMMUNITY_ORG),
                         ("submit", Role.COMMUNITY_ORG), ("resolve", Role.STREET_COMMITTEE),
                         ("agree", Role.SYSTEM), ("start", Role.RESIDENT_UNIT),
                         ("complete", Role.COMMUNITY_ORG), ("evaluate", Role.COMMUNITY_ORG)]:
        state = PROJECT.apply(state, action, role)
    assert state == "evaluated"
    assert state in PROJECT.final


def test_a_wrong_state_is_named_in_the_error() -> None:
    with pytest.raises(TransitionNotAllowed, match="项目当前为「已提议」，不能执行「决议通过」"):
        PROJECT.apply("proposed", "resolve", Role.STREET_COMMITTEE)


def test_a_wrong_role_is_named_with_those_who_may() -> None:
    with pytest.raises(TransitionNotAllowed,
                       match="角色「驻区单位」不能对项目执行「确认」.*社区党组织"):
        PROJECT.apply("claimed", "confirm", Role.RESIDENT_UNIT)


def test_a_researcher_can_take_no_step() -> None:
    for t in (*PROJECT.transitions, *AGREEMENT.transitions):
        with pytest.raises(TransitionNotAllowed):
            (PROJECT if t in PROJECT.transitions else AGREEMENT).apply(
                t.sources[0], t.action, Role.RESEARCHER)


def test_an_unknown_action_lists_the_valid_ones() -> None:
    with pytest.raises(TransitionNotAllowed, match="没有「fly」这个操作；可用：agree"):
        PROJECT.apply("proposed", "fly", Role.DISTRICT_ADMIN)


@pytest.mark.parametrize("machine", [PROJECT, AGREEMENT], ids=["project", "agreement"])
def test_every_state_is_reachable_and_every_open_state_has_a_way_out(machine: object) -> None:
    from graph import StateMachine

    assert isinstance(machine, StateMachine)
    reached, frontier = {machine.initial}, [machine.initial]
    while frontier:
        state = frontier.pop()
        for t in machine.actions_from(state):
            if t.target not in reached:
                reached.add(t.target)
                frontier.append(t.target)
    assert reached == set(machine.states)
    for state in set(machine.states) - machine.final:
        assert machine.actions_from(state), f"{state} has no way out"


def test_agreement_signing_then_activation() -> None:
    state = AGREEMENT.apply("draft", "sign", Role.COMMUNITY_ORG)
    state = AGREEMENT.apply(state, "sign", Role.RESIDENT_UNIT)
    state = AGREEMENT.apply(state, "seal", Role.SYSTEM)
    assert AGREEMENT.apply(state, "activate", Role.STREET_COMMITTEE) == "active"
