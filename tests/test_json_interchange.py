"""JSON interchange: the samples read, write and read back unchanged; bad files get a reason."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import SAMPLE_FILES
from desktop.atomic import write_text_atomically
from desktop.interchange.errors import FormFileError
from desktop.interchange.json_form import form_from_dict, form_to_dict, read_form, write_form


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.stem)
def test_sample_survives_write_and_read(path: Path, tmp_path: Path) -> None:
    form = read_form(path)
    write_form(tmp_path / "copy.json", form)
    assert read_form(tmp_path / "copy.json") == form


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.stem)
def test_every_typed_text_field_of_the_sample_is_kept(path: Path) -> None:
    original = json.loads(path.read_text(encoding="utf-8"))
    written = form_to_dict(read_form(path))
    for key, value in original.items():
        if isinstance(value, str):
            assert written[key] == value, key
    for before, after in zip(original["indicators"], written["indicators"]):
        for key in ("level1", "level2", "name", "target", "actual", "deviation"):
            assert after.get(key, "") == before.get(key, "")


def test_amounts_are_exact_decimals(guangming) -> None:
    assert guangming.funds.fiscal.executed == Decimal("14268915.71")
    assert guangming.indicators[6].score == Decimal("1.5")


def test_project_code_stays_text_even_when_given_as_a_number() -> None:
    data = json.loads((Path(__file__).parent / "data" / "longhua-2022-grid-info.json")
                      .read_text(encoding="utf-8"))
    data["project_code"] = 440309210901500007728
    assert form_from_dict(data).project_code == "440309210901500007728"


def test_thousands_separators_are_read(tmp_path: Path) -> None:
    form = read_form(Path(__file__).parent / "data" / "shanghai-2020-target.json")
    assert form.budget["project_total_budget"] == Decimal("6229239")


@pytest.mark.parametrize("mutate, expected", [
    (lambda d: d["indicators"][0].update(weight=6.0), "indicators[0].weight"),
    (lambda d: d["indicators"][2].update(score="十五"), "indicators[2].score"),
    (lambda d: d["funds"]["fiscal"].update(annual="abc"), "funds.fiscal.annual"),
    (lambda d: d.update(year="去年"), "year"),
    (lambda d: d.update(kind="report"), "kind"),
    (lambda d: d.update(indicators={"a": 1}), "indicators"),
])
def test_bad_fields_are_named_in_one_line(mutate, expected: str) -> None:
    data = json.loads((Path(__file__).parent / "data" / "longhua-2022-digital-city.json")
                      .read_text(encoding="utf-8"))
    mutate(data)
    with pytest.raises(FormFileError) as caught:
        form_from_dict(data, "x.json")
    message = str(caught.value)
    assert expected in message and "\n" not in message


def test_broken_json_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{"kind": "self_evaluation",\n "year": }', encoding="utf-8")
    with pytest.raises(FormFileError, match="第 2 行"):
        read_form(path)


def test_missing_file_is_a_sentence(tmp_path: Path) -> None:
    with pytest.raises(FormFileError, match="文件不存在"):
        read_form(tmp_path / "nothing.json")


def test_a_failed_write_leaves_the_previous_file(tmp_path: Path, guangming) -> None:
    target = tmp_path / "form.json"
    write_form(target, guangming)
    before = target.read_bytes()

    def explode(path: Path) -> None:
        path.write_text("half", encoding="utf-8")
        raise OSError("disk full")

    from desktop.atomic import write_atomically
    with pytest.raises(OSError):
        write_atomically(target, explode)
    assert target.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["form.json"]
    write_text_atomically(target, "{}")
    assert target.read_text(encoding="utf-8") == "{}"


@pytest.mark.parametrize(("field", "value"), [
    ("profile", "../layouts/district-2022"),
    ("profile", "no-such-profile"),
    ("layout", "../profiles/default"),
    ("layout", "/etc/passwd"),
    ("layout", "learned-1/../../x"),
])
def test_names_from_a_file_are_never_paths(field: str, value: str, guangming) -> None:
    """A profile must be one this release has; a layout a plain name. Either way the file
    is refused in one line naming the field, before anything reads a path from it."""
    data = form_to_dict(guangming)
    data[field] = value
    with pytest.raises(FormFileError) as refused:
        form_from_dict(data, "form.json")
    message = str(refused.value)
    assert "\n" not in message and f"字段 {field}" in message


def test_a_taught_layout_of_another_machine_is_kept(guangming) -> None:
    data = form_to_dict(guangming)
    data["layout"] = "learned-7"
    assert form_from_dict(data, "form.json").layout == "learned-7"


def test_the_rule_files_are_looked_up_by_name_not_joined_into_paths() -> None:
    from desktop.layouts import load_layout
    from desktop.rules.profile import load_profile, load_taxonomy
    for load, name in ((load_profile, "../layouts/district-2022"),
                       (load_taxonomy, "../profiles/default"),
                       (load_layout, "../profiles/default")):
        with pytest.raises(ValueError, match="未知的"):
            load(name)
