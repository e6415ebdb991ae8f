"""The ``gongjian`` command line: set up a store, load the demo district, import lists,
show figures, export graphs. Errors print one readable line and exit non-zero.
"""

from __future__ import annotations

import functools
import sys
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

from api.cli_chinese import ChineseGroup
from api.cli_chinese import install as install_chinese
from api.composition import open_store, research_salt
from api.settings import load_settings
from graph import NODE_TYPES, GraphError, GraphStore, Organization, OrgLevel, Role

install_chinese()
app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  cls=ChineseGroup,
                  help="gongjian 共建：社区需求与驻区单位资源的智能匹配与共建管理")
# Wide enough for the summary tables when the output goes to a file or a CI log.
console = Console(width=None if sys.stdout.isatty() else 240)
err = Console(stderr=True)

KIND_LABELS = {kind: cls.LABEL for kind, cls in NODE_TYPES.items()} | {
    "REGISTERED_WITH": "双报到关系", "ALLIANCE_MEMBER": "联盟成员关系",
    "PART_TIME_MEMBER": "兼职委员关系"}


ROLE_LABELS = {Role.DISTRICT_ADMIN: "区级管理员", Role.STREET_COMMITTEE: "街道党工委",
               Role.COMMUNITY_ORG: "社区党组织", Role.RESIDENT_UNIT: "驻区单位",
               Role.RESEARCHER: "研究人员"}


class UserError(Exception):
    """A mistake the user can fix; printed as one line, exit code 1."""


def _user_errors() -> tuple[type[Exception], ...]:
    """The exceptions that mean a user's mistake (imported late: the matcher is heavy)."""
    from api.errors import ApiError
    from api.imports import ImportRejected
    from matching import MatchingError

    return GraphError, UserError, ImportRejected, MatchingError, ApiError


accounts_app = typer.Typer(no_args_is_help=True, help="账号：重置密码")
app.add_typer(accounts_app, name="accounts")


def command(*args: Any, on: typer.Typer | None = None, **kwargs: Any
            ) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """Register a command whose user mistakes print one line and exit with status 1."""
    def decorate(fn: Callable[..., None]) -> Callable[..., None]:
        @functools.wraps(fn)
        def wrapper(*a: Any, **k: Any) -> None:
            try:
                fn(*a, **k)
            except _user_errors() as e:
                prefix = "匹配无法进行：" if type(e).__module__.startswith("matching") else ""
                err.print(f"[bold red]错误：[/]{prefix}{e}", highlight=False, soft_wrap=True)
                raise typer.Exit(1) from None
        (on or app).command(*args, **kwargs)(wrapper)
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
    where = (f"Neo4j {settings.neo4j_uri}（数据库 {settings.neo4j_database}）"
             if settings.neo4j_uri else str(settings.store_path))
    console.print(f"数据库已就绪：{where}")


@command()
def demo(seed: Annotated[int, typer.Option(help="随机种子")] = 7,
         scale: Annotated[float, typer.Option(help="规模倍数，1 为涧西区示范数据")] = 1.0,
         history: Annotated[bool, typer.Option(
             help="同时载入过去一年的共建记录（各阶段项目、协议、记实、评议）")] = True) -> None:
    """载入示范区（洛阳市涧西区，真实街道与社区名称，合成的单位、党员与清单）。"""
    import datetime as dt

    from seed import generate_district, load_district
    from seed.history import past_year

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
            past = past_year(district, today=dt.date.today()) if history else None
            if past is not None:
                store.upsert(past.nodes())
    created = sum(report.created.values())
    console.print(f"示范区已载入：新建 {created}，更新 {sum(report.updated.values())}，"
                  f"未变 {sum(report.unchanged.values())}")
    if past is not None:
        console.print(f"过去一年的共建记录：项目 {len(past.projects)} 个、"
                      f"协议 {len(past.agreements)} 份、服务记实 {len(past.records)} 次、"
                      f"评议 {len(past.evaluations)} 次")
    _demo_accounts()


