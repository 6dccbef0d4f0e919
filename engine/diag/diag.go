package diag

import (
	"fmt"
	"sort"
	"strings"
)

// Kind is the severity of a message.
type Kind string

const (
	Error   Kind = "error"
	Warning Kind = "warning"
	Info    Kind = "info"
)

// Stable IDs of warnings and errors that tools may want to match on.
const (
	IDNodeModule    = "node-module-in-edge"     // a Node.js built-in is imported by an edge route
	IDNodePolyfill  = "node-polyfill-missing"   // a built-in Next polyfills on the edge; edgeplay does not yet
	IDSizeWarning   = "bundle-size-warning"     // bundle is over 80% of the size limit
	IDSizeLimit     = "bundle-size-limit"       // bundle is over the size limit
	IDRouteConflict = "route-conflict"          // two route files cannot both exist
	IDDuplicatePage = "duplicate-page"          // two files resolve to the same URL
	IDRuntimeConfig = "runtime-config"          // export const config / runtime is wrong
	IDExperimental  = "experimental-edge"       // runtime: 'experimental-edge' still used
	IDBuild         = "build"                   // esbuild error
	IDUnicodeRegexp = "regexp-unicode-property" // \p{…} that the runtime cannot run
	IDUncaught      = "uncaught-error"          // a handler threw
	IDUnhandled     = "unhandled-rejection"     // a promise rejection nobody handled
	IDDynamicCode   = "dynamic-code"            // eval / new Function
	IDFolderLink    = "folder-link"             // a symbolic link to a folder in the api folder: not followed
	IDProjectGone   = "project-gone"            // the api folder or the project folder went away while serving
)

// Location is a place in a file of the project.
type Location struct {
	File       string `json:"file"`       // project-relative, forward slashes
	Line       int    `json:"line"`       // 1-based
	Column     int    `json:"column"`     // 0-based, in bytes
	Length     int    `json:"length"`     // in bytes; 0 when unknown
	LineText   string `json:"lineText"`   // the source line, without its newline
	Suggestion string `json:"suggestion"` // replacement text for the range, if any
}

// Note points at a second place, or adds a hint without a place.
type Note struct {
	Text     string    `json:"text"`
	Location *Location `json:"location,omitempty"`
}

// Message is anything a user can act on.
type Message struct {
	Kind     Kind      `json:"kind"`
	ID       string    `json:"id,omitempty"`
	Text     string    `json:"text"`
	Location *Location `json:"location,omitempty"`
	Notes    []Note    `json:"notes,omitempty"`
}

// Errorf builds an error message without a location.
func Errorf(id, format string, args ...any) Message {
	return Message{Kind: Error, ID: id, Text: fmt.Sprintf(format, args...)}
}

// Warnf builds a warning message without a location.
func Warnf(id, format string, args ...any) Message {
	return Message{Kind: Warning, ID: id, Text: fmt.Sprintf(format, args...)}
}

// At returns m with its location set to file:line:col.
func (m Message) At(file string, line, col int) Message {
	m.Location = &Location{File: file, Line: line, Column: col}
	return m
}

// WithNote returns m with a note appended.
func (m Message) WithNote(text string, loc *Location) Message {
	m.Notes = append(append([]Note(nil), m.Notes...), Note{Text: text, Location: loc})
	return m
}

// Error makes a Message usable as a Go error.
func (m Message) Error() string { return m.String() }

// Position returns "file:line:col" with a 1-based column, as editors and
// terminals expect, or "" when the message has no location.
func (l *Location) Position() string {
	if l == nil || l.File == "" {
		return ""
	}
	if l.Line <= 0 {
		return l.File
	}
	return fmt.Sprintf("%s:%d:%d", l.File, l.Line, l.Column+1)
}

// String formats the message on one line: "file:line:col: kind: text".
func (m Message) String() string {
	var b strings.Builder
	if p := m.Location.Position(); p != "" {
		b.WriteString(p)
		b.WriteString(": ")
	}
	b.WriteString(string(m.Kind))
	b.WriteString(": ")
	b.WriteString(m.Text)
	return b.String()
}

// Format renders the message for a terminal, with the code line, a caret
// under the column, and the notes indented below.
func (m Message) Format() string {
	var b strings.Builder
	b.WriteString(m.String())
	b.WriteByte('\n')
	writeCode(&b, m.Location, "    ")
	for _, n := range m.Notes {
		b.WriteString("  note: ")
		if p := n.Location.Position(); p != "" {
			b.WriteString(p)
			b.WriteString(": ")
		}
		b.WriteString(n.Text)
		b.WriteByte('\n')
		writeCode(&b, n.Location, "    ")
	}
	return b.String()
}

func writeCode(b *strings.Builder, l *Location, indent string) {
	if l == nil || l.LineText == "" || l.Line <= 0 {
		return
	}
	num := fmt.Sprint(l.Line)
	text := strings.ReplaceAll(l.LineText, "\t", " ")
	fmt.Fprintf(b, "%s%s | %s\n", indent, num, text)
	col := l.Column
	if col > len(text) {
		col = len(text)
	}
	width := l.Length
	if width <= 0 {
		width = 1
	}
	if col+width > len(text) && len(text) > col {
		width = len(text) - col
	}
	fmt.Fprintf(b, "%s%s | %s%s\n", indent, strings.Repeat(" ", len(num)), strings.Repeat(" ", col), strings.Repeat("^", width))
}

// List is an ordered set of messages, as go/scanner.ErrorList.
type List []Message

// Add appends a message.
func (l *List) Add(m Message) { *l = append(*l, m) }

// HasErrors reports whether any message is an error.
func (l List) HasErrors() bool {
	for _, m := range l {
		if m.Kind == Error {
			return true
		}
	}
	return false
}

// Errors returns only the error messages.
func (l List) Errors() List { return l.filter(Error) }

// Warnings returns only the warning messages.
func (l List) Warnings() List { return l.filter(Warning) }

func (l List) filter(k Kind) List {
	var out List
	for _, m := range l {
		if m.Kind == k {
			out = append(out, m)
		}
	}
	return out
}

// Union returns the messages of the lists in order, each once: a message
// that reads the same as an earlier one (String: place, kind and text) is
// left out, so that the same problem reached through several builds or
// modules shows once.
func Union(lists ...List) List {
	var out List
	seen := map[string]bool{}
	for _, l := range lists {
		for _, m := range l {
			if k := m.String(); !seen[k] {
				seen[k] = true
				out = append(out, m)
			}
		}
	}
	return out
}

// Sort orders messages by file, line and column; messages without a
// location come last.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Location, l[j].Location
		switch {
		case a == nil || b == nil:
			return a != nil && b == nil
		case a.File != b.File:
			return a.File < b.File
		case a.Line != b.Line:
			return a.Line < b.Line
		default:
			return a.Column < b.Column
		}
	})
}

// Err returns the list as an error when it holds an error, else nil.
func (l List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return errList(l.Errors())
}

type errList List

func (e errList) Error() string {
	if len(e) == 1 {
		return e[0].String()
	}
	return fmt.Sprintf("%s (and %d more errors)", e[0].String(), len(e)-1)
}
