"""The ``gongjian`` command line: set up a store, load the demo district, import lists,
show figures, export graphs. Errors print one readable line and exit non-zero.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from api.composition import open_store
from api.settings import load_settings
from graph import NODE_TYPES, GraphError, GraphStore, Organization, OrgLevel

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="gongjian 共建：社区需求与驻区单位资源的智能匹配与共建管理")
console = Console()
err = Console(stderr=True)

KIND_LABELS = {kind: cls.LABEL for kind, cls in NODE_TYPES.items()} | {
    "REGISTERED_WITH": "双报到关系", "ALLIANCE_MEMBER": "联盟成员关系",
    "PART_TIME_MEMBER": "兼职委员关系"}


class UserError(Exception):
    """A mistake the user can fix; printed as one line, exit code 1."""


def _user_errors() -> tuple[type[Exception], ...]:
    errors: list[type[Exception]] = [GraphError, UserError]
    try:
        from api.imports import ImportRejected
        errors.append(ImportRejected)
    except ImportError:  # pragma: no cover - during a partial install only
        pass
    try:
        from matching import MatchingError
        errors.append(MatchingError)
    except ImportError:  # pragma: no cover
        pass
    return tuple(errors)


def command(*args: Any, **kwargs: Any) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Register a command whose user mistakes print one line and exit with status 1."""
    def decorate(fn: Callable[..., None]) -> Callable[..., None]:
        @functools.wraps(fn)
        def wrapper(*a: Any, **k: Any) -> None:
            try:
                fn(*a, **k)
            except _user_errors() as e:
                err.print(f"[bold red]错误：[/]{e}", highlight=False, soft_wrap=True)
                raise typer.Exit(1) from None
        app.command(*args, **kwargs)(wrapper)
        return wrapper
    return decorate


@contextmanager
def _store() -> Iterator[GraphStore]:
    store = open_store(load_settings())
    try:
        yield store
    finally:
        store.close()



def progress_bar() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err, transient=True)


@command()
def init() -> None:
    """创建（或升级）数据目录中的图数据库。"""
    settings = load_settings()
    with _store():
        pass
    console.print(f"数据库已就绪：{settings.store_path}")


@command()
def demo(seed: Annotated[int, typer.Option(help="随机种子")] = 7,
         scale: Annotated[float, typer.Option(help="规模倍数，1 为涧西区示范数据")] = 1.0) -> None:
    """载入示范区（洛阳市涧西区，真实街道与社区名称，合成的单位、党员与清单）。"""
    from seed import generate_district, load_district

    if scale <= 0:
        raise UserError(f"--scale 须大于 0，收到 {scale}")
    with progress_bar() as bar:
        task = bar.add_task("生成示范区", total=None)
        district = generate_district(seed=seed, scale=scale)
        total = len(district.nodes()) + len(district.relationships())
        bar.update(task, description="写入数据库", total=total, completed=0)
        with _store() as store:
            report = load_district(store, district,
                                   progress=lambda n: bar.update(task, completed=n))
    created = sum(report.created.values())
    console.print(f"示范区已载入：新建 {created}，更新 {sum(report.updated.values())}，"
                  f"未变 {sum(report.unchanged.values())}")


class ImportKind(StrEnum):
    needs = "needs"
    resources = "resources"
    units = "units"
    organizations = "organizations"


@command("import")
def import_(path: Annotated[Path, typer.Argument(help="CSV、XLSX 或 JSON 文件")],
            kind: Annotated[ImportKind, typer.Option("--kind", "-k", help="清单类型")]) -> None:
    """导入需求、资源、单位或组织清单；有任何错误则整份文件不写入。"""
    from api.imports import import_file

    with _store() as store:
        report = import_file(store, path, kind.value)
    console.print(f"已导入 {path.name}：{report}")


@command()
def stats(scope: Annotated[str | None, typer.Option(help="范围：区、街道或社区编号")] = None
          ) -> None:
    """按类型统计节点与关系数量，并列出各街道的概况。"""
    with _store() as store:
        counts = store.counts(scope)
        table = Table(title=f"数据概况（{'全部' if scope is None else scope}）")
        table.add_column("类型")
        table.add_column("数量", justify="right")
        order = list(KIND_LABELS)
        for kind in sorted(counts, key=lambda k: order.index(k) if k in order else len(order)):
            table.add_row(KIND_LABELS.get(kind, kind), f"{counts[kind]:,}")
        console.print(table)
        _street_table(store, scope)


