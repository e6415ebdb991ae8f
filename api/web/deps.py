"""What every page needs: the session (or a way to the sign-in page), CSRF-checked forms,
and one place that turns an error into a page or back into the form with a message."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Coroutine
from typing import Annotated, Any
from urllib.parse import quote, urlsplit

from fastapi import APIRouter, Depends, Request
from fastapi.responses import Response
from fastapi.routing import APIRoute
from starlette.datastructures import FormData

from api.errors import ERRORS, NotAuthenticated
from api.http.deps import AppContext
from api.web.render import error_page, redirect
from api.web.session import CsrfFailed, Session, check_csrf, read_session

__all__ = ["CtxDep", "FormDep", "SessionDep", "WebRoute", "web_router"]

MAX_FORM_FIELDS = 200
MAX_UPLOAD = 5 * 1024 * 1024


class SignInNeeded(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _ctx(request: Request) -> AppContext:
    ctx: AppContext = request.app.state.ctx
    return ctx


CtxDep = Annotated[AppContext, Depends(_ctx)]


def _session(request: Request, ctx: CtxDep) -> Session:
    try:
        session = read_session(ctx, request)
    except NotAuthenticated as e:
        raise SignInNeeded(e.message) from None
    request.state.session = session
    return session


SessionDep = Annotated[Session, Depends(_session)]


async def _form(request: Request, session: SessionDep) -> AsyncIterator[FormData]:
    form = await request.form(max_files=1, max_fields=MAX_FORM_FIELDS,
                              max_part_size=MAX_UPLOAD)
    try:
        sent = form.get("csrf")
        check_csrf(session, sent if isinstance(sent, str) else None)
        yield form
    finally:
        await form.close()


FormDep = Annotated[FormData, Depends(_form)]


def _back(request: Request) -> str:
    """Where a failed form goes back to: the page it was sent from, on this site only."""
    ref = request.headers.get("referer", "")
    parts = urlsplit(ref)
    if ref and parts.netloc == request.url.netloc and parts.path.startswith("/"):
        return parts.path + (f"?{parts.query}" if parts.query else "")
    return "/"


class WebRoute(APIRoute):
    """A page route: no session sends to the sign-in page with the reason; a domain error
    is a page with its status (GET) or the form again with the message (POST)."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def run(request: Request) -> Response:
            try:
                return await handler(request)
            except SignInNeeded as e:
                target = request.url.path + (f"?{request.url.query}" if request.url.query
                                             else "")
                response = redirect(f"/login?next={quote(target)}")
                from api.web.session import flash

                flash(response, request.app.state.ctx.secret, e.message, "error")
                return response
            except tuple(ERRORS) as e:
                session = getattr(request.state, "session", None)
                if request.method == "POST" and session is not None \
                        and not isinstance(e, CsrfFailed):
                    from api.errors import problem_for

                    _, body, _ = problem_for(e)
                    return redirect(_back(request), secret=request.app.state.ctx.secret,
                                    message=body["error"]["message"], kind="error")
                return error_page(request, session, e)

        return run


def web_router() -> APIRouter:
    return APIRouter(route_class=WebRoute, include_in_schema=False)
