# Northshire Safeguarding Children Board website.
# `make html` and `make test` are the whole set-up on a fresh machine: the
# first use creates .venv/ and installs the project into it.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
# The project's command line (plugins/lscb_cli; `$(LSCB) --help` lists its
# subcommands). Run as a module, it works in a virtualenv made before the
# `lscb` command existed too.
LSCB    = $(BIN)/python -m lscb_cli
NODE_STAMP := node_modules/.installed-stamp
OUTPUT ?= output
# The content folder `make check` checks (CI's tests point it at a fixture).
LSCB_CONTENT ?= content
HOST   ?= 127.0.0.1
PORT   ?= 8000

# A failed build prints its own findings and summary ("Nothing was
# published: ..."); make would add "make: *** [Makefile:NN: html] Error 1"
# below them, which editors take for a second problem. GNU make prints that
# line for every failed recipe, so QUIET_FAIL stops make itself without it
# (SIGPIPE, which make does not catch: it exits with status 141, a failure
# for CI too). Where the signal cannot stop make, the recipe fails as usual.
QUIET_FAIL = { kill -PIPE $$PPID 2>/dev/null; exit 1; }

.PHONY: help html publish check explain checks-doc new register register-check bench devserver serve test lint format audit screenshots clean
FORMAT ?= text

help:
	@echo "make html         build the site for preview into $(OUTPUT)/ (pelicanconf.py)"
	@echo "make publish      build the site for the live server into $(OUTPUT)/ (publishconf.py)"
	@echo "make check        run every publication check (publish mode); change nothing"
	@echo "                  (FORMAT=json or FORMAT=github for programs and GitHub Actions)"
	@echo "make explain CODE=PII001   explain one finding code"
	@echo "make new          start a new page: asks its type and title, writes a draft ready to edit"
	@echo "make new TYPE=guidance TITLE=\"Neglect\"   the same, asking nothing (also VERSION_OF=, CHILD=, NAME=, TRANSLATION_OF=, LANG_CODE=)"
	@echo "make register REVIEW=content/reviews/child-x.md   add terms to a review's redaction register (typed, never shown)"
	@echo "make register-check REVIEW=...                    check the key and count a register's entries"
	@echo "make checks-doc   regenerate docs/checks.md from the checks' docstrings"
	@echo "make bench        time the checks against plain Pelican (100, 1,000, 5,000 pages)"
	@echo "make devserver    preview on http://$(HOST):$(PORT)/; rebuild and show findings on every save"
	@echo "make serve        serve $(OUTPUT)/ as last built on http://$(HOST):$(PORT)/ (no rebuild, no checks)"
	@echo "make test         run the whole test suite (browser tests included)"
	@echo "make lint         check the Python code with ruff's linter and formatter, as CI does"
	@echo "make format       apply ruff's fixes and formatter (FILES=plugins/x.py for some files)"
	@echo "make audit        check the built site in a browser; record the results for the accessibility statement"
	@echo "make screenshots  regenerate docs/screenshots/ with headless Chromium"
	@echo "make clean        remove $(OUTPUT)/ and caches"

# The first run takes a minute or two: each step says what it is doing, and
# pip lists every package as it fetches it. The packages are exactly those of
# requirements.lock, each checked against its hash (docs/dependencies.md);
# the project itself is then installed without resolving anything again.
$(STAMP): pyproject.toml requirements.lock
	@echo "Setting up $(VENV)/ (first run only; about a minute or two)."
	@echo "[1/4] Creating the virtual environment $(VENV)/ with $(PYTHON)"
	$(PYTHON) -m venv $(VENV)
	@echo "[2/4] Updating pip"
	$(BIN)/python -m pip install --quiet --upgrade pip
	@echo "[3/4] Installing the locked packages (requirements.lock, hashes checked; each package is listed)"
	$(BIN)/python -m pip install --progress-bar on --require-hashes -r requirements.lock
	@echo "[4/4] Installing the project itself"
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)
	@echo "$(VENV)/ is ready."

html: $(STAMP)
	@$(LSCB) build --settings pelicanconf.py --output $(OUTPUT) --format $(FORMAT) || $(QUIET_FAIL)

publish: $(STAMP)
	@$(LSCB) build --settings publishconf.py --output $(OUTPUT) --format $(FORMAT) || $(QUIET_FAIL)

# axe-core and vnu.jar for the browser tests. --ignore-scripts: vnu-jar's
# install script would download a Java runtime; Debian's is used instead.
$(NODE_STAMP): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --silent
	touch $(NODE_STAMP)

check: $(STAMP)
	@$(LSCB) check --settings publishconf.py --content $(LSCB_CONTENT) --output $(OUTPUT) --format $(FORMAT) || $(QUIET_FAIL)

explain: $(STAMP)
	@$(LSCB) explain $(CODE)

# `make new TYPE=guidance TITLE="Neglect"` asks nothing (VERSION_OF=, CHILD=
# and NAME= as well); without TYPE= it asks for what is not given. A value
# reaches the command through the environment, so quotes in a title are safe.
new_option = $(if $(filter command line,$(origin $(1))),$(2)="$$$(1)")
new: $(STAMP)
	@$(LSCB) new $(if $(filter command line,$(origin TYPE)),--no-input) \
		$(call new_option,TYPE,--type) $(call new_option,TITLE,--title) \
		$(call new_option,VERSION_OF,--version-of) $(call new_option,CHILD,--child) $(call new_option,NAME,--name) \
		$(call new_option,TRANSLATION_OF,--translation-of) $(call new_option,LANG_CODE,--lang)

register: $(STAMP)
	$(LSCB) register add $(REVIEW)

register-check: $(STAMP)
	$(LSCB) register check $(REVIEW)

checks-doc: $(STAMP)
	$(LSCB) checks-doc

bench: $(STAMP)
	$(LSCB) bench

devserver: $(STAMP)
	$(LSCB) devserver --settings pelicanconf.py --output $(OUTPUT) \
		--bind $(HOST) --port $(PORT)

# The site exactly as last built (make html or make publish): no rebuild, no checks.
serve: $(STAMP)
	@$(LSCB) serve --output $(OUTPUT) --bind $(HOST) --port $(PORT)

test: $(STAMP) $(NODE_STAMP)
	scripts/install-test-tools
	$(BIN)/python -m pytest -n 2 --dist loadfile

# The Python code's style: ruff's linter and formatter (pyproject.toml
# [tool.ruff]). CI runs make lint; tests/test_lint.py runs the same. make
# format applies the linter's fixes and the formatter (to FILES if given).
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix $(or $(FILES),.)
	$(BIN)/ruff format $(or $(FILES),.)

audit: $(STAMP) $(NODE_STAMP)
	scripts/install-test-tools
	$(LSCB) audit

screenshots: $(STAMP) html
	$(LSCB) screenshots --site $(OUTPUT) --out docs/screenshots
	$(LSCB) screenshots --site $(OUTPUT) --out docs/screenshots/phone --width 390

clean:
	rm -rf $(OUTPUT) .output-* .cache .pytest_cache
