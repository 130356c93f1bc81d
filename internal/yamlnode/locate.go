package yamlnode

import (
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Source is the text of one YAML file with an index of its lines, used to turn
// offsets inside scalar values into file positions and to show source lines
// in diagnostics. A Source is immutable and safe for concurrent use.
//
// Line breaks are the ones YAML recognises: LF, CR LF, CR, and the Unicode
// breaks NEL (U+0085), LS (U+2028) and PS (U+2029). A byte-order mark at the
// start of the file is not part of line 1.
type Source struct {
	idx lineIndex
}

// NewSource indexes src. It does not copy src; the caller must not modify it
// afterwards.
func NewSource(src []byte) *Source {
	return &Source{idx: newLineIndex(src)}
}

// Bytes returns the file's text.
func (s *Source) Bytes() []byte { return s.idx.src }

// Lines returns the number of lines. A file that ends with a line break has no
// extra empty last line; an empty file has one empty line.
func (s *Source) Lines() int { return s.idx.count() }

// Line returns the text of line n (1-based) without its line break, or "" if
// there is no such line.
func (s *Source) Line(n int) string {
	a, b, ok := s.idx.bounds(n)
	if !ok {
		return ""
	}
	return string(s.idx.src[a:b])
}

// Contains reports whether p lies inside the file: on an existing line, at a
// character of that line or just after its last character.
func (s *Source) Contains(p Position) bool {
	a, b, ok := s.idx.bounds(p.Line)
	if !ok || p.Col < 1 {
		return false
	}
	return p.Col <= utf8.RuneCount(s.idx.src[a:b])+1
}

// Clamp returns the position inside the file nearest to p: positions before
// the file move to 1:1, positions past the end of a line or of the file move
// to just after the last character.
func (s *Source) Clamp(p Position) Position { return s.idx.clamp(p) }

// Offset returns the byte offset in the file of position p, and whether p lies
// inside the file (see [Source.Contains]).
func (s *Source) Offset(p Position) (int, bool) {
	return s.idx.offset(p)
}

// ValuePos returns the file position of the character that produced byte off
// of the scalar n's value (n.Value), where n was decoded from this source.
// off == len(n.Value) gives the position just after the value's last
// character, which is where an "unexpected end" error belongs.
//
// Plain, single-quoted, double-quoted, literal (|) and folded (>) scalars are
// supported, including values that span several lines. A character produced
// by an escape such as \u4e2d maps to its backslash; a space or line break
// produced by folding maps to the line break it replaced.
//
// exact is false when the mapping could not be established (n is not a
// scalar, off is out of range, or the text at n's position does not
// reproduce n.Value); the position is then n's own position, which is still
// inside the file.
func (s *Source) ValuePos(n *yaml.Node, off int) (p Position, exact bool) {
	if n == nil {
		return Position{Line: 1, Col: 1}, false
	}
	start := s.idx.clamp(NodePos(n))
	if n.Kind != yaml.ScalarNode || off < 0 || off > len(n.Value) {
		return start, false
	}
	at, ok := s.scalarPositions(n)
	if !ok {
		return start, false
	}
	// The end of a value that finishes with the file's last line break lies
	// on the line after it; clamp such a position back onto the last line.
	return s.idx.clamp(at[off]), true
}

// scalarPositions returns a position for every byte of n.Value plus one for
// the end of the value.
func (s *Source) scalarPositions(n *yaml.Node) ([]Position, bool) {
	c, ok := s.idx.cursorAt(NodePos(n))
	if !ok {
		return nil, false
	}
	want := n.Value
	var r result
	switch {
	case n.Style&yaml.DoubleQuotedStyle != 0:
		r = scanQuoted(c, want, false)
	case n.Style&yaml.SingleQuotedStyle != 0:
		r = scanQuoted(c, want, true)
	case n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0:
		r = scanBlockAny(c, want)
	default:
		r = scanPlain(c, want)
	}
	if !r.ok || !strings.HasPrefix(string(r.out), want) {
		return nil, false
	}
	// Block scalars are reconstructed with every trailing line break; the
	// chomping indicator decides how many of them the value keeps.
	for _, b := range r.out[len(want):] {
		if b != '\n' {
			return nil, false
		}
	}
	at := r.at[:len(want):len(want)]
	end := r.end
	if len(r.out) > len(want) {
		end = r.at[len(want)]
	}
	return append(at, end), true
}

// result is the reconstruction of a scalar value with the source position of
// every byte.
type result struct {
	out []byte
	at  []Position
	end Position // position just after the last consumed character
	ok  bool
}

func (r *result) emit(s string, p Position) {
	r.out = append(r.out, s...)
	for range len(s) {
		r.at = append(r.at, p)
	}
}

func (r *result) emitBytes(b []byte, p Position) {
	r.out = append(r.out, b...)
	for range len(b) {
		r.at = append(r.at, p)
	}
}

// matches reports whether the reconstruction is still a prefix of want.
func (r *result) matches(want string) bool {
	return len(r.out) <= len(want) && string(r.out) == want[:len(r.out)]
}

// agrees reports whether the reconstruction and want agree on their common
// prefix (a block scalar's reconstruction may run past want by line breaks).
func (r *result) agrees(want string) bool {
	n := min(len(r.out), len(want))
	return string(r.out[:n]) == want[:n]
}

// lineBreak records one line break in the source: whether YAML turns it into
// "\n" (every break except LS and PS, which are kept as they are) and where it
// is.
type lineBreak struct {
	raw string // "\n" or the LS/PS character
	at  Position
}

// cursor walks the source one character at a time, tracking line and column
// the way yaml.v3 does.
type cursor struct {
	src       []byte
	i         int
	line, col int
}

func (c *cursor) pos() Position { return Position{Line: c.line, Col: c.col} }

func (c *cursor) eof() bool { return c.i >= len(c.src) }

// peek returns the character at the cursor, or -1 at the end of the file.
func (c *cursor) peek() (rune, int) {
	if c.i >= len(c.src) {
		return -1, 0
	}
	if b := c.src[c.i]; b < utf8.RuneSelf {
		return rune(b), 1
	}
	return utf8.DecodeRune(c.src[c.i:])
}

// peekAt returns the character k characters ahead (k >= 0), or -1.
func (c *cursor) peekAt(k int) rune {
	i := c.i
	for ; k > 0; k-- {
		if i >= len(c.src) {
			return -1
		}
		_, n := utf8.DecodeRune(c.src[i:])
		i += n
	}
	if i >= len(c.src) {
		return -1
	}
	r, _ := utf8.DecodeRune(c.src[i:])
	return r
}

func (c *cursor) advance() {
	_, n := c.peek()
	if n == 0 {
		return
	}
	c.i += n
	c.col++
}

// breakLen returns the length in bytes of the line break at the cursor, or 0.
func (c *cursor) breakLen() int {
	return breakLenAt(c.src, c.i)
}

func (c *cursor) isBlank() bool {
	return c.i < len(c.src) && (c.src[c.i] == ' ' || c.src[c.i] == '\t')
}

func (c *cursor) isBlankOrBreakOrEOF() bool {
	return c.eof() || c.isBlank() || c.breakLen() > 0
}

// takeBreak consumes the line break at the cursor and describes it.
func (c *cursor) takeBreak() lineBreak {
	n := c.breakLen()
	b := lineBreak{raw: "\n", at: c.pos()}
	if n == 3 { // LS or PS
		b.raw = string(c.src[c.i : c.i+3])
	}
	c.i += n
	c.line++
	c.col = 1
	return b
}

func breakLenAt(src []byte, i int) int {
	if i >= len(src) {
		return 0
	}
	switch src[i] {
	case '\n':
		return 1
	case '\r':
		if i+1 < len(src) && src[i+1] == '\n' {
			return 2
		}
		return 1
	case 0xC2:
		if i+1 < len(src) && src[i+1] == 0x85 {
			return 2
		}
	case 0xE2:
		if i+2 < len(src) && src[i+1] == 0x80 && (src[i+2] == 0xA8 || src[i+2] == 0xA9) {
			return 3
		}
	}
	return 0
}

// folder holds the whitespace and line breaks between two runs of text in a
// plain or quoted scalar, and joins them the way YAML folds lines: a single
// line break becomes a space, each further empty line a "\n", and whitespace
// before a line break is dropped.
type folder struct {
	blanks   []Position // positions of pending spaces/tabs (their bytes in blankText)
	blankTxt []byte
	leading  bool       // a line break has been seen
	first    *lineBreak // the first line break; nil for an escaped break
	first0   lineBreak
	trailing []lineBreak
}

func (f *folder) blank(c *cursor) {
	if !f.leading {
		f.blankTxt = append(f.blankTxt, c.src[c.i])
		f.blanks = append(f.blanks, c.pos())
	}
	c.advance()
}

func (f *folder) lineBreak(c *cursor) {
	b := c.takeBreak()
	if !f.leading {
		f.blanks, f.blankTxt = f.blanks[:0], f.blankTxt[:0]
		f.first0 = b
		f.first = &f.first0
		f.leading = true
		return
	}
	f.trailing = append(f.trailing, b)
}

// escapedBreak records a backslash-escaped line break in a double-quoted
// scalar: the break itself adds nothing to the value.
func (f *folder) escapedBreak(c *cursor) {
	c.takeBreak()
	f.blanks, f.blankTxt = f.blanks[:0], f.blankTxt[:0]
	f.first = nil
	f.leading = true
}

func (f *folder) pending() bool { return f.leading || len(f.blanks) > 0 }

func (f *folder) join(r *result) {
	if f.leading {
		if f.first != nil && f.first.raw == "\n" {
			if len(f.trailing) == 0 {
				r.emit(" ", f.first.at)
			}
		} else if f.first != nil {
			r.emit(f.first.raw, f.first.at)
		}
		for _, t := range f.trailing {
			r.emit(t.raw, t.at)
		}
	} else {
		for i, p := range f.blanks {
			r.emit(string(f.blankTxt[i]), p)
		}
	}
	f.leading, f.first = false, nil
	f.trailing = f.trailing[:0]
	f.blanks, f.blankTxt = f.blanks[:0], f.blankTxt[:0]
}

// scanPlain reconstructs a plain scalar starting at the cursor. It stops as
// soon as len(want) bytes have been produced: the end of a plain scalar
// depends on context (flow brackets, comments, indentation) that the
// reconstruction does not need to know.
func scanPlain(c cursor, want string) result {
	var r result
	var f folder
	for {
		for !c.isBlankOrBreakOrEOF() {
			if len(r.out) >= len(want) {
				r.end, r.ok = c.pos(), true
				return r
			}
			if f.pending() {
				f.join(&r)
			}
			_, n := c.peek()
			r.emitBytes(c.src[c.i:c.i+n], c.pos())
			c.advance()
			if !r.matches(want) {
				return r
			}
		}
		if len(r.out) >= len(want) {
			r.end, r.ok = c.pos(), true
			return r
		}
		if c.eof() {
			return r
		}
		for c.isBlank() || c.breakLen() > 0 {
			if c.isBlank() {
				f.blank(&c)
			} else {
				f.lineBreak(&c)
			}
		}
	}
}

// scanQuoted reconstructs a single- or double-quoted scalar; the cursor is on
// the opening quote.
func scanQuoted(c cursor, want string, single bool) result {
	var r result
	quote := rune('"')
	if single {
		quote = '\''
	}
	if ru, _ := c.peek(); ru != quote {
		return r
	}
	c.advance()
	var f folder
	for {
		if c.eof() {
			return r
		}
	text:
		for !c.isBlankOrBreakOrEOF() {
			ru, n := c.peek()
			switch {
			case single && ru == '\'' && c.peekAt(1) == '\'':
				r.emit("'", c.pos())
				c.advance()
				c.advance()
			case ru == quote:
				break text
			case !single && ru == '\\' && breakLenAt(c.src, c.i+1) > 0:
				c.advance()
				f.escapedBreak(&c)
				break text
			case !single && ru == '\\':
				p := c.pos()
				c.advance()
				s, ok := unescape(&c)
				if !ok {
					return r
				}
				r.emit(s, p)
			default:
				r.emitBytes(c.src[c.i:c.i+n], c.pos())
				c.advance()
			}
		}
		if ru, _ := c.peek(); ru == quote {
			r.end = c.pos()
			c.advance()
			r.ok = string(r.out) == want
			return r
		}
		for c.isBlank() || c.breakLen() > 0 {
			if c.isBlank() {
				f.blank(&c)
			} else {
				f.lineBreak(&c)
			}
		}
		f.join(&r)
		if !r.matches(want) {
			return r
		}
	}
}

// unescape decodes the escape after a backslash in a double-quoted scalar;
// the cursor is on the character after the backslash.
func unescape(c *cursor) (string, bool) {
	ru, _ := c.peek()
	var s string
	digits := 0
	switch ru {
	case '0':
		s = "\x00"
	case 'a':
		s = "\a"
	case 'b':
		s = "\b"
	case 't', '\t':
		s = "\t"
	case 'n':
		s = "\n"
	case 'v':
		s = "\v"
	case 'f':
		s = "\f"
	case 'r':
		s = "\r"
	case 'e':
		s = "\x1b"
	case ' ':
		s = " "
	case '"':
		s = "\""
	case '\'':
		s = "'"
	case '\\':
		s = "\\"
	case 'N':
		s = "\u0085"
	case '_':
		s = "\u00a0"
	case 'L':
		s = "\u2028"
	case 'P':
		s = "\u2029"
	case 'x':
		digits = 2
	case 'u':
		digits = 4
	case 'U':
		digits = 8
	default:
		return "", false
	}
	c.advance()
	if digits == 0 {
		return s, true
	}
	v := rune(0)
	for range digits {
		d, _ := c.peek()
		switch {
		case d >= '0' && d <= '9':
			v = v<<4 | (d - '0')
		case d >= 'a' && d <= 'f':
			v = v<<4 | (d - 'a' + 10)
		case d >= 'A' && d <= 'F':
			v = v<<4 | (d - 'A' + 10)
		default:
			return "", false
		}
		c.advance()
	}
	if !utf8.ValidRune(v) {
		return "", false
	}
	return string(v), true
}

// scanBlockAny reconstructs a literal or folded block scalar; the cursor is on
// its | or > indicator. The content indentation depends on the parent node's
// indentation when an indentation indicator is used, which the node does not
// record, so every plausible indentation is tried until one reproduces the
// value.
func scanBlockAny(c cursor, want string) result {
	h, ok := blockHeader(&c)
	if !ok {
		return result{}
	}
	fits := func(r result) bool {
		return r.ok && strings.HasPrefix(string(r.out), want) && onlyBreaks(r.out[len(want):])
	}
	if h.increment == 0 {
		if r := scanBlock(c, h, 0, want); fits(r) {
			return r
		}
	}
	for indent := 1; indent <= DefaultMaxDepth*2; indent++ {
		if r := scanBlock(c, h, indent, want); fits(r) {
			return r
		}
	}
	return result{}
}

func onlyBreaks(b []byte) bool {
	for _, x := range b {
		if x != '\n' {
			return false
		}
	}
	return true
}

type header struct {
	literal   bool
	increment int
}

// blockHeader reads "|", ">", their chomping and indentation indicators, an
// optional comment, and the line break that ends the header line.
func blockHeader(c *cursor) (header, bool) {
	var h header
	ru, _ := c.peek()
	switch ru {
	case '|':
		h.literal = true
	case '>':
	default:
		return h, false
	}
	c.advance()
	for range 2 {
		ru, _ := c.peek()
		switch {
		case ru == '+' || ru == '-':
			c.advance()
		case ru >= '1' && ru <= '9':
			h.increment = int(ru - '0')
			c.advance()
		}
	}
	for c.isBlank() {
		c.advance()
	}
	if ru, _ := c.peek(); ru == '#' {
		for !c.eof() && c.breakLen() == 0 {
			c.advance()
		}
	}
	if c.eof() {
		return h, true
	}
	if c.breakLen() == 0 {
		return h, false
	}
	c.takeBreak()
	return h, true
}

// scanBlock follows yaml.v3's block scalar scanner with a given content
// indentation (0 = detect it from the content), keeping every trailing line
// break (the value's chomping is applied by the caller's prefix check).
func scanBlock(c cursor, h header, indent int, want string) result {
	r := result{end: c.pos()}
	var leading *lineBreak
	var leadingBuf lineBreak
	var trailing []lineBreak
	// breaks eats indentation and empty lines before content.
	breaks := func() bool {
		maxIndent := 0
		for {
			for (indent == 0 || c.col-1 < indent) && !c.eof() && c.src[c.i] == ' ' {
				c.advance()
			}
			if c.col-1 > maxIndent {
				maxIndent = c.col - 1
			}
			if (indent == 0 || c.col-1 < indent) && !c.eof() && c.src[c.i] == '\t' {
				return false
			}
			if c.breakLen() == 0 {
				break
			}
			trailing = append(trailing, c.takeBreak())
		}
		if indent == 0 {
			indent = max(maxIndent, 1)
		}
		return true
	}
	if !breaks() {
		return r
	}
	leadingBlank := false
	for c.col-1 == indent && !c.eof() {
		trailingBlank := c.isBlank()
		if !h.literal && leading != nil && leading.raw == "\n" && !leadingBlank && !trailingBlank {
			if len(trailing) == 0 {
				r.emit(" ", leading.at)
			}
			leading = nil
		}
		if leading != nil {
			r.emit(leading.raw, leading.at)
			leading = nil
		}
		for _, t := range trailing {
			r.emit(t.raw, t.at)
		}
		trailing = trailing[:0]
		leadingBlank = c.isBlank()
		for !c.eof() && c.breakLen() == 0 {
			_, n := c.peek()
			r.emitBytes(c.src[c.i:c.i+n], c.pos())
			c.advance()
		}
		r.end = c.pos()
		if !r.agrees(want) {
			return r
		}
		if c.eof() {
			break
		}
		leadingBuf = c.takeBreak()
		leading = &leadingBuf
		if !breaks() {
			return r
		}
	}
	// Keep every trailing break; the caller compares against the chomped value.
	if leading != nil {
		r.emit(leading.raw, leading.at)
	}
	for _, t := range trailing {
		r.emit(t.raw, t.at)
	}
	r.ok = true
	return r
}

// lineIndex records where each line of a file starts.
type lineIndex struct {
	src    []byte
	starts []int // byte offset of the start of each line; starts[0] skips a BOM
}

func newLineIndex(src []byte) lineIndex {
	start := 0
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		start = 3
	}
	starts := make([]int, 1, 64)
	starts[0] = start
	for i := start; i < len(src); {
		if n := breakLenAt(src, i); n > 0 {
			i += n
			if i < len(src) {
				starts = append(starts, i)
			}
			continue
		}
		i++
	}
	return lineIndex{src: src, starts: starts}
}

