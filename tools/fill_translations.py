"""Fill untranslated entries of the zh_CN catalogue from a JSON file of source → Chinese.

    .venv/bin/python tools/fill_translations.py new.json && make translations

For a handful of new strings this is quicker than opening Qt Linguist.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

CATALOGUE = Path(__file__).resolve().parent.parent / "resources" / "i18n" / "jixiao_zh_CN.ts"


def main(mapping_file: str) -> int:
    mapping = json.loads(Path(mapping_file).read_text(encoding="utf-8"))
    text = CATALOGUE.read_text(encoding="utf-8")
    tree = ET.ElementTree(ET.fromstring(text))
    filled = 0
    for message in tree.iter("message"):
        source, translation = message.find("source"), message.find("translation")
        if translation is not None and translation.get("type") == "unfinished" \
                and source is not None and source.text in mapping:
            translation.text = mapping[source.text]
            del translation.attrib["type"]
            filled += 1
    header = text.split("<TS", 1)[0]
    body = ET.tostring(tree.getroot(), encoding="unicode")
    CATALOGUE.write_text(header + body + "\n", encoding="utf-8")
    print(f"filled {filled} translations")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
