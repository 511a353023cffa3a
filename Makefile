# Two commands for a newcomer: `make run` and `make test`. Both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

.PHONY: run test lint bench load clean safety-review drawings

# Reinstall only when the pinned requirements change.
$(BIN)/.runtime: requirements.txt
	@$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is needed, found " + sys.version.split()[0]'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $@

$(BIN)/.dev: $(BIN)/.runtime requirements-dev.txt
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $@

# serve.py is `streamlit run app.py` with the legacy pages/ router off (a clean first deep link).
run: $(BIN)/.runtime
	$(BIN)/python serve.py --server.port $(PORT) --server.address localhost

test: $(BIN)/.dev
	$(BIN)/python -m pytest

lint: $(BIN)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(BIN)/.dev
	$(BIN)/python bench/run.py

# A workshop of 100 people on one link, then the ramp to where one server stops keeping up:
# bench/results/load.md. The clinic day (memory over 10 minutes): $(BIN)/python bench/load.py clinic
load: $(BIN)/.dev
	$(BIN)/python bench/load.py workshop ramp --users 100

# The review sheet a physiotherapist signs, written from the data (tests/test_safety_review.py checks it is current).
safety-review: $(BIN)/.runtime
	$(BIN)/python -m lib.safety_review > docs/safety-review.md

# The exercises' still drawings the app serves (static/drawings/): after changing a pose, an exercise or the renderer.
drawings: $(BIN)/.runtime
	$(BIN)/python -m lib.drawings.files

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis tests/screenshots
