# Quick start: `make report` builds the report from the committed datasets; `make test` runs the
# whole test suite; `make notebooks` opens the report notebooks in JupyterLab (on 127.0.0.1). They
# install what they need first (idempotent, stamp files under .cache/setup).
SHELL := /bin/bash
STAMPS := .cache/setup

.PHONY: report test notebooks setup system clean-setup
report: setup
	npm run report

test: setup
	npm test

# Extra arguments for `jupyter lab`: make notebooks LAB_ARGS="--port 8899 --no-browser"
notebooks: setup
	npm run notebooks:prepare
	bash scripts/jupyter-lab.sh $(LAB_ARGS)

setup: system $(STAMPS)/npm $(STAMPS)/python $(STAMPS)/lab-runtimes

system:
	@bash scripts/setup-system.sh

$(STAMPS)/npm: package-lock.json
	npm ci --no-audit --no-fund
	@mkdir -p $(STAMPS) && touch $@

$(STAMPS)/python: requirements-dev.txt $(STAMPS)/npm scripts/setup-python.sh
	bash scripts/setup-python.sh
	@mkdir -p $(STAMPS) && touch $@

$(STAMPS)/lab-runtimes: runners/lab/runtimes/package-lock.json runners/lab/runtimes/requirements.txt scripts/setup-lab-runtimes.sh $(STAMPS)/python
	bash scripts/setup-lab-runtimes.sh
	@mkdir -p $(STAMPS) && touch $@

clean-setup:
	rm -rf $(STAMPS)
