"""Every malformed file of the corpus (tests/badfiles.py) is answered by one line, none
crashes, hangs or exhausts memory, and importing them all leaves the store as it was."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from badfiles import laughs, template_bytes, write_corpus

from conftest import load_sample
from desktop.cli import main
from desktop.editing.service import FormService
from desktop.importing import import_files
from desktop.interchange.files import read_form_file


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return write_corpus(tmp_path_factory.mktemp("badfiles"))


def test_the_corpus_is_large_and_varied(corpus: list[Path]) -> None:
    assert len(corpus) >= 100
    assert {path.suffix for path in corpus} == {".xlsx", ".xls", ".json"}


def test_every_file_gets_a_one_line_reason(corpus: list[Path], store) -> None:
    """Refused by the reader (read_form_file) or, for a value the store cannot keep,
    by the write path; either way one short line that starts with the file."""
    service, problems = FormService(store), []
    for path in corpus:
        result = import_files(service, [path])[0]
        line = result.message
        if result.ok:
            problems.append(f"{path.name}: imported")
        elif "\n" in line or len(line) > len(str(path)) + 200 or not line.startswith(str(path)):
            problems.append(f"{path.name}: not one short line: {line[:300]!r}")
        elif "内部错误" in line or "无法读取（" in line:
            problems.append(f"{path.name}: a reader defect, see the log: {line}")
    assert not problems, "\n".join(problems)
    assert store.list_forms() == []


def test_importing_the_corpus_changes_nothing_in_the_store(corpus: list[Path], tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    db = str(tmp_path / "store.sqlite3")
    sample = Path(__file__).parents[1] / "data" / "guangming-2024-market.json"
    assert main(["--db", db, "import", str(sample)]) == 0
    assert main(["--db", db, "list", "--json"]) == 0
    capsys.readouterr()
    before = load_sample("guangming-2024-market")
    assert main(["--db", db, "import", str(corpus[0].parent)]) == 2
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(corpus) + 1 and lines[-1].endswith(f"导入 0，跳过 0，未导入 {len(corpus)}")
    assert main(["--db", db, "list", "--json"]) == 0
    stored = json.loads(capsys.readouterr().out)
    assert [form["name"] for form in stored] == [before.name]
    from db.store import Store
    with Store(f"sqlite:///{db}") as store:
        assert store.load_form(stored[0]["id"]) == before


def test_openpyxl_parses_through_defusedxml_which_refuses_entities() -> None:
    """The bomb is refused by the parser, not expanded: no timing needed to know it."""
    from defusedxml import EntitiesForbidden
    from openpyxl.xml import DEFUSEDXML
    from openpyxl.xml.functions import iterparse
    assert DEFUSEDXML
    bomb = laughs() + b"<sst><si><t>&lol9;</t></si></sst>"
    with pytest.raises(EntitiesForbidden):
        for _ in iterparse(io.BytesIO(bomb)):
            pass


def test_a_form_with_a_stray_cell_far_down_still_reads(tmp_path: Path) -> None:
    """Real workbooks carry formatting or a stray value near row 1,048,576: the reader
    visits only the cells the file holds and still finds the form."""
    from openpyxl import load_workbook
    book = load_workbook(io.BytesIO(template_bytes()))
    book.active["XFD1048576"] = "x"
    book.active["A1048575"].number_format = "0.00"
    path = tmp_path / "stray.xlsx"
    book.save(path)
    expected = load_sample("longhua-2022-digital-city")
    assert read_form_file(path).indicators == expected.indicators
