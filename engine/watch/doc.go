// Package watch reports file changes under a project folder, in short
// debounced batches, for the save-to-answer loop.
//
// # Why fsnotify and a 4 ms debounce
//
// A user who saves a route file must get the new answer within about 10 ms,
// rebuild included. fsnotify (inotify on Linux, kqueue on macOS,
// ReadDirectoryChangesW on Windows) reports a write within a fraction of a
// millisecond, where polling would add half its interval to every save. But
// one save is rarely one event: editors write a temporary file and rename it
// over the target, vim renames the original to a backup, writes anew and
// deletes the backup, `git checkout` touches hundreds of files. A batch is
// therefore emitted only after Options.Debounce of quiet (4 ms by default:
// longer than the gaps inside one save, too short to notice) or, when events
// never stop, Options.MaxWait after the first one (50 ms), so a storm still
// flushes.
//
// # What a batch says
//
// A batch lists each path once, sorted, with the net effect of everything
// that happened to it in the window, judged from what the watcher knew
// before the window and knows after it:
//
//	Create          the path is new
//	Write           a file that existed still exists and was written or replaced
//	                (an atomic save or vim's dance is one Write of the target),
//	                or had its permissions or times changed (chmod, touch)
//	Remove, Rename  the path is gone (Rename: moved away)
//	Create|Remove   a folder was replaced by another, or a file by a folder
//
// A path that appears and disappears within one window (the temporary file
// of an atomic save, vim's backup) is left out. When a folder appears, its
// watch is added before it is listed and everything already in it is
// reported as created, so `mkdir -p a/b/c && touch a/b/c/x.ts` loses
// nothing; when a folder goes, every path the watcher knew below it is
// reported too, on every platform, whatever events the OS sent for them.
//
// # Other folders and the root itself
//
// WatchFiles watches single files the recursive watch skips (bundle inputs
// in node_modules, a tsconfig extended from elsewhere) through their
// folders, and reports only those files.
//
// A folder that is gone cannot be watched, and a folder replaced wholesale
// (the project deleted and cloned again, a package folder rewritten by
// `npm install`) leaves a watch on a deleted folder behind. Every 500 ms the
// watcher checks that the root and the folders of the extra files are still
// the folders it watches, and watches them again when they come back. Those
// are rare events caused by commands that take far longer than half a
// second, and a check costs one stat per folder, so a short interval buys
// nothing and a long one would leave a cloned project unwatched for a
// noticeable moment.
//
// Usage:
//
//	w, err := watch.New(projectDir, watch.Options{
//		Ignore: func(path string, isDir bool) bool {
//			return isDir && filepath.Base(path) == "node_modules"
//		},
//	})
//	if err != nil {
//		return err
//	}
//	defer w.Close()
//	for {
//		select {
//		case batch, ok := <-w.Changes():
//			if !ok {
//				return nil // closed
//			}
//			for _, c := range batch {
//				fmt.Println(c.Op, c.Path) // WRITE /project/pages/api/hello.ts
//			}
//		case err := <-w.Errors():
//			log.Print(err) // e.g. an overflow: the watcher has rescanned
//		}
//	}
package watch
