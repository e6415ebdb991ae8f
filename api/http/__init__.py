"""The HTTP API: FastAPI routers thin over :mod:`api.services`; see :func:`create_app`."""

from api.http.app import create_app, settle

__all__ = ["create_app", "settle"]
