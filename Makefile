# edgeplay — common tasks. `make test` is what CI runs.
GO ?= go

.PHONY: build test vet serve check clean

build:
	$(GO) build -o bin/edgeplay .

vet:
	$(GO) vet ./...

test: vet
	$(GO) test -race -count=1 ./...

serve: build
	./bin/edgeplay serve

# The sample has deliberately broken routes (eval, fs, an oversize bundle):
# check reports them and exits 1, as CI would.
check: build
	-./bin/edgeplay check projects/sample

clean:
	rm -rf bin
