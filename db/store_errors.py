"""What the database says, turned into the one Chinese line the clerk reads.

Every session of the store runs inside `translated_errors`, so whatever SQLite,
PostgreSQL or their drivers raise reaches the window and the command line as a
StoreError (or one of its kinds: FormExists, StoreReadOnly), never as a driver's
exception with a traceback.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import DatabaseError, IntegrityError, OperationalError, SQLAlchemyError

from db.identities import is_clash
from db.records import FormExists, StoreError, StoreReadOnly

READ_ONLY_SIGNS = ("readonly database", "read-only transaction")
"""SQLite's "attempt to write a readonly database" (a file that became read-only while
open) and PostgreSQL's "cannot execute INSERT in a read-only transaction" (a standby
server, a database set read-only)."""


def first_line(error: object) -> str:
    """Driver messages can run to several lines and a link; the clerk gets the first."""
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


def read_only_line(url: str) -> str:
    return f"数据库 {url} 是只读的：可以查看和导出，不能修改或导入"


def translated(error: SQLAlchemyError, url: str) -> StoreError:
    """The StoreError that tells the clerk what `error` means."""
    said = str(getattr(error, "orig", None) or error)
    if isinstance(error, IntegrityError) and is_clash(error):
        return FormExists()
    if any(sign in said for sign in READ_ONLY_SIGNS):
        return StoreReadOnly(read_only_line(url))
    if isinstance(error, OperationalError) and "locked" in said:
        return StoreError("数据库正被另一个程序使用，请稍后再试")
    if isinstance(error, OperationalError) and "unable to open" in said:
        return StoreError(f"无法打开数据库 {url}（文件夹不存在或没有权限）")
    if isinstance(error, DatabaseError) and "not a database" in said:
        return StoreError(f"{url} 不是绩效填报助手的数据库文件，或已损坏")
    return StoreError(f"数据库操作失败：{first_line(said)}")


@contextmanager
def translated_errors(url: str) -> Iterator[None]:
    try:
        yield
    except SQLAlchemyError as error:
        raise translated(error, url) from error
    except UnicodeEncodeError as error:
        # A lone surrogate, which UTF-8 cannot hold: only a hostile file carries one
        # (the form checks refuse it first: desktop.editing.fields).
        raise StoreError(f"文字中有无法保存的字符（{error.object[error.start:error.end]!a}），"
                         "请检查文件内容") from error
