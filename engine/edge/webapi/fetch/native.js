// Request bodies that arrive from Go: read in chunks as a stream, or all at
// once when a handler calls text()/json()/arrayBuffer() before touching
// `.body` (the common case, and the cheap one).
internals.readableFromNative = function readableFromNative(src) {
  return internals.readableFromPull(() => native.pull(src), (reason) => native.cancel(src, String(reason)));
};
internals.readAllNative = function readAllNative(src) {
  return native.readAll(src);
};