def _street_table(store: GraphStore, scope: str | None) -> None:
    districts = store.list(Organization, filters={"level": OrgLevel.DISTRICT}, size=10)
    root = scope or (districts.items[0].id if districts.total == 1 else None)
    if root is None:
        return
    snap = store.snapshot(root)
    if not 1 < len(snap.street_ids) <= 40:
        return
    names = {o.id: o.name for o in snap.organizations}
    per: dict[str, Counter[str]] = {s: Counter() for s in snap.street_ids}
    for o in snap.organizations:
        if o.level == OrgLevel.COMMUNITY and o.street_id in per:
            per[o.street_id]["community"] += 1
            per[o.street_id]["weak"] += o.weak
    for attr, key in (("units", "unit"), ("members", "member"), ("needs", "need"),
                      ("resources", "resource")):
        for item in getattr(snap, attr):
            if item.street_id in per:
                per[item.street_id][key] += 1
    table = Table(title=f"{names.get(root, root)} 各街道概况")
    for col in ("街道", "社区", "软弱涣散", "驻区单位", "党员", "需求", "资源"):
        table.add_column(col, justify="left" if col == "街道" else "right")
    for street in snap.street_ids:
        c = per[street]
        table.add_row(names.get(street, street), *(str(c[k]) for k in (
            "community", "weak", "unit", "member", "need", "resource")))
    console.print(table)


class ExportFormat(StrEnum):
    graphml = "graphml"
    json = "json"


@command()
def export(scope: Annotated[str, typer.Option(help="范围：区、街道或社区编号")],
           out: Annotated[Path, typer.Option(help="输出文件")],
           fmt: Annotated[ExportFormat, typer.Option("--format")] = ExportFormat.graphml,
           pseudonymous: Annotated[bool, typer.Option(
               help="以假名替换党员身份（供研究人员使用）")] = False) -> None:
    """导出某范围的网络为 GraphML 或 JSON。"""
    from graph import snapshot_to_networkx, write_graphml, write_json

    with _store() as store:
        salt = _research_salt() if pseudonymous else None
        g = snapshot_to_networkx(store.snapshot(scope), salt=salt)
    writer = write_graphml if fmt == ExportFormat.graphml else write_json
    try:
        writer(g, out)
    except OSError as e:
        raise UserError(f"无法写入 {out}：{e.strerror}") from None
    console.print(f"已导出 {g.number_of_nodes():,} 个节点、{g.number_of_edges():,} 条边到 {out}")


class StoreKind(StrEnum):
    embedded = "embedded"
    neo4j = "neo4j"


def _open(kind: StoreKind) -> GraphStore:
    settings = load_settings()
    if kind == StoreKind.embedded:
        return open_store(settings.model_copy(update={"neo4j_uri": None}))
    if not settings.neo4j_uri:
        raise UserError("未设置 NEO4J_URI：请先设置 NEO4J_URI、NEO4J_USER、NEO4J_PASSWORD"
                        "（见 README「Run on Neo4j」）")
    return open_store(settings)


@command()
def migrate(source: Annotated[StoreKind, typer.Option("--from", help="源存储")],
            target: Annotated[StoreKind, typer.Option("--to", help="目标存储")]) -> None:
    """在内置存储与 Neo4j 之间复制整个图，复制后按类型核对数量（可重复执行）。"""
    from graph.migrate import copy_store

    if source == target:
        raise UserError("--from 与 --to 不能相同")
    with _opened(source) as src, _opened(target) as dst, progress_bar() as bar:
        tasks: dict[str, Any] = {}

        def step(kind: str, done: int, total: int) -> None:
            if kind not in tasks:
                tasks[kind] = bar.add_task(KIND_LABELS.get(kind, kind), total=total)
            bar.update(tasks[kind], completed=done)

        counts = copy_store(src, dst, progress=step)
    table = Table("类型", "源", "目标", title="复制结果")
    for kind, (n, m) in counts.items():
        table.add_row(KIND_LABELS.get(kind, kind), f"{n:,}", f"{m:,}")
    console.print(table)
    console.print("复制完成，各类型数量一致")


@contextmanager
def _opened(kind: StoreKind) -> Iterator[GraphStore]:
    store = _open(kind)
    try:
        yield store
    finally:
        store.close()


def _research_salt() -> str:
    """A secret salt kept in the data directory, so pseudonyms are stable but not guessable."""
    import secrets

    settings = load_settings()
    path = settings.data_dir / "pseudonym.salt"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_hex(16), encoding="utf-8")
    return path.read_text(encoding="utf-8").strip()


def main() -> None:
    app()
