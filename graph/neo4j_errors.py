"""How the Neo4j driver's exceptions become the graph package's errors: one table.

Every exception class of ``neo4j.exceptions`` is listed in :data:`DRIVER_ERRORS` with the
error it becomes and its message; server error codes that say more than their class are
in :data:`_CODES`. The message names the setting to fix where there is one
(``NEO4J_URI``, ``NEO4J_USER``/``NEO4J_PASSWORD``, ``NEO4J_DATABASE``).
``tests/graph/test_neo4j_store.py`` fails when the driver gains a class not listed here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from neo4j import exceptions as neo4j_errors

from graph.errors import GraphError, StoreUnavailable, VersionConflict


def _uri_message(e: Exception, ctx: Mapping[str, str]) -> str:
    return (f"无法连接 Neo4j（{ctx.get('uri', '?')}）：{_text(e)}。"
            "请检查 NEO4J_URI（地址与端口，例如 bolt://localhost:7687）并确认服务已启动")


def _auth_message(e: Exception, ctx: Mapping[str, str]) -> str:
    return (f"Neo4j 拒绝了用户 {ctx.get('user', '?')} 的登录：{_text(e)}。"
            "请检查 NEO4J_USER 与 NEO4J_PASSWORD")


def _forbidden_message(e: Exception, ctx: Mapping[str, str]) -> str:
    return (f"Neo4j 用户 {ctx.get('user', '?')} 无权在数据库 {ctx.get('database', '?')} "
            f"中执行此操作：{_text(e)}。请检查 NEO4J_USER（需要读写与建索引的权限）")


def _database_message(e: Exception, ctx: Mapping[str, str]) -> str:
    return (f"Neo4j 中没有数据库 {ctx.get('database', '?')}：{_text(e)}。请检查 NEO4J_DATABASE"
            "（社区版只有 neo4j 一个用户数据库）")


def _busy_message(e: Exception, ctx: Mapping[str, str]) -> str:
    return f"Neo4j（{ctx.get('uri', '?')}）暂时无法完成请求，重试后仍失败：{_text(e)}。请稍后再试"


def _unknown_commit_message(e: Exception, ctx: Mapping[str, str]) -> str:
    return (f"与 Neo4j（{ctx.get('uri', '?')}）的连接在提交时中断，无法确定本次写入是否生效："
            f"{_text(e)}。请检查数据后重试（写入可以重复执行）")


def _conflict_message(e: Exception, ctx: Mapping[str, str]) -> str:
    return f"另一个写入同时创建了相同编号的节点，本批未写入，请重试：{_text(e)}"


def _bug_message(e: Exception, ctx: Mapping[str, str]) -> str:
    return f"Neo4j 拒绝了 gongjian 的语句（程序错误，请报告）：{_text(e)}"


def _server_message(e: Exception, ctx: Mapping[str, str]) -> str:
    return f"Neo4j（{ctx.get('uri', '?')}）内部错误：{_text(e)}"


_Translation = tuple[type[GraphError], Callable[[Exception, Mapping[str, str]], str]]

# Every exception class of ``neo4j.exceptions``, each with the error it becomes and its
# message. ``tests/graph/test_neo4j_store.py`` fails when the driver gains a class that is
# not listed here. Lookup walks the class's MRO, so the most specific entry wins.
DRIVER_ERRORS: dict[type[Exception], _Translation] = {
    neo4j_errors.GqlError: (GraphError, _bug_message),
    neo4j_errors.Neo4jError: (GraphError, _bug_message),
    # -- errors the server reports
    neo4j_errors.ClientError: (GraphError, _bug_message),
    neo4j_errors.CypherSyntaxError: (GraphError, _bug_message),
    neo4j_errors.CypherTypeError: (GraphError, _bug_message),
    neo4j_errors.ConstraintError: (VersionConflict, _conflict_message),
    neo4j_errors.AuthError: (StoreUnavailable, _auth_message),
    neo4j_errors.TokenExpired: (StoreUnavailable, _auth_message),
    neo4j_errors.Forbidden: (StoreUnavailable, _forbidden_message),
    neo4j_errors.DatabaseError: (StoreUnavailable, _server_message),
    neo4j_errors.TransientError: (StoreUnavailable, _busy_message),
    neo4j_errors.DatabaseUnavailable: (StoreUnavailable, _busy_message),
    neo4j_errors.NotALeader: (StoreUnavailable, _busy_message),
    neo4j_errors.ForbiddenOnReadOnlyDatabase: (StoreUnavailable, _forbidden_message),
    # -- errors of the driver itself
    neo4j_errors.DriverError: (StoreUnavailable, _uri_message),
    neo4j_errors.SessionError: (GraphError, _bug_message),
    neo4j_errors.TransactionError: (GraphError, _bug_message),
    neo4j_errors.TransactionNestingError: (GraphError, _bug_message),
    neo4j_errors.ResultError: (GraphError, _bug_message),
    neo4j_errors.ResultFailedError: (GraphError, _bug_message),
    neo4j_errors.ResultConsumedError: (GraphError, _bug_message),
    neo4j_errors.ResultNotSingleError: (GraphError, _bug_message),
    neo4j_errors.BrokenRecordError: (GraphError, _bug_message),
    neo4j_errors.SessionExpired: (StoreUnavailable, _uri_message),
    neo4j_errors.ServiceUnavailable: (StoreUnavailable, _uri_message),
    neo4j_errors.RoutingServiceUnavailable: (StoreUnavailable, _uri_message),
    neo4j_errors.WriteServiceUnavailable: (StoreUnavailable, _uri_message),
    neo4j_errors.ReadServiceUnavailable: (StoreUnavailable, _uri_message),
    neo4j_errors.IncompleteCommit: (StoreUnavailable, _unknown_commit_message),
    neo4j_errors.ConfigurationError: (StoreUnavailable, _uri_message),
    neo4j_errors.AuthConfigurationError: (StoreUnavailable, _auth_message),
    neo4j_errors.CertificateConfigurationError: (StoreUnavailable, _uri_message),
    neo4j_errors.UnsupportedServerProduct: (StoreUnavailable, _uri_message),
    neo4j_errors.ConnectionPoolError: (StoreUnavailable, _busy_message),
    neo4j_errors.ConnectionAcquisitionTimeoutError: (StoreUnavailable, _busy_message),
}

# Server error codes that say more than the exception class does
_CODES: dict[str, _Translation] = {
    "Neo.ClientError.Database.DatabaseNotFound": (StoreUnavailable, _database_message),
    "Neo.ClientError.Security.Unauthorized": (StoreUnavailable, _auth_message),
    "Neo.ClientError.Security.AuthenticationRateLimit": (StoreUnavailable, _auth_message),
    "Neo.ClientError.Security.CredentialsExpired": (StoreUnavailable, _auth_message),
}


def _text(e: Exception) -> str:
    """The driver's own words, on one line."""
    message = getattr(e, "message", None) if isinstance(e, neo4j_errors.Neo4jError) else None
    text = str(message or " ".join(str(a) for a in e.args) or type(e).__name__)
    return " ".join(text.split())


def translate(error: Exception, *, uri: str = "?", user: str = "?",
              database: str = "?") -> GraphError:
    """The graph package's error for an exception of the Neo4j driver.

    The message names the setting to fix where there is one (``NEO4J_URI``,
    ``NEO4J_USER``/``NEO4J_PASSWORD``, ``NEO4J_DATABASE``).

    >>> e = translate(neo4j_errors.ServiceUnavailable("refused"), uri="bolt://db:7687")
    >>> type(e).__name__, "NEO4J_URI" in e.message
    ('StoreUnavailable', True)
    """
    ctx = {"uri": uri, "user": user, "database": database}
    entry: _Translation | None = None
    code = getattr(error, "code", None) if isinstance(error, neo4j_errors.Neo4jError) else None
    if code in _CODES:
        entry = _CODES[code]
    else:
        for cls in type(error).__mro__:
            if cls in DRIVER_ERRORS:
                entry = DRIVER_ERRORS[cls]
                break
    if entry is None:  # not a driver error: a bug of ours, say so plainly
        return GraphError(f"Neo4j 存储内部错误：{type(error).__name__}: {error}")
    kind, message = entry
    return kind(message(error, ctx), driver_error=type(error).__name__,
                code=code or "")