func (x lineIndex) count() int { return len(x.starts) }

// bounds returns the byte range of line n without its line break.
func (x lineIndex) bounds(n int) (start, end int, ok bool) {
	if n < 1 || n > len(x.starts) {
		return 0, 0, false
	}
	start = x.starts[n-1]
	end = len(x.src)
	if n < len(x.starts) {
		end = x.starts[n]
	}
	for i := start; i < end; i++ {
		if breakLenAt(x.src, i) > 0 {
			return start, i, true
		}
	}
	return start, end, true
}

func (x lineIndex) offset(p Position) (int, bool) {
	a, b, ok := x.bounds(p.Line)
	if !ok || p.Col < 1 {
		return 0, false
	}
	i := a
	for col := 1; col < p.Col; col++ {
		if i >= b {
			return 0, false
		}
		_, n := utf8.DecodeRune(x.src[i:b])
		i += n
	}
	return i, true
}

func (x lineIndex) cursorAt(p Position) (cursor, bool) {
	i, ok := x.offset(p)
	if !ok {
		return cursor{}, false
	}
	return cursor{src: x.src, i: i, line: p.Line, col: p.Col}, true
}

// firstNonBlank returns the position of the first character on line n that is
// not a space (or column 1 for a blank line). Tabs are not skipped: a tab
// used for indentation is often the problem itself.
func (x lineIndex) firstNonBlank(n int) Position {
	a, b, ok := x.bounds(n)
	if !ok {
		return x.clamp(Position{Line: n, Col: 1})
	}
	col := 1
	for i := a; i < b && x.src[i] == ' '; i++ {
		col++
	}
	return Position{Line: n, Col: col}
}

// clamp moves p onto the nearest position inside the file.
func (x lineIndex) clamp(p Position) Position {
	if p.Line < 1 {
		return Position{Line: 1, Col: 1}
	}
	if p.Line > len(x.starts) {
		p.Line = len(x.starts)
		p.Col = 1 << 30
	}
	a, b, _ := x.bounds(p.Line)
	if n := utf8.RuneCount(x.src[a:b]) + 1; p.Col > n {
		p.Col = n
	}
	if p.Col < 1 {
		p.Col = 1
	}
	return p
}
