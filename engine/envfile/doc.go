// Package envfile loads a project's env files the way `next dev` does, so a
// route sees the same process.env here as under Next.js.
//
// Next.js (@next/env 16.4.6, measured) reads, highest priority first,
// .env.development.local, .env.local, .env.development and .env. Each file
// is parsed with dotenv 16's parse (the LINE expression of lib/main.js) and
// expanded with the dotenv-expand version Next bundles, 10.0.0. Both are
// reproduced here rule for rule, quirks included, because a project that
// works under next dev must get the same bytes here:
//
//   - KEY=value, export KEY=value and KEY: value (a space after the colon is
//     required); # starts a comment after an unquoted value; values are
//     trimmed; '…', "…" and `…` quotes are removed, and may span lines;
//     only "…" turns \n and \r into line breaks; CRLF and CR line ends read
//     as LF.
//   - $VAR, ${VAR} and ${VAR:-default} expand from the right-most $ to the
//     left; a name is looked up in the environment first (the shell and the
//     files of higher priority), then the default, then the same file; \$
//     is a literal dollar sign. That order is dotenv-expand 10's: the
//     current dotenv-expand (12.x) prefers the file's value to the default,
//     but next dev does not.
//   - A variable set in the shell is never replaced by a file. For keys set
//     in several files the file of higher priority wins.
//   - A value that refers to itself (A=$A) makes dotenv-expand recurse until
//     the stack overflows; Next then logs "Failed to load env" and sets none
//     of that file's variables. Load does the same and says why in an error
//     message.
//
// dotenv skips lines it cannot read without a word; Load keeps going too,
// but reports each such line as a warning with its file, line and column,
// and warns about the other traps of the format (a quote that is never
// closed, a quoted value that swallows the lines below it, a key set twice).
//
// Usage:
//
//	env, err := envfile.Load(projectDir, os.Environ())
//	if err != nil {
//		return err // the folder itself cannot be read
//	}
//	for _, m := range env.Diags {
//		log.Print(m.String()) // .env.local:3:1: warning: …
//	}
//	greeting := env.Vars["GREETING"]
//
// Load is a pure function of the folder's files and the shell slice; it
// keeps no state between calls, so reloading after a save is calling it
// again. The file names it reads are Names(), for a watcher to match.
package envfile
