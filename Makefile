# Tale: the two commands of the README's quick start, and a few helpers.
#   make demo   build the sample library in content/ into public/
#   make test   run every test (unit, CLI, real browser, and the release build against the debug one)
#   make fuzz   run each fuzz target for a minute
SWIFT ?= swift

.PHONY: demo test build bench fuzz deps-build deps-test clean

demo: deps-build build
	.build/debug/tale build
	@echo "Or serve it while you write: .build/debug/tale serve  (then open http://127.0.0.1:1313/)"

test: deps-test
	$(SWIFT) build --build-tests
	$(SWIFT) build -c release --product tale
	$(SWIFT) test

build:
	$(SWIFT) build --product tale

# Tale against Hugo, side by side (bench/run.sh; RUNS, SIZES and W tune it).
bench:
	bash bench/run.sh

# Each fuzz target under libFuzzer (Tests/Fuzz/run; FUZZ_SECONDS, FUZZ_RUNS and FUZZ_TARGETS tune it).
fuzz: deps-build
	bash Tests/Fuzz/run

deps-build:
	@.ci/install-deps build

deps-test:
	@.ci/install-deps test

clean:
	rm -rf .build .build-bench public .public.tale-shadow Tests/artifacts
