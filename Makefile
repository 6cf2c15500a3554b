# The two commands of the README: `make run` and `make test`. Both set up .venv first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench package translations screenshots template-screenshots clean

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

# Ruff over the tree and mypy over db/ and desktop/ (pyproject.toml configures both).
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy

# Every bench/bench_*.py against its floor; writes docs/PERFORMANCE.md. Run `make package`
# first to include the frozen build's start-up and size.
bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

# The folder a clerk installs, dist/jixiao/ (PyInstaller onedir; see build.spec). On
# Windows the same two commands in a venv: pip install -e .[package]; pyinstaller build.spec.
package: $(VENV)/.package-installed
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN build.spec

$(VENV)/.package-installed: $(STAMP)
	$(BIN)/pip install --quiet -e '.[package]'
	touch $@

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
