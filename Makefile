# The two commands of the README: `make run` and `make test`. Both set up .venv first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test bench translations screenshots template-screenshots clean

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "需要 Python 3.11（$(PYTHON) 未找到）"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/python -m desktop

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

# The window's views rendered offscreen into docs/ (needs Debian's fonts-noto-cjk).
screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python tools/screenshots.py

# Refresh resources/i18n/jixiao_zh_CN.ts from desktop/ui (keeping translations) and
# compile the .qm; commit both.
translations: $(STAMP)
	$(BIN)/python tools/update_translations.py

# Export sample forms as import templates and render them to docs/template-*.png
# (needs Debian's libreoffice-calc-nogui, poppler-utils and fonts-noto-cjk).
template-screenshots: $(STAMP)
	$(BIN)/python tools/template_screenshots.py

clean:
	rm -rf $(VENV) build dist .pytest_cache
