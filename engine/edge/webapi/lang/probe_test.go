package lang_test

import (
	"testing"

	"github.com/dop251/goja"
)

// TestGojaProbe records which of the built-ins V8 has are already in the
// goja of go.mod (a bare runtime, nothing installed). lang.js defines only
// the missing ones; when a goja upgrade brings one, this test fails and the
// table (and, if wanted, the polyfill) is updated.
func TestGojaProbe(t *testing.T) {
	has := map[string]bool{
		"Symbol.asyncIterator":              false, // webidl.js defines it (as Symbol.for('Symbol.asyncIterator'), for esbuild's helpers)
		"Promise.withResolvers":             false,
		"Promise.try":                       false,
		"Object.groupBy":                    false,
		"Map.groupBy":                       false,
		"Array.fromAsync":                   false,
		"String.prototype.isWellFormed":     false,
		"String.prototype.toWellFormed":     false,
		"Error.captureStackTrace":           false,
		"Error.stackTraceLimit":             false,
		"Iterator":                          false,
		"Intl":                              false, // the intl package
		"Array.prototype.findLast":          true,
		"Array.prototype.findLastIndex":     true,
		"Array.prototype.at":                true,
		"Array.prototype.toSorted":          true,
		"Array.prototype.toReversed":        true,
		"Array.prototype.toSpliced":         true,
		"Array.prototype.with":              true,
		"Array.prototype.flat":              true,
		"Array.prototype.flatMap":           true,
		"Uint8Array.prototype.findLast":     true,
		"Uint8Array.prototype.at":           true,
		"Uint8Array.prototype.toSorted":     true,
		"Uint8Array.prototype.toReversed":   true,
		"Uint8Array.prototype.with":         true,
		"String.prototype.at":               true,
		"String.prototype.replaceAll":       true,
		"Object.hasOwn":                     true,
		"AggregateError":                    true,
		"Set.prototype.union":               true,
		"Set.prototype.intersection":        true,
		"Set.prototype.difference":          true,
		"Set.prototype.symmetricDifference": true,
		"Set.prototype.isSubsetOf":          true,
		"Set.prototype.isSupersetOf":        true,
		"Set.prototype.isDisjointFrom":      true,
		"Error.isError":                     true,
	}
	rt := goja.New()
	for name, want := range has {
		v, err := rt.RunString("(function () { try { return typeof " + name + " !== 'undefined'; } catch (e) { return false; } })()")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if got := v.ToBoolean(); got != want {
			t.Errorf("goja has %s: %v, the table says %v", name, got, want)
		}
	}
	// Behaviour that exists but could be partial.
	for src, want := range map[string]string{
		"new Error('x', { cause: 1 }).cause":         "1",
		"Object.hasOwn(new Error('x', {}), 'cause')": "false",
		"new AggregateError([1, 2], 'm', { cause: 3 }).errors.length + ',' + new AggregateError([], 'm', { cause: 3 }).cause": "2,3",
		"[1, [2, [3]]].flat(Infinity).join()":              "1,2,3",
		"String(new Set([1, 2]).union(new Set([3])).size)": "3",
		// The \p{…} gap that engine/bundle reports: with /u goja matches the literal text.
		"/\\p{L}/u.test('a') + ',' + /\\p{L}/u.test('p{L}')": "false,true",
	} {
		v, err := rt.RunString(src)
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		if v.String() != want {
			t.Errorf("%s = %s, want %s", src, v, want)
		}
	}
}
