# Every developer command lives here. `make run` and `make test` set up what they need.
PY      ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
TSTAMP  := $(VENV)/.installed-test
DB      ?= data/sample.db
HOST    ?= 127.0.0.1
PORT    ?= 8000
SAMPLE  := src/kidpedia/data/sample-enwiki.xml.bz2

.PHONY: run test fuzz install install-test sample serve lint typecheck bench benchtools clean browser zimtools axe

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e .
	touch $@

$(TSTAMP): $(STAMP) pyproject.toml
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

install: $(STAMP)
install-test: $(TSTAMP)

$(DB): $(STAMP) $(SAMPLE)
	mkdir -p $(dir $(DB))
	$(BIN)/kidpedia build $(SAMPLE) --db $(DB)

sample: $(DB)

run: $(DB)
	$(BIN)/kidpedia serve --db $(DB) --host $(HOST) --port $(PORT)

# Browser tests need Debian's Chromium and, so that no script shows empty boxes, Noto fonts
# (fonts-noto-core: most scripts; fonts-noto-cjk: Chinese, Japanese, Korean); install them
# when we can (root + apt), else they skip with a reason.
browser:
	@{ command -v chromium >/dev/null 2>&1 && [ -d /usr/share/fonts/truetype/noto ] && [ -d /usr/share/fonts/opentype/noto ]; } || \
	  { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core fonts-noto-cjk >/dev/null) || \
	  echo "note: Chromium or the Noto fonts could not be installed; browser tests will be skipped"; }

# The accessibility check in the browser tests is axe-core (npm, pinned in package-lock.json).
axe: node_modules/axe-core/axe.min.js
node_modules/axe-core/axe.min.js: package.json package-lock.json
	@command -v npm >/dev/null 2>&1 && npm ci --no-audit --no-fund --loglevel=error || \
	  echo "note: npm could not install axe-core; the accessibility tests will be skipped"

# ZIM tests need Debian's zim-tools (zimcheck) and kiwix-tools (kiwix-serve); install them
# when we can (root + apt), else those tests skip with a reason.
zimtools:
	@{ command -v zimcheck >/dev/null 2>&1 && command -v kiwix-serve >/dev/null 2>&1; } || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zim-tools kiwix-tools >/dev/null) || \
	  echo "note: zim-tools and kiwix-tools could not be installed; zimcheck and kiwix-serve tests will be skipped"; }

test: $(TSTAMP) browser zimtools axe
	$(BIN)/python -m pytest -q

# The fuzz tests with many more examples than `make test` runs (wikitext pages and web requests).
FUZZ_EXAMPLES ?= 3000
fuzz: $(TSTAMP)
	KIDPEDIA_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/python -m pytest -q -p no:cacheprovider \
	  tests/test_fuzz_pages.py tests/web/test_hostile_requests.py -k "fuzz or any_wikitext"

lint: $(TSTAMP)
	$(BIN)/ruff check src tests bench

typecheck: $(TSTAMP)
	$(BIN)/mypy src/kidpedia

# The bench's peers: wrk (the HTTP load client), nginx (the static-file floor) and kiwix-serve.
benchtools:
	@{ command -v wrk >/dev/null 2>&1 && command -v nginx >/dev/null 2>&1 && command -v kiwix-serve >/dev/null 2>&1; } || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk nginx kiwix-tools >/dev/null) || \
	  echo "note: wrk, nginx and kiwix-tools could not be installed; bench/peers.py needs them"; }

bench: $(TSTAMP) benchtools
	$(BIN)/python bench/percore.py
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/serve.py
	$(BIN)/python bench/peers.py
	$(BIN)/python bench/scale.py
	$(BIN)/python bench/zim.py
	$(BIN)/python bench/html_agreement.py
	$(BIN)/python bench/hostile.py

clean:
	rm -rf $(VENV) data build *.egg-info
