package app

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
)

// openInEditor opens path at line:column, trying in order: the configured
// command, $VISUAL, $EDITOR, `code -g`, the OS default. A terminal editor
// (vim, nano, …) in $VISUAL/$EDITOR is skipped: a window cannot give it a
// terminal. The editor is started and left running.
func openInEditor(configured, path string, line, column int) error {
	line, column = max(line, 1), max(column, 1)
	var candidates [][]string
	if strings.TrimSpace(configured) != "" {
		args, err := editorArgs(configured, path, line, column)
		if err != nil {
			return err
		}
		candidates = append(candidates, args)
	} else {
		for _, env := range []string{"VISUAL", "EDITOR"} {
			if v := strings.TrimSpace(os.Getenv(env)); v != "" && !terminalEditor(v) {
				if args, err := editorArgs(v, path, line, column); err == nil {
					candidates = append(candidates, args)
				}
			}
		}
		candidates = append(candidates, []string{"code", "-g", fmt.Sprintf("%s:%d:%d", path, line, column)})
		candidates = append(candidates, osOpen(path))
	}
	var errs []string
	for _, args := range candidates {
		bin, err := exec.LookPath(args[0])
		if err != nil {
			errs = append(errs, args[0]+": not found")
			continue
		}
		cmd := exec.Command(bin, args[1:]...)
		if err := cmd.Start(); err != nil {
			errs = append(errs, fmt.Sprintf("%s: %v", args[0], err))
			continue
		}
		go cmd.Wait() // reap it; the editor outlives nothing of ours
		return nil
	}
	return errors.New("no editor could open " + path + " (" + strings.Join(errs, "; ") + "): set one in the settings, e.g. `code -g {file}:{line}:{column}`")
}

// editorArgs splits a command and fills {file}, {line} and {column}. With
// no {file}, the arguments known editors take are appended.
func editorArgs(command, path string, line, column int) ([]string, error) {
	words, err := splitWords(command)
	if err != nil || len(words) == 0 {
		return nil, fmt.Errorf("editor command %q: %v", command, err)
	}
	l, c := strconv.Itoa(line), strconv.Itoa(column)
	hasFile := false
	for i, w := range words {
		if strings.Contains(w, "{file}") {
			hasFile = true
		}
		words[i] = strings.NewReplacer("{file}", path, "{line}", l, "{column}", c).Replace(w)
	}
	if hasFile {
		return words, nil
	}
	switch strings.TrimSuffix(filepath.Base(words[0]), ".exe") {
	case "code", "code-insiders", "codium", "cursor", "windsurf":
		if !contains(words, "-g") && !contains(words, "--goto") {
			words = append(words, "-g")
		}
		return append(words, path+":"+l+":"+c), nil
	case "subl", "zed", "sublime_text", "atom", "hx":
		return append(words, path+":"+l+":"+c), nil
	case "idea", "webstorm", "goland", "phpstorm", "pycharm":
		return append(words, "--line", l, "--column", c, path), nil
	case "mate", "nova":
		return append(words, "-l", l, path), nil
	}
	return append(words, path), nil
}

func terminalEditor(cmd string) bool {
	words, _ := splitWords(cmd)
	if len(words) == 0 {
		return true
	}
	switch filepath.Base(words[0]) {
	case "vi", "vim", "nvim", "nano", "emacs", "pico", "micro", "joe", "ed", "kak", "helix":
		return !contains(words, "-g") && filepath.Base(words[0]) != "gvim"
	}
	return false
}

func osOpen(path string) []string {
	switch runtime.GOOS {
	case "darwin":
		return []string{"open", path}
	case "windows":
		return []string{"rundll32", "url.dll,FileProtocolHandler", path}
	}
	return []string{"xdg-open", path}
}

// splitWords splits a command line on spaces, honouring single and double
// quotes (enough for an editor setting; no expansions).
func splitWords(s string) ([]string, error) {
	var out []string
	var cur strings.Builder
	inWord := false
	var quote byte
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case quote != 0:
			if ch == quote {
				quote = 0
			} else {
				cur.WriteByte(ch)
			}
		case ch == '\'' || ch == '"':
			quote, inWord = ch, true
		case ch == ' ' || ch == '\t':
			if inWord {
				out = append(out, cur.String())
				cur.Reset()
				inWord = false
			}
		default:
			cur.WriteByte(ch)
			inWord = true
		}
	}
	if quote != 0 {
		return nil, fmt.Errorf("unterminated %c quote", quote)
	}
	if inWord {
		out = append(out, cur.String())
	}
	return out, nil
}

func contains(ws []string, w string) bool {
	for _, x := range ws {
		if x == w {
			return true
		}
	}
	return false
}
