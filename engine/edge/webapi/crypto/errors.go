package crypto

import (
	"fmt"

	"github.com/dop251/goja"
)

// opError is a failure of a SubtleCrypto operation, named as the spec names
// it: a DOMException name (DataError, OperationError, …) or "TypeError".
// The crypto code returns these as Go errors; the JS boundary turns them
// into the JS error the spec asks for.
type opError struct {
	name string
	msg  string
}

func (e *opError) Error() string { return e.name + ": " + e.msg }

func newErr(name, format string, a ...any) error {
	return &opError{name: name, msg: fmt.Sprintf(format, a...)}
}

// The error kinds of https://w3c.github.io/webcrypto/#dfn-DataError etc.
func errData(format string, a ...any) error { return newErr("DataError", format, a...) }
func errOperation(format string, a ...any) error {
	return newErr("OperationError", format, a...)
}
func errAccess(format string, a ...any) error {
	return newErr("InvalidAccessError", format, a...)
}
func errNotSupported(format string, a ...any) error {
	return newErr("NotSupportedError", format, a...)
}
func errSyntax(format string, a ...any) error { return newErr("SyntaxError", format, a...) }
func errType(format string, a ...any) error   { return newErr("TypeError", format, a...) }

// jsError makes the JS value for err: a TypeError or a DOMException.
// Loop-only.
func jsError(rt *goja.Runtime, err error) goja.Value {
	e, ok := err.(*opError)
	if !ok {
		e = &opError{name: "OperationError", msg: err.Error()}
	}
	ctorName := "DOMException"
	if e.name == "TypeError" {
		ctorName = "TypeError"
	}
	ctor, ok := goja.AssertConstructor(rt.Get(ctorName))
	if !ok {
		return rt.NewTypeError(e.msg)
	}
	var obj *goja.Object
	var cerr error
	if ctorName == "TypeError" {
		obj, cerr = ctor(nil, rt.ToValue(e.msg))
	} else {
		obj, cerr = ctor(nil, rt.ToValue(e.msg), rt.ToValue(e.name))
	}
	if cerr != nil {
		return rt.NewTypeError(e.msg)
	}
	return obj
}
