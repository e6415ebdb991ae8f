"""The command line's own words in Chinese: the help screen's titles and usage line, and
usage mistakes (an unknown option, a bad choice, a missing option) as one ``错误：`` line
with exit status 1 instead of typer's English box and status 2.

typer (which carries its own copy of click) writes these texts literally, so they are
translated here, where they are shown: the help panels by typer's own constants, the
usage line and the ``--help`` text at the two places that make them, the mistakes by their
exception type. A mistake this table does not know still prints as one ``错误：`` line.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from typing import Any

import typer
import typer.core
import typer.rich_utils
from typer import _click

__all__ = ["ChineseGroup", "install", "usage_message"]

PANELS = {"ARGUMENTS_PANEL_TITLE": "参数", "OPTIONS_PANEL_TITLE": "选项",
          "COMMANDS_PANEL_TITLE": "命令", "ERRORS_PANEL_TITLE": "错误",
          "DEFAULT_STRING": "[默认：{}]", "REQUIRED_LONG_STRING": "[必填]",
          "ENVVAR_STRING": "[环境变量：{}]", "DEPRECATED_STRING": "（已弃用）",
          "ABORTED_TEXT": "已中止。"}
HELP_TEXT = "显示本帮助并退出。"

_QUOTED = re.compile(r"'([^']*)'")


def _choices(m: re.Match[str]) -> str:
    return f"「{m['v']}」不是可选值之一，可用：{'、'.join(_QUOTED.findall(m['c']))}"


_VALUE_PATTERNS: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (re.compile(r"^(?:Value error, )?'(?P<v>[^']*)' is not one of (?P<c>.*)\.$"), _choices),
    (re.compile(r"^'(?P<v>[^']*)' is not a valid integer\.?$"), lambda m: f"「{m['v']}」不是整数"),
    (re.compile(r"^'(?P<v>[^']*)' is not a valid float\.?$"), lambda m: f"「{m['v']}」不是数字"),
    (re.compile(r"^Input should be a valid integer"), lambda m: "须为整数"),
    (re.compile(r"^Input should be a valid number"), lambda m: "须为数字"),
    (re.compile(r"^(?:Value error, )?(?P<rest>.*)$"), lambda m: m["rest"]),
]


def _value(message: str) -> str:
    for pattern, words in _VALUE_PATTERNS:
        m = pattern.match(message.strip())
        if m:
            return words(m)
    return message


def _hint(e: Any) -> str:
    param = getattr(e, "param", None)
    hint = getattr(e, "param_hint", None) or (param.get_error_hint() if param else "")
    if isinstance(hint, list | tuple):
        hint = " / ".join(hint)
    return str(hint).replace("'", "")


def usage_message(e: Exception) -> str:
    """One Chinese sentence for a usage mistake.

    >>> usage_message(_click.exceptions.NoSuchOption("--nope"))
    '没有选项 --nope'
    """
    exc = _click.exceptions
    if isinstance(e, exc.NoSuchOption):
        text = f"没有选项 {e.option_name}"
        if e.possibilities:
            text += f"；您是否要输入 {'、'.join(sorted(e.possibilities))}"
        return text
    if isinstance(e, exc.MissingParameter):
        kind = "参数" if (e.param_type or "") == "argument" else "选项"
        return f"缺少{kind} {_hint(e)}".rstrip()
    if isinstance(e, exc.BadParameter):
        hint = _hint(e)
        return f"{hint} 的值无效：{_value(e.message)}" if hint else f"值无效：{_value(e.message)}"
    message = e.format_message() if isinstance(e, exc.ClickException) else str(e)
    m = re.match(r"No such command '([^']*)'", message)
    if m:
        return f"没有命令「{m[1]}」"
    m = re.match(r"Got unexpected extra arguments? \((.*)\)", message)
    if m:
        return f"多余的参数：{m[1]}"
    m = re.match(r"Option '([^']*)' requires (?:an argument|\d+ arguments)", message)
    if m:
        return f"选项 {m[1]} 需要一个值"
    return message


def install() -> None:
    """Chinese titles, usage line and ``--help`` text on every help screen."""
    for name, text in PANELS.items():
        setattr(typer.rich_utils, name, text)
    formatter = _click.formatting.HelpFormatter
    if getattr(formatter.write_usage, "_chinese", False):
        return
    write_usage = formatter.write_usage

    def chinese_usage(self: Any, prog: str, args: str = "", prefix: str | None = None
                      ) -> None:
        write_usage(self, prog, args, "用法：" if prefix is None else prefix)

    chinese_usage._chinese = True  # type: ignore[attr-defined]
    formatter.write_usage = chinese_usage  # type: ignore[method-assign]
    get_help_option = _click.core.Command.get_help_option

    def chinese_help(self: Any, ctx: Any) -> Any:
        option = get_help_option(self, ctx)
        if option is not None:
            option.help = HELP_TEXT
        return option

    _click.core.Command.get_help_option = chinese_help  # type: ignore[method-assign]
    highlighter = typer.rich_utils.OptionHighlighter
    highlighter.highlights = [h.replace("Usage: ", "用法：") for h in highlighter.highlights]


class ChineseGroup(typer.core.TyperGroup):
    """typer's group whose usage mistakes print one Chinese line and exit with 1."""

    def main(self, args: Any = None, prog_name: str | None = None,  # type: ignore[override]
             complete_var: str | None = None, standalone_mode: bool = True,
             **extra: Any) -> Any:
        try:
            rv = super().main(args, prog_name, complete_var, standalone_mode=False, **extra)
        except _click.exceptions.NoArgsIsHelpError as e:
            _click.echo(e.ctx.get_help())
            rv = 0
        except _click.exceptions.UsageError as e:
            _click.echo(f"错误：{usage_message(e)}（运行「gongjian --help」查看用法）",
                        err=True)
            if not standalone_mode:
                raise
            sys.exit(1)
        if standalone_mode:
            sys.exit(rv if isinstance(rv, int) else 0)
        return rv