def _demo_accounts() -> None:
    """One account per role, created once; their passwords are printed once (they are
    stored hashed). Loading the demo again keeps them."""
    from api.accounts import Accounts, create_demo_accounts

    settings = load_settings()
    accounts = Accounts(settings.data_dir / "accounts.db")
    try:
        with _store() as store:
            rows = create_demo_accounts(accounts, store)
    finally:
        accounts.close()
    if not rows:
        console.print("示范账号已存在，密码未变；忘记密码时运行 "
                      "gongjian accounts reset-password 用户名")
        return
    table = Table("用户名", "密码", "角色", "范围",
                  title="示范账号（密码只显示这一次；"
                        "重置：gongjian accounts reset-password 用户名）")
    for username, password, role, scope in rows:
        table.add_row(username, password, ROLE_LABELS.get(role, role), scope)
    console.print(table)


@command("reset-password", on=accounts_app)
def reset_password(username: Annotated[str, typer.Argument(help="用户名")]) -> None:
    """为账号生成新的随机密码，只显示这一次。"""
    from api.accounts import Accounts
    from api.errors import ApiError

    accounts = Accounts(load_settings().data_dir / "accounts.db")
    try:
        password = accounts.reset_password(username)
    except ApiError as e:
        raise UserError(e.message) from None
    finally:
        accounts.close()
    console.print(f"账号 {username} 的新密码（只显示这一次）：{password}")


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
    for warning in report.warnings:
        console.print(f"提醒：{warning}", highlight=False)


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
    gexf = "gexf"
    json = "json"


@command()
def export(scope: Annotated[str, typer.Option(help="范围：区、街道或社区编号")],
           out: Annotated[Path, typer.Option(help="输出文件")],
           fmt: Annotated[ExportFormat, typer.Option(
               "--format", metavar="格式", help="graphml、gexf 或 json")] = ExportFormat.graphml,
           pseudonymous: Annotated[bool, typer.Option(
               help="党员假名化、k-匿名")] = False
           ) -> None:
    """导出某范围的网络为 GraphML、GEXF（Gephi）或 JSON。"""
    from graph import snapshot_to_networkx
    from graph.export import write_gexf, write_graphml, write_json

    with _store() as store:
        salt = research_salt(load_settings().data_dir) if pseudonymous else None
        g = snapshot_to_networkx(store.snapshot(scope), salt=salt)
    writer = {ExportFormat.graphml: write_graphml, ExportFormat.gexf: write_gexf,
              ExportFormat.json: write_json}[fmt]
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


@command()
def match(street: Annotated[str | None, typer.Option(help="街道编号")] = None,
          all_streets: Annotated[bool, typer.Option("--all", help="逐个街道运行")] = False,
          weights: Annotated[str | None, typer.Option(
              help="特征权重，如 category=0.4,text=0.2,distance=0.2,relationship=0.1,"
                   "priority=0.1")] = None) -> None:
    """为街道（或逐个为全区各街道）匹配需求与资源，直接发布为待确认的共建项目（输入未变则不写入）。"""
    from api.runs import REASON_LABELS, run_match

    if (street is None) == (not all_streets):
        raise UserError("请给出 --street 街道编号，或用 --all 为全部街道运行")
    params = _weights(weights)
    with _store() as store:
        streets = [street] if street else _street_ids(store)
        summaries = []
        with progress_bar() as bar:
            task = bar.add_task("匹配", total=len(streets))
            for sid in streets:
                org = store.get(Organization, sid)
                if org.level != OrgLevel.STREET:
                    raise UserError(f"{org.name}（{sid}）不是街道：--street 须给出街道编号")
                name = org.name

                def stage(text: str, name: str = name) -> None:
                    bar.update(task, description=f"{name}：{text}")

                summaries.append((name, run_match(store, sid, params, progress=stage)[1]))
                bar.advance(task)
    table = Table(title="匹配结果")
    for col in ("街道", "开放需求", "参与匹配", "资源", "候选对", "完全满足", "部分满足",
                "无契合", "他因未配", "提议项目", "写入", "目标值", "状态",
                "用时(秒)"):
        table.add_column(col, justify="left" if col in ("街道", "状态") else "right")
    reasons: Counter[str] = Counter()
    for name, s in summaries:
        reasons.update(s.unmatched)
        written = "输入未变，未写入" if s.unchanged_input else (
            f"{s.written}" + (f"（{s.skipped} 项已被他人改动，未改写）" if s.skipped else ""))
        no_fit = s.unmatched.get("no_acceptable_fit", 0)
        table.add_row(name, str(s.open_needs), str(s.needs), str(s.resources),
                      f"{s.candidates:,}", str(s.served), str(s.partly_served), str(no_fit),
                      str(sum(s.unmatched.values()) - no_fit), str(s.proposed), written,
                      f"{s.objective:.2f}", STATUS_LABELS.get(s.status, s.status),
                      f"{sum(s.seconds.values()):.2f}")
    console.print(table)
    if reasons:
        why = Table("未匹配原因", "需求数", title="未匹配需求的原因")
        for reason, n in reasons.most_common():
            why.add_row(REASON_LABELS.get(reason, reason), str(n))
        console.print(why)


