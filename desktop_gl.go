//go:build desktop && !(linux && webkit2_41)

package main

// lightDisplay is Linux's (desktop_linux.go); elsewhere the system's
// web view draws as it does.
func lightDisplay() {}
