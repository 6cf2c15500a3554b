"""The store: every stored form, read and written one whole transaction at a time.

Every public write is a single transaction: it commits whole or, on any failure, rolls
back and leaves the store exactly as it was. Reads return fresh domain dataclasses or
frozen summaries, never table rows, so nothing handed out can go stale with a session.
Mapping between the two lives in `db.mapping`; the statements in `db.reads` and
`db.writes`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime

from sqlalchemy.exc import DatabaseError, OperationalError, SQLAlchemyError
from sqlmodel import Session

from db import figures, mapping, reads, search, writes
from db.engine import make_engine, resolve_url, writing
from db.records import (
    FiguresRules,
    FormFigures,
    FormNotFound,
    FormState,
    FormSummary,
    SearchMatch,
    StoredForm,
    StoreError,
    SummaryFigures,
    Touched,
)
from db.schema_version import migrate_if_needed
from desktop.forms import Form, FormKind


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime) -> datetime:
    """Timestamps are kept in UTC; a naive one is taken to be UTC already."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _state(value: FormState | str) -> FormState:
    try:
        return FormState(value)
    except ValueError:
        raise StoreError(f"未知的表格状态：{value}") from None


def _stored(parts: mapping.StoredParts) -> StoredForm:
    return StoredForm(mapping.build_form(parts), reads.summary_of(parts.row))


def _first_line(error: object) -> str:
    """Driver messages can run to several lines and a link; the clerk gets the first."""
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