STATUS_LABELS = {"optimal": "最优（已证明）", "time_limit": "达到时限", "heuristic": "启发式"}


def _weights(text: str | None) -> dict[str, dict[str, float]]:
    """``text=0.9,distance=0.3`` as the run parameters' one vocabulary (as in the API)."""
    from api.runs import run_params
    from matching import FEATURES, ParamsError

    out: dict[str, float] = {}
    for part in filter(None, (text or "").split(",")):
        key, sep, value = part.partition("=")
        key = key.strip()
        if not sep or key not in FEATURES:
            raise UserError(f"--weights 中的「{part}」无法识别：应写成 特征=权重，"
                            f"特征为 {', '.join(FEATURES)} 之一")
        try:
            out[key] = float(value)
        except ValueError:
            raise UserError(f"--weights 中 {key} 的权重「{value}」不是数字") from None
    params = {"weights": out} if out else {}
    try:
        run_params(params)
    except ParamsError as e:
        raise UserError(f"--weights：{e}") from None
    return params


def _street_ids(store: GraphStore) -> list[str]:
    streets = store.list(Organization, filters={"level": OrgLevel.STREET}, size=10_000).items
    if not streets:
        raise UserError("数据库里还没有街道：请先运行 gongjian demo 或导入组织清单")
    return sorted(s.id for s in streets)


@command()
def bench(sizes: Annotated[str, typer.Option(
              help="需求数，逗号分隔（资源约为 1.5 倍）")] = "200,2000,20000,100000",
          compare: Annotated[bool, typer.Option(
              help="同时用 HiGHS 线性规划求解并计时 OR-Tools 最小费用流，核对目标值")] = False,
          seed: Annotated[int, typer.Option(help="随机种子")] = 7,
          lp_seconds: Annotated[float, typer.Option(
              help="对照用 HiGHS 线性规划的时限（秒）")] = 900.0,
          out: Annotated[Path | None, typer.Option(help="另存结果为 JSON")] = None) -> None:
    """基准测试：用示范区生成器生成从街道到城市规模的实例，逐阶段计时与核对。"""
    import json

    from api.runs import demo_problem_apart
    from matching import MatchParams
    from matching.bench import bench as run_bench

    try:
        counts = sorted(int(x) for x in sizes.split(","))
    except ValueError:
        raise UserError(f"--sizes 应为逗号分隔的整数，收到「{sizes}」") from None
    if not counts or counts[0] < 10:
        raise UserError("--sizes 中每个规模至少 10 个需求")
    params = MatchParams(time_limit_s=lp_seconds)
    rows: list[dict[str, Any]] = []
    for n in counts:
        with console.status(f"生成并求解 {n:,} 个需求的实例"):
            problem = demo_problem_apart(n, seed=seed)
            # the greedy baseline is a whole extra pipeline: kept to the sizes where it
            # costs seconds, not minutes; the re-run is checked against a full run always
            rows.extend(run_bench({f"{n:,}": problem}, params, compare=compare,
                                  greedy=n <= 20_000, rerun=True))
        console.print(f"{n:,} 个需求：总计 {rows[-1]['t_total']:.2f} 秒")
    for table in _bench_tables(rows):
        console.print(table)
    if out is not None:
        out.write_text(json.dumps(rows, ensure_ascii=False, indent=1), encoding="utf-8")
        console.print(f"结果已保存到 {out}")


