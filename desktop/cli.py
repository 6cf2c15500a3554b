"""The `jixiao` command: the window by default, and checks, import, export and listing
for anyone who prefers a terminal or a script.

Every failure a user can cause ends with exit code 2 and one Chinese line on stderr,
never a traceback: a refusal, a store that cannot be opened or written, and content a
hostile file carries past the readers (desktop.content_errors). Output cut short by its
reader (`jixiao list | head -1`) ends the program quietly with exit code 0: the reader
had what it wanted, and a script under `set -o pipefail` must not fail because of it.
Every line goes out through desktop.commands.output, which keeps control characters off
the terminal.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from desktop import __version__
from desktop.commands.output import say
from desktop.content_errors import CONTENT_ERRORS, content_problem
from desktop.editing.errors import EditError
from desktop.interchange.errors import FormFileError
from desktop.logs import ensure_streams, log_exception
from desktop.money import AmountError

EXIT_USAGE = 2


class CommandError(Exception):
    """A refusal whose message is the one line the user sees."""


REFUSALS: tuple[type[Exception], ...] = (CommandError, FormFileError, AmountError, EditError)
"""The errors a user can cause, each told in one line with exit code 2; the store's
StoreError joins them in `_refusals`."""


def _refusals() -> tuple[type[Exception], ...]:
    """REFUSALS and, once a command has loaded the store, its StoreError.

    Looked up rather than imported: `score` must load nothing of `db` (it touches no
    store, and a test holds it to that), and a StoreError can only have been raised by
    a command that loaded the store.
    """
    records = sys.modules.get("db.records")
    return (*REFUSALS, records.StoreError) if records else REFUSALS


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # argparse's own messages are English
        say(f"jixiao：命令行参数有误：{message}（用 jixiao --help 查看用法）", sys.stderr)
        self.exit(EXIT_USAGE)


def _year(text: str) -> int:
    if not text.strip().isdigit() or not 1900 < int(text) < 3000:
        raise argparse.ArgumentTypeError(f"年度应为四位数字：{text}")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="jixiao", description="绩效填报助手：填报、检查、导入导出绩效表格。"
                                                "不带子命令时打开窗口。")
    parser.add_argument("--version", action="version", version=f"jixiao {__version__}")
    parser.add_argument("--self-test", action="store_true",
                        help="在屏幕外打开窗口，修改并撤销一个得分，检查总分（用于安装后自检）；"
                             "加 --db 时在该数据库中用一份临时表格自检，完成后删除")
    parser.add_argument("--db", help="数据库：文件路径或 SQLAlchemy URL（默认用户数据目录；"
                                     "也可用环境变量 JIXIAO_DB）")
    commands = parser.add_subparsers(dest="command", metavar="命令", parser_class=_Parser)

    score = commands.add_parser("score", help="计算并检查表格文件中的每张表（.json、.xlsx、.xls；不写入数据库）")
    score.add_argument("file", type=Path)
    score.add_argument("--json", action="store_true", help="输出 JSON")
    score.add_argument("--year", type=_year, help="表中没有年度时使用的预算年度")

    imp = commands.add_parser("import", help="把表格文件（.json、.xlsx、.xls）或文件夹导入数据库，"
                                             "工作簿中的每张表各成一份表格")
    imp.add_argument("files", nargs="+", type=Path)
    imp.add_argument("--replace", action="store_true", help="覆盖库中同年度同项目的表格")
    imp.add_argument("--year", type=_year, help="表中没有年度时使用的预算年度（如深圳的目标申报表）")

    exp = commands.add_parser("export", help="从数据库导出表格")
    exp.add_argument("--year", type=int, required=True)
    exp.add_argument("--code", help="项目编码（默认该年度全部表格）")
    exp.add_argument("--format", choices=["xlsx", "json"],
                     help="xlsx（导入模板）或 json；默认按 --out 的扩展名，文件夹时为 xlsx")
    exp.add_argument("--layout", help="xlsx 表样（如 city-2024），用于同类表格；默认用表格自己的表样")
    exp.add_argument("--out", type=Path, required=True,
                     help="输出文件（一个表格时）或文件夹（每个表格一个文件）")

    lst = commands.add_parser("list", help="列出库中的表格")
    lst.add_argument("--year", type=int)
    lst.add_argument("--json", action="store_true", help="输出 JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    ensure_streams()  # a windowed build has none; --version and --help must not crash
    try:
        try:
            return _run(build_parser().parse_args(argv))
        finally:   # --help's SystemExit too: flushed here, a closed pipe is caught below
            sys.stdout.flush()
    except BrokenPipeError:
        _discard_stdout()
        return 0


def _run(args: argparse.Namespace) -> int:
    try:
        return _dispatch(args)
    except BrokenPipeError:
        raise   # the reader stopped reading: not an error of ours (see main)
    except _refusals() as error:   # evaluated only once something was raised
        say(f"jixiao：{error}", sys.stderr)
        return EXIT_USAGE
    except CONTENT_ERRORS as error:   # a hostile file's doing, not a defect: no log named
        if os.environ.get("JIXIAO_DEBUG"):
            raise
        say(f"jixiao：{content_problem(error)}", sys.stderr)
        return EXIT_USAGE
    except Exception as error:  # a defect, still told in one line; JIXIAO_DEBUG shows it all
        if os.environ.get("JIXIAO_DEBUG"):
            raise
        say(_internal_error_line(error), sys.stderr)
        return 1


def _discard_stdout() -> None:
    """Point stdout at the null device, so that the interpreter's last flush of what is
    still buffered does not fail again on the closed pipe ("Exception ignored …")."""
    try:
        descriptor = sys.stdout.fileno()
    except (AttributeError, OSError, ValueError):   # not a real file (a test's capture)
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, descriptor)
    os.close(devnull)


def _internal_error_line(error: Exception) -> str:
    """One line for the user; the traceback goes to the log file it names."""
    log = log_exception((type(error), error, error.__traceback__), "命令行")
    first = str(error).strip().splitlines()[0] if str(error).strip() else ""
    where = f"详情已记入日志 {log}" if log else "设置 JIXIAO_DEBUG=1 可查看详情"
    return f"jixiao：内部错误（{type(error).__name__}）{first}；{where}"


def _dispatch(args: argparse.Namespace) -> int:
    if args.self_test:
        from desktop.ui.self_test import run_self_test
        return run_self_test(args.db)
    if args.command is None:
        return _run_window(args.db)
    from desktop import commands  # each command imports what it uses when it runs
    handler = {"score": commands.score, "import": commands.import_, "export": commands.export,
               "list": commands.list_}[args.command]
    return handler(args)


def _run_window(db: str | None) -> int:
    from desktop.display import display_problem  # ctypes: only a window needs it
    problem = display_problem()
    if problem:
        print(problem, file=sys.stderr)
        return 1
    from desktop.ui.app import run_app
    return run_app(db)
