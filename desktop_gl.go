//go:build desktop && !linux

package main

// lightDisplay is Linux's (desktop_linux.go); elsewhere the system's
// web view draws as it does.
func lightDisplay() {}
