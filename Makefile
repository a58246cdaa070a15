# The README's commands. Each one installs what is missing (Debian or
# Ubuntu packages), configures, builds, then runs, tests or measures.

BUILD_DIR  ?= build
TSAN_DIR   ?= build-tsan
BUILD_TYPE ?= RelWithDebInfo
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)

# Debian 12 / Ubuntu 22.04+ package names.
PACKAGES := g++ cmake ninja-build pkg-config \
	qt6-base-dev qt6-declarative-dev qt6-tools-dev qt6-l10n-tools \
	qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts \
	qml6-module-qtquick-window qml6-module-qtquick-templates qml6-module-qtquick-shapes \
	qml6-module-qtqml-workerscript qml6-module-qttest \
	libgl-dev xvfb xauth fonts-noto-cjk imagemagick libtbb-dev python3

.PHONY: run test bench deps configure build tsan clean

run: build
	./$(BUILD_DIR)/concurrency-lab

test: build
	cd $(BUILD_DIR) && QT_QPA_PLATFORM=offscreen ctest --output-on-failure
	$(MAKE) --no-print-directory tsan

# The engine's tests again, under ThreadSanitizer, in a second build folder.
tsan: deps
	cmake -S . -B $(TSAN_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) \
		-DCLAB_ENGINE_ONLY=ON -DCLAB_TSAN=ON -DCLAB_BENCHMARKS=OFF
	cmake --build $(TSAN_DIR) -j $(JOBS)
	cd $(TSAN_DIR) && \
		QT_QPA_PLATFORM=offscreen ctest --output-on-failure

bench: build
	cmake --build $(BUILD_DIR) -j $(JOBS) --target benchmarks
	QT_QPA_PLATFORM=offscreen ./$(BUILD_DIR)/tests/bench/run-benchmarks --out bench-results.json

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

configure: deps
	@test -f $(BUILD_DIR)/build.ninja || \
		cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE)

# Installs only what is missing: apt, non-interactive, with sudo unless root.
deps:
	@missing=""; \
	for p in $(PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		sudo=""; [ "$$(id -u)" = 0 ] || sudo="sudo -n"; \
		export DEBIAN_FRONTEND=noninteractive; \
		$$sudo apt-get update -qq </dev/null && \
		available=""; for p in $$missing; do \
			if apt-cache show $$p >/dev/null 2>&1; then available="$$available $$p"; \
			else echo "note: package $$p is not available here, skipping"; fi; \
		done; \
		$$sudo apt-get install -y -qq --no-install-recommends $$available </dev/null || \
			{ echo "error: could not install:$$available (run as root, or allow sudo)"; exit 1; }; \
	fi

clean:
	rm -rf $(BUILD_DIR) $(TSAN_DIR)