@command("bench-store")
def bench_store(
        city_scale: Annotated[float, typer.Option(
            help="城市规模实例为示范区的多少倍")] = 3.0,
        transitions: Annotated[int, typer.Option(help="带版本的修改次数")] = 1000) -> None:
    """存储基准：嵌入式存储与 Neo4j（NEO4J_URI）各跑一遍载入、快照、带版本修改与分页，给出倍数。

    Neo4j 数据库须为空（基准会写入并在结束时清空它）。"""
    import tempfile

    from api.store_bench import OPERATIONS
    from api.store_bench import bench_store as run_bench_store
    from graph import EmbeddedStore
    from graph.neo4j_store import Neo4jStore

    if not 1 <= transitions <= 100_000 or not 0.1 <= city_scale <= 50:
        raise UserError("--transitions 须在 1 到 100000 之间，--city-scale 须在 0.1 到 50 之间")
    settings = load_settings()
    if not settings.neo4j_uri:
        raise UserError("未设置 NEO4J_URI：存储基准需要一个空的 Neo4j（例如 make neo4j，"
                        "见 README「Run on Neo4j」）")
    neo = open_store(settings)
    assert isinstance(neo, Neo4jStore)
    try:
        if neo.counts():
            raise UserError(f"Neo4j 数据库 {neo.database}（{neo.uri}）不是空的：存储基准会清空它，"
                            "请换一个空库（例如用另一个数据目录启动 make neo4j）")
        with tempfile.TemporaryDirectory() as tmp:
            opened: list[GraphStore] = []
            made = [0]

            def embedded() -> GraphStore:
                for old in opened:
                    old.close()
                made[0] += 1
                opened[:] = [EmbeddedStore(Path(tmp) / f"bench-{made[0]}.db")]
                return opened[0]

            def neo4j() -> GraphStore:
                neo.clear(confirm=neo.database)
                return neo

            with console.status("存储基准") as status:
                rows = run_bench_store({"embedded": embedded, "neo4j": neo4j},
                                       transitions=transitions, city_scale=city_scale,
                                       progress=status.update)
            for old in opened:
                old.close()
    finally:
        neo.clear(confirm=neo.database)
        neo.close()
    base, other = rows
    table = Table("操作", "规模", "嵌入式（秒）", "Neo4j（秒）", "Neo4j / 嵌入式",
                  title="存储基准（同一进程、同一数据）")
    for key, label in OPERATIONS:
        size = base.sizes.get(key)
        table.add_row(label, f"{size:,}" if size else "", f"{base.seconds[key]:.4f}",
                      f"{other.seconds[key]:.4f}",
                      f"{other.seconds[key] / max(base.seconds[key], 1e-9):.2f}×")
    console.print(table)


BENCH_TABLES = {
    "各阶段用时（秒）与内存": [
        ("size", "需求"), ("n_resources", "资源"), ("n_candidates", "候选对"),
        ("t_candidates", "候选"), ("t_scores", "评分"), ("t_solve", "求解"),
        ("t_explain", "解释"), ("t_scarcity", "稀缺度"), ("t_validate", "校验"),
        ("t_total", "总计"), ("peak_rss_mib", "内存峰值 MiB"),
        ("workers_peak_mib", "求解子进程内存峰值 MiB"), ("scarcity_rows", "稀缺度行")],
    "目标值与对照": [
        ("size", "需求"), ("objective", "目标值"), ("status", "状态"),
        ("greedy_gap_pct", "贪心差距 %"), ("t_ortools_raw", "OR-Tools 秒"),
        ("solve_ratio", "求解/OR-Tools"), ("rounds", "证明轮数"), ("core_pairs", "核心候选对"),
        ("t_lp_solve", "HiGHS 秒"),
        ("lp_status", "HiGHS 状态"), ("rel_diff", "相对差"), ("agree", "一致")],
    "增加一条需求后重算（沿用上次最优解）": [
        ("size", "需求"), ("t_rerun", "重算总计"), ("rerun_ratio", "重算/首次"),
        ("t_rerun_pairs", "重算候选与评分"), ("t_rerun_solve", "重算求解"),
        ("t_rerun_after", "重算解释与校验"),
        ("reused_pct", "沿用候选对 %"), ("t_rerun_full_solve", "完整求解"),
        ("rerun_same", "与完整运行一致")],
}


