"""Projects: list, read, and take through their lifecycle (:data:`graph.PROJECT`).

A step is allowed when the caller may write the project (its unit, its community, its
street or district), the state machine allows the action for the caller's role, and the
caller saw the current version. The new state and its audit line are written in one
transaction (``store.transition(..., also=[audit])``).
"""

from __future__ import annotations

import datetime as dt

from api.errors import NotAllowed
from api.identity import Identity, require_write
from api.services._common import audit, check_version, get_readable, scoped_page
from graph import PROJECT, GraphStore, Page, Project

__all__ = ["SYSTEM_ACTIONS", "actions_for", "get_project", "list_projects", "transition"]

# Steps gongjian takes itself: "agree" happens when the agreement takes effect,
# "supersede" when a new match run replaces a proposal.
SYSTEM_ACTIONS = {"agree": "项目在其共建协议生效时自动转为「已签协议」，请通过协议办理",
                  "supersede": "由新一轮匹配自动完成"}


def list_projects(store: GraphStore, who: Identity, *, unit_id: str | None = None,
                  community_id: str | None = None, street_id: str | None = None,
                  status: str | None = None, category: str | None = None,
                  need_id: str | None = None, match_run_id: str | None = None,
                  page: int = 1, size: int = 20) -> Page[Project]:
    filters = {"unit_id": unit_id, "community_id": community_id, "street_id": street_id,
               "status": status, "category": category, "need_id": need_id,
               "match_run_id": match_run_id}
    return scoped_page(store, who, Project, {k: v for k, v in filters.items() if v},
                       page, size)


def get_project(store: GraphStore, who: Identity, project_id: str) -> Project:
    return get_readable(store, who, Project, project_id)


def actions_for(who: Identity, project: Project) -> list[str]:
    """The actions ``who`` could take on ``project`` now (for buttons on a page)."""
    return [t.action for t in PROJECT.actions_from(project.status, who.role)
            if t.action not in SYSTEM_ACTIONS]


def transition(store: GraphStore, who: Identity, project_id: str, action: str,
               expected_version: int, note: str = "", *,
               now: dt.datetime | None = None) -> Project:
    """Take ``action`` on the project the caller saw at ``expected_version``."""
    project = get_readable(store, who, Project, project_id)
    if action in SYSTEM_ACTIONS:
        PROJECT.find(action)
        raise NotAllowed(f"不能直接执行「{PROJECT.find(action).label}」：{SYSTEM_ACTIONS[action]}",
                         field="action")
    require_write(who, project)
    check_version(project, expected_version)
    target = PROJECT.apply(project.status, action, who.role)
    line = audit(who, project, action, project.status, target, note, now)
    return store.transition(Project, project.id, expected_version, {"status": target},
                            also=[line])
