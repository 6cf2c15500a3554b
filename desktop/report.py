"""What `jixiao score` prints: the figures a clerk checks before uploading.

Numbers are strings with 2 decimals so that the JSON output is exact.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from desktop.forms import KIND_TITLES, Form, SelfEvaluation
from desktop.money import format2
from desktop.rules.evaluate import Evaluation, check_target_form, evaluate
from desktop.rules.findings import Finding


def _finding_dict(finding: Finding) -> dict[str, Any]:
    return {"row": finding.row, "field": finding.field, "message": finding.message}


def score_dict(form: Form) -> dict[str, Any]:
    """The `--json` object: rate, funds_score, levels, weights_total, total, grade, findings."""
    if not isinstance(form, SelfEvaluation):
        return {"kind": form.kind.value,
                "findings": [_finding_dict(f) for f in check_target_form(form)]}
    result = evaluate(form)
    return {
        "kind": form.kind.value,
        "rate": format2(result.rate),
        "funds_score": format2(result.funds_score),
        "levels": [{"name": level.name, "weight": format2(level.weight),
                    "score": format2(level.score)} for level in result.levels],
        "weights_total": format2(result.weights_total),
        "total": format2(result.total),
        "grade": result.grade,
        "findings": [_finding_dict(f) for f in result.findings],
    }


def _pad(text: str, width: int) -> str:
    """Left-justify for a terminal, where a Chinese character takes two columns."""
    used = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return text + " " * max(1, width - used)


def _header(form: Form) -> str:
    parts = [KIND_TITLES[form.kind], str(form.year), form.code, form.name]
    return "  ".join(part for part in parts if part)


def _figures(form: SelfEvaluation, result: Evaluation) -> list[str]:
    lines = [_pad("执行率", 12) + f"{format2(result.rate)}%",
             _pad("资金得分", 12) + f"{format2(result.funds_score)} / {format2(form.funds.weight)}"]
    for level in result.levels:
        lines.append(_pad(level.name, 12) + f"分值 {format2(level.weight):>7}  "
                     f"得分 {format2(level.score):>7}")
    lines.append(_pad("分值合计", 12) + format2(result.weights_total))
    lines.append(_pad("总分", 12) + f"{format2(result.total)}  等级 {result.grade}")
    return lines


def _findings(findings: tuple[Finding, ...] | list[Finding]) -> list[str]:
    if not findings:
        return ["未发现问题"]
    return [f"问题 {len(findings)} 项："] + [f"  {f.message}" for f in findings]


def score_text(form: Form) -> str:
    lines = [_header(form)]
    if isinstance(form, SelfEvaluation):
        result = evaluate(form)
        lines += _figures(form, result) + _findings(result.findings)
    else:
        lines += _findings(check_target_form(form))
    return "\n".join(lines)