def _bench_tables(rows: list[dict[str, Any]]) -> list[Table]:
    tables = []
    for title, columns in BENCH_TABLES.items():
        present = [(key, label) for key, label in columns if any(key in r for r in rows)]
        table = Table(title=title)
        for _, label in present:
            table.add_column(label, justify="right")
        for row in rows:
            table.add_row(*(_cell(row.get(key)) for key, _ in present))
        tables.append(table)
    return tables


def _cell(value: object) -> str:
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        return f"{value:.4g}" if abs(value) < 1e4 else f"{value:,.1f}"
    return STATUS_LABELS.get(str(value), str(value)) if value is not None else ""


@command()
def quality(halves: Annotated[str | None, typer.Option(
                "--half", help="半区，逗号分隔（默认：全部调参半区和测试半区；不带参数运行 "
                "quality 时的表题列出它们）")] = None,
            models: Annotated[str | None, typer.Option(
                "--model", help="文本模型，逗号分隔（默认：本机可用的全部）")] = None,
            limit: Annotated[int | None, typer.Option(
                help="每个半区只取前若干条需求（资源全取）")] = None,
            details: Annotated[bool, typer.Option(
                help="列出错配与漏配的需求")] = False) -> None:
    """在人工标注集上评估匹配质量：精确率、召回率、诱导错配占比、无可服务需求的误配率。"""
    from matching.quality import evaluate_half
    from matching.quality_set import HALVES, TEST_HALVES, TUNING_HALVES
    from matching.semantic import text_models

    tuning, test = "、".join(TUNING_HALVES), "、".join(TEST_HALVES)
    names = [*TUNING_HALVES, *TEST_HALVES] if halves is None else \
        [h.strip().upper() for h in halves.split(",") if h.strip()]
    unknown = [h for h in names if h not in HALVES]
    if unknown or not names:
        raise UserError(f"--half 应为 {tuning}、{test}，逗号分隔，收到「{halves}」")
    if limit is not None and limit < 1:
        raise UserError("--limit 须为正整数")
    available = text_models()
    chosen = list(available) if models is None else [m.strip() for m in models.split(",")]
    missing = [m for m in chosen if m not in available]
    if missing or not chosen:
        raise UserError(f"文本模型「{'、'.join(missing) or models}」不可用；本机可用："
                        f"{'、'.join(available)}")
    table = Table(title=f"匹配质量（人工标注集；{tuning} 为调参半区，{test} 为测试半区）")
    for col in ("半区", "文本模型", "需求", "提议", "精确率", "召回率", "诱导错配占比",
                "无可服务需求误配率"):
        table.add_column(col, justify="left" if col in ("半区", "文本模型") else "right")
    reports = []
    for h in names:
        for m in chosen:
            with console.status(f"半区 {h}，文本模型 {m}"):
                r = evaluate_half(h, model=m, text_similarity=available[m], limit=limit)
            reports.append(r)
            table.add_row(h, m, str(r.needs), str(r.proposed),
                          f"{r.precision:.3f} ({r.right}/{r.proposed})",
                          f"{r.recall:.3f} ({r.served_right}/{r.servable})",
                          f"{r.tempting_share:.1%} ({r.tempting})",
                          f"{r.unservable_share:.1%} ({r.unservable_matched}/{r.unservable})")
    console.print(table)
    if details:
        for r in reports:
            wrong = "、".join(f"{n}→{res}" for n, res in r.wrong) or "无"
            console.print(f"{r.half}/{r.model} 错配：{wrong}", soft_wrap=True)
            console.print(f"{r.half}/{r.model} 漏配：{'、'.join(r.missed) or '无'}",
                          soft_wrap=True)


