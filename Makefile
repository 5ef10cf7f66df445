# Two commands on a fresh machine: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
DB ?= warehouse/kinerja.duckdb

.PHONY: run test install browser ocr samples clean

$(BIN)/kinerja: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -qq --upgrade pip
	PYTHONWARNINGS=ignore $(BIN)/pip install -qq -e '.[dev]'
	touch $@

install: $(BIN)/kinerja

# Headless Chromium renders `kinerja report` pages in tests/test_report.py and prints drawn
# layouts in Liberation Sans (the chromium producer, tests/test_layouts.py). Installed with
# apt-get when missing (root on Debian/Ubuntu); otherwise say how, and let the tests name it.
browser:
	@{ { command -v chromium >/dev/null 2>&1 || command -v chromium-browser >/dev/null 2>&1; } && \
	   fc-list 'Liberation Sans' 2>/dev/null | grep -q .; } || { \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation fonts-dejavu-core >/dev/null; \
	  else \
	    echo "chromium is missing: install it (Debian: sudo apt-get install chromium fonts-liberation fonts-dejavu-core) for tests/test_report.py and tests/test_layouts.py" >&2; \
	  fi; }

# OCRmyPDF with Tesseract's Indonesian data reads scanned agreements (extractors/ocr.py);
# numpy in its interpreter lets kinerja's plugin erase table rules from what Tesseract reads.
# Installed with apt-get when missing (root on Debian/Ubuntu); without them scans stay
# quarantined 'requires_ocr', and tests/test_scanned.py says so.
ocr:
	@{ command -v ocrmypdf >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx ind && /usr/bin/python3 -c 'import numpy' 2>/dev/null; } || { \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ocrmypdf tesseract-ocr tesseract-ocr-ind python3-numpy >/dev/null; \
	  else \
	    echo "OCR is missing: install it (Debian: sudo apt-get install ocrmypdf tesseract-ocr tesseract-ocr-ind python3-numpy) to read scans" >&2; \
	  fi; }

run: install browser ocr
	$(BIN)/kinerja ingest samples/ --db $(DB)

# The lint first: a line ruff refuses once reached main unnoticed.
test: install browser ocr
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

samples: install
	$(BIN)/pip install --quiet -e '.[dev,samples]'
	$(BIN)/python -m samples.generators.build
	$(BIN)/python -m samples.generators.scanned
	$(BIN)/python -m samples.generators.wordlist

clean:
	rm -rf $(VENV) $(DB) $(DB).wal