class Store:
    """All forms of one database (a SQLite file by default; any SQLAlchemy URL).

    With every form it keeps the figures the rules make of it (`db.figures`). How they
    are computed is handed in from above as `figures` (a function and the version of
    the rules), so the store applies no rule of its own and a test can count or vary
    the computation. Without it, the store takes the app's rules (`desktop.figures`),
    imported only when first needed: every store opened anywhere (the window, the
    command line, a script) writes forms, and one that wrote them without their figures
    would leave them to be recomputed at the next start. `desktop.figures` imports
    nothing from the store, so there is no import cycle.
    """

    def __init__(self, url: str, *, figures: FiguresRules | None = None) -> None:
        """Connect and bring the schema to the newest revision (a no-op when current)."""
        self.url = url
        self._full_text: bool | None = None
        self._figures_rules = figures
        self.engine = make_engine(url)
        self._writer = writing(self.engine)
        try:
            with self._translated_errors():
                migrate_if_needed(self.engine)
        except BaseException:
            self.engine.dispose()
            raise

    @classmethod
    def open(cls, url: str | None = None) -> Store:
        """The store at `url`, else $JIXIAO_DB, else the user's default file."""
        return cls(resolve_url(url))

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ sessions

    @contextmanager
    def _reading(self) -> Iterator[Session]:
        with self._translated_errors(), Session(self.engine) as session:
            yield session

    @contextmanager
    def _transaction(self) -> Iterator[Session]:
        """One write transaction: commit on success, roll back on any exception."""
        with self._translated_errors(), Session(self._writer) as session, session.begin():
            yield session

    @contextmanager
    def _translated_errors(self) -> Iterator[None]:
        try:
            yield
        except OperationalError as error:
            if "locked" in str(error.orig):
                raise StoreError("数据库正被另一个程序使用，请稍后再试") from error
            if "unable to open" in str(error.orig):
                raise StoreError(f"无法打开数据库 {self.url}（文件夹不存在或没有权限）") from error
            raise StoreError(f"数据库操作失败：{_first_line(error.orig)}") from error
        except DatabaseError as error:
            if "not a database" in str(error.orig):
                raise StoreError(f"{self.url} 不是绩效填报助手的数据库文件，或已损坏") from error
            raise StoreError(f"数据库操作失败：{_first_line(error.orig)}") from error
        except SQLAlchemyError as error:
            raise StoreError(f"数据库操作失败：{_first_line(error)}") from error

    # ------------------------------------------------------------ whole forms

    def add_form(self, form: Form, *, state: FormState | str = FormState.DRAFT) -> int:
        """Store a new form and return its id (never an id a deleted form had)."""
        now, computed = _now(), self._figures_of(form)
        with self._transaction() as session:
            form_id = writes.insert_form(session, form, form_id=None, state=_state(state),
                                         created_at=now, now=now)
            self._keep_figures(session, form_id, computed, now)
            return form_id

    def restore_form(self, stored: StoredForm) -> None:
        """Put a deleted form back under its old id, state and creation time.

        This is the undo of a delete: steps recorded against the id apply again.
        """
        summary, now, computed = stored.summary, _now(), self._figures_of(stored.form)
        with self._transaction() as session:
            writes.insert_form(session, stored.form, form_id=summary.id,
                               state=summary.state, created_at=_aware(summary.created_at),
                               now=now)
            self._keep_figures(session, summary.id, computed, now)

    def load_form(self, form_id: int) -> Form:
        """A fresh copy of the stored form, as plain domain dataclasses."""
        with self._reading() as session:
            return mapping.build_form(reads.read_parts(session, form_id))

    def replace_form(self, form_id: int, form: Form) -> StoredForm:
        """Overwrite everything the form holds, keeping its id, state and creation time
        (but an exported form becomes changed since export); return the content it
        replaced."""
        now, computed = _now(), self._figures_of(form)
        with self._transaction() as session:
            replaced = _stored(reads.read_parts(session, form_id))
            writes.update_header(session, form_id, form, now)
            writes.delete_children(session, form_id)
            writes.insert_children(session, form_id, form)
            self._keep_figures(session, form_id, computed, now)
        return replaced

    def delete_form(self, form_id: int) -> StoredForm:
        """Remove the form and (ON DELETE CASCADE) all its rows; return what was removed."""
        with self._transaction() as session:
            parts = reads.read_parts(session, form_id)
            removed = _stored(parts)
            session.delete(parts.row)
        return removed

    def write_changes(self, form_id: int, form: Form, touched: Touched) -> None:
        """Store the parts of `form` named by `touched`; the write path's one call. An
        exported form becomes changed since export in the same transaction."""
        now, computed = _now(), self._figures_of(form)
        with self._transaction() as session:
            writes.write_touched(session, form_id, form, touched, now)
            self._keep_figures(session, form_id, computed, now)

    def set_state(self, form_id: int, state: FormState | str) -> None:
        """Record where the clerk's work stands; not a change to the form's content."""
        checked = _state(state)
        with self._transaction() as session:
            reads.form_row(session, form_id).state = checked.value

    # ------------------------------------------------------------ figures

    def _rules(self) -> FiguresRules:
        if self._figures_rules is None:
            from desktop.figures import store_rules  # the rules load with the first use
            self._figures_rules = store_rules()
        return self._figures_rules

    def _figures_of(self, form: Form) -> FormFigures | None:
        """The figures of the content about to be written, computed before the write
        transaction opens so that the write lock is held no longer than the write.

        A form the rules cannot evaluate (a profile this release does not have) is
        still stored: a cache must never refuse the clerk's content. It gets no row,
        and is evaluated again, and the failure shown, when the list is read.
        """
        try:
            return self._rules().compute(form)
        except (ValueError, ArithmeticError):
            return None

    def _keep_figures(self, session: Session, form_id: int, computed: FormFigures | None,
                      now: datetime) -> None:
        """In the transaction of the content write: the row names the form's new
        `updated_at` (`now`, stamped by the write), so it is fresh exactly as long as
        that content stands."""
        figures.keep(session, form_id, computed, self._rules().version, now)

    def list_with_figures(self, year: int | None = None, code: str | None = None,
                          kind: FormKind | None = None,
                          unit: str | None = None) -> list[SummaryFigures]:
        """`list_forms` with each form's figures, read in the same query. Stale figures
        (another version of the rules, or an older store without them) are recomputed,
        in batches, and written back for the next time."""
        version = self._rules().version
        with self._reading() as session:
            lines = figures.listed(session, version, year, code, kind, unit)
        stale = [line.summary.id for line in lines if line.figures is None]
        rebuilt = self._rebuild_figures(stale) if stale else {}
        return [SummaryFigures(line.summary, line.figures or rebuilt[line.summary.id])
                for line in lines if line.figures is not None or line.summary.id in rebuilt]

    def lines_with_figures(self, form_ids: Sequence[int] | None = None) -> list[figures.Line]:
        """Every form (or those of `form_ids` still stored) with its figures as plain
        values, in the order of `list_forms`: what a list of 20,000 forms shows, and a
        row of it after an edit, read without a summary per form. Stale figures are
        recomputed and written back, as by `list_with_figures`."""
        with self._reading() as session:
            read = figures.lines(session, self._rules().version, form_ids)
        if not read.stale:
            return read.lines
        return figures.with_rebuilt(read, self._rebuild_figures(read.stale))

    def summary_with_figures(self, form_id: int) -> SummaryFigures:
        """One form's summary and figures (fresh after any write through a store:
        they were written with it). Raises FormNotFound when the form is gone."""
        with self._reading() as session:
            line = figures.listed_one(session, form_id, self._rules().version)
        if line is None:
            raise FormNotFound(form_id)
        if line.figures is not None:
            return SummaryFigures(line.summary, line.figures)
        rebuilt = self._rebuild_figures([form_id])
        if form_id not in rebuilt:
            raise FormNotFound(form_id)
        return SummaryFigures(line.summary, rebuilt[form_id])

    def _rebuild_figures(self, form_ids: Sequence[int]) -> dict[int, FormFigures]:
        """Recompute the figures of the forms (a deleted one is left out), loading them
        a batch at a time, and write each batch back in its own short transaction."""
        rules, rebuilt = self._rules(), dict[int, FormFigures]()
        for chunk in reads.chunks(form_ids):
            with self._reading() as session:
                computed = {parts.form_id: figures.Computed(
                    rules.compute(mapping.build_form(parts)), parts.row.updated_at)
                    for parts in reads.read_many_parts(session, chunk)}
            self._write_back(computed, rules.version)
            rebuilt.update({form_id: done.figures for form_id, done in computed.items()})
        return rebuilt

    def _write_back(self, computed: dict[int, figures.Computed], version: str) -> None:
        """Best effort: the figures are returned whether or not they could be kept (the
        store may be busy with another program, or read-only); they are recomputed
        next time instead."""
        try:
            with self._transaction() as session:
                figures.keep_many(session, computed, version)
        except StoreError:
            pass

    # ------------------------------------------------------------ lists

    def summary(self, form_id: int) -> FormSummary:
        with self._reading() as session:
            return reads.summary_of(reads.form_row(session, form_id))

    def list_forms(self, year: int | None = None, code: str | None = None,
                   kind: FormKind | None = None, unit: str | None = None) -> list[FormSummary]:
        """Stored forms, newest year first, then by unit, code and name."""
        with self._reading() as session:
            return reads.summaries(session, year, code, kind, unit)

    def units(self, year: int) -> list[str]:
        """The units with forms in the year, as the list shows them (实施单位, else
        一级预算单位)."""
        with self._reading() as session:
            return reads.units(session, year)

    def load_forms(self, form_ids: Sequence[int]) -> dict[int, Form]:
        """Fresh copies of many forms in one read, by id in the order asked (a form
        deleted meanwhile is left out): a query per table, not per form and table."""
        with self._reading() as session:
            return {parts.row.id: mapping.build_form(parts)  # type: ignore[misc]
                    for parts in reads.read_many_parts(session, list(form_ids))}

    def indicator_counts(self, form_ids: Sequence[int]) -> dict[int, int]:
        """The number of indicator rows of each form (forms without any are left out)."""
        with self._reading() as session:
            return reads.indicator_counts(session, list(form_ids))

    # ------------------------------------------------------------ across years

    def forms_of_project(self, form_id: int) -> list[FormSummary]:
        """Every form of the form's project, all years and kinds, newest year first
        (matched by code, else by name: `db.search.project_form_ids`)."""
        with self._reading() as session:
            return reads.summaries_of(session, search.project_form_ids(session, form_id))

    def search(self, key: str, limit: int) -> list[SearchMatch]:
        """The forms whose code, name, indicator names or goals contain `key` (already
        folded with `desktop.textnorm.search_key`): matches in code or name first, each
        newest year first, with the text that matched."""
        full_text = self._has_full_text()
        with self._reading() as session:
            hits = search.matching_form_ids(session, key, limit, full_text)
            return search.locate(session, hits, key)

    def _has_full_text(self) -> bool:
        """Asked once per store: the answer only changes with a migration."""
        if self._full_text is None:
            with self._reading() as session:
                self._full_text = search.has_full_text(session)
        return self._full_text

    def find_form(self, year: int, code: str, kind: FormKind) -> int | None:
        """The id of the form of that kind for that project (or unit) and year.

        A blank code identifies nothing, so it finds nothing; of several matches the
        oldest wins.
        """
        if not code.strip():
            return None
        with self._reading() as session:
            return reads.first_form_id(session, year, code, kind)

    def years(self) -> list[int]:
        """The years that have at least one form, newest first."""
        with self._reading() as session:
            return reads.stored_years(session)

    def listing(self, columns: Sequence[str], year: int | None = None) -> list[dict[str, object]]:
        """Just the named columns (`db.reads.LISTING_COLUMNS`) of the stored forms, in
        the order of `list_forms`, read in one query: for `jixiao list`, which prints
        nothing else and would otherwise build a summary of every form."""
        with self._reading() as session:
            return reads.listing(session, columns, year)
