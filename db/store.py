"""The store: every stored form, read and written one whole transaction at a time.

Every public write is a single transaction: it commits whole or, on any failure, rolls
back and leaves the store exactly as it was. Reads return fresh domain dataclasses or
frozen summaries, never table rows, so nothing handed out can go stale with a session.
Mapping between the two lives in `db.mapping`; the statements in `db.reads` and
`db.writes`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import TypeVar

from sqlmodel import Session

from db import figures, identities, mapping, reads, search, writes
from db.engine import is_read_only, make_engine, resolve_url, writing
from db.records import (
    FiguresRules,
    FormFigures,
    FormNotFound,
    FormState,
    FormSummary,
    SearchMatch,
    StoredForm,
    StoreError,
    StoreReadOnly,
    SummaryFigures,
    Touched,
)
from db.schema_version import migrate_if_needed
from db.store_errors import read_only_line, translated_errors
from desktop.forms import Form, FormKind

Made = TypeVar("Made")


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


def _summary_now(session: Session, form_id: int) -> FormSummary:
    """The form's summary as the transaction has just written it, read from the
    database as any later read will be: statements wrote the row, not the session's
    copy of it, which may be stale."""
    session.expire_all()
    return reads.summary_of(reads.form_row(session, form_id))


def _its_id(stored: StoredForm) -> int:
    return stored.summary.id


def _what_was_replaced(replaced: StoredForm, _stored_now: StoredForm) -> StoredForm:
    return replaced


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
        self.read_only = is_read_only(self.engine)
        """A SQLite file that can be read but not written (db.read_only): every write
        is refused in one line before it is tried."""
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
        if self.read_only:
            raise StoreReadOnly(read_only_line(self.url))
        with self._translated_errors(), Session(self._writer) as session, session.begin():
            yield session

    @contextmanager
    def _translated_errors(self) -> Iterator[None]:
        """Whatever the database says, as one line for the clerk (db.store_errors)."""
        with translated_errors(self.url):
            yield

    # ------------------------------------------------------------ whole forms

    def add_form(self, form: Form, *, state: FormState | str = FormState.DRAFT) -> int:
        """Store a new form and return its id (never an id a deleted form had). A form of
        an identity the store holds already is refused (FormExists)."""
        return self.add_form_with(form, _its_id, state=state)

    def add_form_with(self, form: Form, then: Callable[[StoredForm], Made], *,
                      state: FormState | str = FormState.DRAFT) -> Made:
        """Store a new form and return what `then` makes of it as stored (`form` itself,
        not a copy, and its summary): its undo step, say. `then` runs inside the write
        transaction, so if it fails the form is not stored; nothing is left to fail
        once the form is in the store."""
        now, computed = _now(), self._figures_of(form)
        with self._transaction() as session:
            form_id = writes.insert_form(session, form, form_id=None, state=_state(state),
                                         created_at=now, now=now)
            self._keep_figures(session, form_id, computed, now)
            return then(StoredForm(form, _summary_now(session, form_id)))

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
        return self.replace_form_with(form_id, form, _what_was_replaced)

    def replace_form_with(self, form_id: int, form: Form,
                          then: Callable[[StoredForm, StoredForm], Made]) -> Made:
        """`replace_form`, returning what `then` makes of the content replaced and the
        content stored (`form` itself and its new summary), inside the transaction:
        if `then` fails, the stored form is left as it was."""
        now, computed = _now(), self._figures_of(form)
        with self._transaction() as session:
            replaced = _stored(reads.read_parts(session, form_id))
            writes.update_header(session, form_id, form, now)
            writes.delete_children(session, form_id)
            writes.insert_children(session, form_id, form)
            self._keep_figures(session, form_id, computed, now)
            return then(replaced, StoredForm(form, _summary_now(session, form_id)))

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

    def identical_form(self, form: Form) -> int | None:
        """The stored form with the same identity as `form` (kind, year, unit and
        project: `desktop.identity`), the one a new copy of it would be refused for."""
        with self._reading() as session:
            return identities.holder(session, form)

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
