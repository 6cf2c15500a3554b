"""Text normalisation used before parsing what clerks type or files carry.

Normalised text is only ever used for reading numbers and operators; the store keeps
what the clerk typed, unchanged.
"""

from __future__ import annotations

_FULLWIDTH_OFFSET = 0xFEE0  # U+FF01..U+FF5E map onto U+0021..U+007E
_EXTRA = str.maketrans({"\u3000": " ", "\u00a0": " ", "。": ".", "－": "-", "﹣": "-",
                        "−": "-", "＜": "<", "＞": ">", "＝": "="})


def to_halfwidth(text: str) -> str:
    """Map full-width digits, letters and signs to their ASCII forms."""
    chars = []
    for ch in text:
        code = ord(ch)
        if 0xFF01 <= code <= 0xFF5E:
            ch = chr(code - _FULLWIDTH_OFFSET)
        chars.append(ch)
    return "".join(chars).translate(_EXTRA)


def squeeze_spaces(text: str) -> str:
    """Drop all white space: labels are often spaced out for alignment ("绩 效 目 标")."""
    return "".join(text.split())
