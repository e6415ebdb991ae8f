"""One router per resource; :data:`ROUTERS` lists them in the order /docs shows them."""

from api.http.routers.auth import router as auth
from api.http.routers.categories import router as categories
from api.http.routers.directory import members, organizations, units
from api.http.routers.lists import imports, needs, resources
from api.http.routers.oversight import audit, dashboards, export
from api.http.routers.reports import router as reports
from api.http.routers.work import agreements, evaluations, match_runs, projects, records

ROUTERS = [auth, organizations, units, members, categories, needs, resources, imports,
           match_runs, projects, agreements, records, evaluations, dashboards, reports,
           export, audit]

__all__ = ["ROUTERS"]
