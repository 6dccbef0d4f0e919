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

check: build
	./bin/edgeplay check projects/sample --allow-node-imports --max-size 4MB

clean:
	rm -rf bin
