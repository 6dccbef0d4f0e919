# edgeplay — common tasks. `make test` is what CI runs (.ci/run installs
# what it needs first).
GO ?= go
DESKTOP_TAGS ?= desktop,production,webkit2_41

.PHONY: build desktop headless frontend frontend-deps compat-deps test test-go test-frontend test-browser test-desktop test-windows vet serve check bench reliability fuzz clean

# The desktop app (needs libgtk-3-dev and libwebkit2gtk-4.1-dev on Linux).
build desktop: frontend
	$(GO) build -tags $(DESKTOP_TAGS) -ldflags "-w -s" -o bin/edgeplay .

# The headless binary with the browser UI (serve --ui): no GTK, no cgo.
headless: frontend
	CGO_ENABLED=0 $(GO) build -tags ui -o bin/edgeplay-headless .

frontend-deps:
	cd frontend && npm install --no-audit --no-fund

frontend: frontend-deps
	cd frontend && npm run build

vet:
	$(GO) vet ./...

test: test-go test-frontend test-browser test-desktop test-windows

# projects/compat: real npm libraries (jose, hono, zod, …) in edge routes;
# engine/compat_test.go runs them.
compat-deps:
	cd projects/compat && npm install --no-audit --no-fund

test-go: vet compat-deps
	$(GO) test -race -count=1 ./...

test-frontend: frontend-deps
	cd frontend && npm test

# Browser tests: playwright-core driving Debian's Chromium against
# `edgeplay serve --ui` on the sample project. Screenshots land in
# frontend/e2e/artifacts/.
test-browser: headless
	cd frontend && EDGEPLAY_BIN=../bin/edgeplay-headless npm run test:e2e

# The desktop window under Xvfb: it opens on the sample project and a
# screenshot shows the route list.
test-desktop: build
	bash .ci/desktop-test.sh bin/edgeplay

# The Windows desktop build cross-compiles without cgo (WebView2 through
# go-webview2): proof that it still builds.
test-windows: frontend
	GOOS=windows GOARCH=amd64 CGO_ENABLED=0 $(GO) build -tags desktop,production -ldflags "-w -s -H windowsgui" -o bin/edgeplay.exe .

serve: headless
	./bin/edgeplay-headless serve --ui

# The sample has deliberately broken routes (eval, fs, an oversize bundle):
# check reports them and exits 1, as CI would.
check: headless
	-./bin/edgeplay-headless check projects/sample

bench:
	$(GO) run ./bench

# Load, saves under load, faults, hostile input and fuzzing: one table.
reliability:
	$(GO) run ./bench/reliability

fuzz:
	bash bench/fuzz.sh

clean:
	rm -rf bin frontend/dist