@command()
def serve(host: Annotated[str | None, typer.Option(help="监听地址")] = None,
          port: Annotated[int | None, typer.Option(help="监听端口")] = None) -> None:
    """启动工作台网页与 HTTP 接口（含 /docs 接口文档）。"""
    import uvicorn

    from api.http import create_app, settle

    settings = load_settings()
    app_ = create_app(settings)
    host, port = host or settings.host, port or settings.port
    console.print(f"gongjian 已启动：工作台 http://{host}:{port}/ （用上面的演示账号登录），"
                  f"接口文档 http://{host}:{port}/docs （Ctrl+C 停止）")
    from api.categories import warm_up

    warm_up()
    settle()
    uvicorn.run(app_, host=host, port=port, log_level="warning")


report_app = typer.Typer(no_args_is_help=True, cls=ChineseGroup,
                         help="由记实生成的报表：双报到反馈、联席会议材料、共建台账")
app.add_typer(report_app, name="report")


def _operator(store: GraphStore, street_id: str) -> Any:
    """The command line acts as the district administrator of the street's district."""
    from api.identity import resolve_identity

    street = store.get_many(Organization, [street_id]).get(street_id)
    if street is None or street.level != OrgLevel.STREET:
        raise UserError(f"没有编号为 {street_id} 的街道")
    district = street.parent_id or street_id
    return resolve_identity(store, Role.DISTRICT_ADMIN, district, "cli", "命令行")


def _write(out: Path, content: bytes) -> None:
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(content)
    except OSError as e:
        raise UserError(f"无法写入 {out}：{e.strerror}") from None


@command("feedback", on=report_app)
def report_feedback(street: Annotated[str, typer.Option(help="街道编号")],
                    year: Annotated[int, typer.Option(help="年份")],
                    half: Annotated[int, typer.Option(help="1 上半年，2 下半年")],
                    out: Annotated[Path, typer.Option(help="输出文件夹")]) -> None:
    """为街道内每个有在职党员的驻区单位生成一份双报到服务反馈单（Word）。"""
    from api.services import reports
    from graph import MemberCategory, PartyMember, ResidentUnit

    with _store() as store:
        who = _operator(store, street)
        units = store.list(ResidentUnit, scope=street, filters={"street_id": street},
                           size=10_000).items
        written = 0
        for unit in sorted(units, key=lambda u: u.id):
            members = store.list(PartyMember, filters={
                "work_unit_id": unit.id, "category": MemberCategory.IN_SERVICE}, size=1).total
            if not members:
                continue
            content = reports.feedback_docx(store, who, unit.id, year=year, half=half)
            _write(out / f"双报到反馈-{year}年{'上' if half == 1 else '下'}半年-{unit.name}.docx",
                   content)
            written += 1
    console.print(f"已生成 {written} 份双报到服务反馈单到 {out}")


@command("meeting", on=report_app)
def report_meeting(street: Annotated[str, typer.Option(help="街道编号")],
                   year: Annotated[int, typer.Option(help="年份")],
                   quarter: Annotated[int, typer.Option(help="季度 1–4")],
                   out: Annotated[Path, typer.Option(help="输出文件（.docx）")]) -> None:
    """生成街道季度区域党建联席会议材料（Word）。"""
    from api.services import reports

    with _store() as store:
        who = _operator(store, street)
        _write(out, reports.meeting_docx(store, who, street, year=year, quarter=quarter))
    console.print(f"已生成联席会议材料：{out}")


@command("ledger", on=report_app)
def report_ledger(street: Annotated[str, typer.Option(help="街道编号")],
                  out: Annotated[Path, typer.Option(help="输出文件（.xlsx）")]) -> None:
    """生成街道共建项目台账（Excel）。"""
    from api.services import reports

    with _store() as store:
        who = _operator(store, street)
        _write(out, reports.ledger_xlsx(store, who, street))
    console.print(f"已生成共建项目台账：{out}")


def main() -> None:
    from matching.memory import keep_freed_memory

    keep_freed_memory()  # a re-run's arrays reuse the memory of the last run's
    app()
