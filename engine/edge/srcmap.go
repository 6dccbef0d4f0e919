package edge

import (
	"encoding/base64"
	"encoding/json"
	"sort"
	"strings"
)

// srcMap is a decoded source map: per generated line, its segments.
// go-sourcemap (which goja uses for stack frames) falls back to the last
// segment of the previous line for a position before a line's first
// segment; esbuild starts many lines with an unmapped identifier (the
// callee of `eval(…)`), so lookups for diagnostics use this instead.
//
// [Source Map v3]: https://tc39.es/ecma426/
type srcMap struct {
	sources []string
	lines   [][]segment // by 0-based generated line
}

type segment struct {
	genCol, src, line, col int // all 0-based
}

// inlineSrcMap decodes the bundle's trailing data-URL source map.
func inlineSrcMap(code string) *srcMap {
	const prefix = "//# sourceMappingURL=data:application/json;base64,"
	i := strings.LastIndex(code, prefix)
	if i < 0 {
		return nil
	}
	data, err := base64.StdEncoding.DecodeString(strings.TrimSpace(code[i+len(prefix):]))
	if err != nil {
		return nil
	}
	var raw struct {
		Sources  []string `json:"sources"`
		Mappings string   `json:"mappings"`
	}
	if json.Unmarshal(data, &raw) != nil {
		return nil
	}
	m := &srcMap{sources: raw.Sources}
	var src, line, col int
	for _, l := range strings.Split(raw.Mappings, ";") {
		var segs []segment
		genCol := 0
		for _, s := range strings.Split(l, ",") {
			if s == "" {
				continue
			}
			f, ok := decodeVLQ(s)
			if !ok {
				return nil
			}
			genCol += f[0]
			if len(f) >= 4 {
				src, line, col = src+f[1], line+f[2], col+f[3]
				segs = append(segs, segment{genCol, src, line, col})
			}
		}
		m.lines = append(m.lines, segs)
	}
	return m
}

// lookup maps a generated position (line 1-based, col 0-based) to the
// source: the segment at or before col on the same line, else the line's
// first segment after it.
func (m *srcMap) lookup(line, col int) (file string, srcLine, srcCol int, ok bool) {
	if m == nil || line < 1 || line > len(m.lines) || len(m.lines[line-1]) == 0 {
		return "", 0, 0, false
	}
	segs := m.lines[line-1]
	i := sort.Search(len(segs), func(i int) bool { return segs[i].genCol > col }) - 1
	if i < 0 {
		i = 0
	}
	s := segs[i]
	if s.src < 0 || s.src >= len(m.sources) {
		return "", 0, 0, false
	}
	return m.sources[s.src], s.line + 1, s.col, true
}

const vlqChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

func decodeVLQ(s string) ([]int, bool) {
	var out []int
	shift, value := 0, 0
	for i := 0; i < len(s); i++ {
		d := strings.IndexByte(vlqChars, s[i])
		if d < 0 {
			return nil, false
		}
		value += (d & 31) << shift
		if d&32 != 0 {
			shift += 5
			continue
		}
		n := value >> 1
		if value&1 != 0 {
			n = -n
		}
		out = append(out, n)
		shift, value = 0, 0
	}
	return out, shift == 0
}
