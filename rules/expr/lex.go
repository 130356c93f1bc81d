package expr

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/devzone-go/devzone/internal/quantity"
)

// tokKind is the kind of a token.
type tokKind uint8

const (
	tEOF tokKind = iota
	tIllegal
	tIdent
	tLiteral // number, unit-bearing literal, date or period: token.lit holds the value
	tString  // quoted text: token.text holds the content
	tLParen
	tRParen
	tLBrack
	tRBrack
	tComma
	tEq
	tNe
	tLt
	tLe
	tGt
	tGe
	tPlus
	tMinus
	tStar
	tSlash
	tAnd
	tOr
	tNot
	tIn
	tTrue
	tFalse
)

func (k tokKind) String() string {
	switch k {
	case tEOF:
		return "表达式结尾"
	case tIllegal:
		return "无法识别的字符"
	case tIdent:
		return "名称"
	case tLiteral:
		return "数值"
	case tString:
		return "文本"
	case tLParen:
		return "("
	case tRParen:
		return ")"
	case tLBrack:
		return "["
	case tRBrack:
		return "]"
	case tComma:
		return ","
	case tEq:
		return "=="
	case tNe:
		return "!="
	case tLt:
		return "<"
	case tLe:
		return "<="
	case tGt:
		return ">"
	case tGe:
		return ">="
	case tPlus:
		return "+"
	case tMinus:
		return "-"
	case tStar:
		return "*"
	case tSlash:
		return "/"
	case tAnd:
		return "and"
	case tOr:
		return "or"
	case tNot:
		return "not"
	case tIn:
		return "in"
	case tTrue:
		return "true"
	case tFalse:
		return "false"
	}
	return "?"
}

// token is one lexical token. start and end are byte offsets, end
// exclusive.
type token struct {
	kind       tokKind
	start, end int
	text       string // identifier, or content of a quoted text
	lit        Value  // value of a tLiteral (unknown when it was malformed)
}

// keyword returns the token kind of a keyword, ignoring ASCII case.
func keyword(s string) (tokKind, bool) {
	if len(s) > 5 {
		return 0, false
	}
	switch strings.ToLower(s) {
	case "and":
		return tAnd, true
	case "or":
		return tOr, true
	case "not":
		return tNot, true
	case "in":
		return tIn, true
	case "true":
		return tTrue, true
	case "false":
		return tFalse, true
	}
	return 0, false
}

// lexer splits an expression into tokens. Errors go to the sink; a bad
// literal still yields a tLiteral token (with an unknown value) so that
// parsing can go on.
type lexer struct {
	src  string
	errs *errorSink
}

func (lx *lexer) all() []token {
	var toks []token
	i := 0
	for {
		t := lx.next(&i)
		toks = append(toks, t)
		if t.kind == tEOF {
			return toks
		}
	}
}

// next returns the token starting at or after *pos and advances *pos past
// it.
func (lx *lexer) next(pos *int) token {
	s := lx.src
	i := *pos
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size <= 1 || !unicode.IsSpace(r) {
			break
		}
		i += size
	}
	if i >= len(s) {
		*pos = i
		return token{kind: tEOF, start: len(s), end: len(s)}
	}
	start := i
	tok := func(k tokKind, end int) token {
		*pos = end
		return token{kind: k, start: start, end: end}
	}
	c := s[i]
	switch {
	case c >= '0' && c <= '9':
		t := lx.literal(start)
		*pos = t.end
		return t
	case c == '"' || c == '\'':
		return lx.quoted(pos, start, 1, string(c), string(c))
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	if r == utf8.RuneError && size <= 1 {
		lx.errs.add(CodeSyntax, start, start+1, "表达式含有无效的字符编码", "这个位置的字节不是有效的 UTF-8 文字。请检查规则文件的编码（应为 UTF-8），并重新输入这里的文字。")
		return tok(tIllegal, start+1)
	}
	end := i + size
	two := ""
	if i+1 < len(s) {
		two = s[i : i+2]
	}
	switch {
	case isIdentStart(r):
		j := end
		for j < len(s) {
			r2, n := utf8.DecodeRuneInString(s[j:])
			if !isIdentPart(r2) || r2 == utf8.RuneError && n <= 1 {
				break
			}
			j += n
		}
		word := s[start:j]
		if k, ok := keyword(word); ok {
			return tok(k, j)
		}
		t := tok(tIdent, j)
		t.text = word
		return t
	case r == '“':
		return lx.quoted(pos, start, size, "“", "”")
	case r == '‘':
		return lx.quoted(pos, start, size, "‘", "’")
	case two == "==":
		return tok(tEq, i+2)
	case two == "!=":
		return tok(tNe, i+2)
	case two == "<=":
		return tok(tLe, i+2)
	case two == ">=":
		return tok(tGe, i+2)
	case two == "&&":
		return tok(tAnd, i+2)
	case two == "||":
		return tok(tOr, i+2)
	case two == "<>":
		lx.errs.add(CodeSyntax, start, i+2, "不等于要写成 !=", "表达式用 != 表示“不等于”，例如 land_mode != lease。")
		return tok(tNe, i+2)
	}
	switch r {
	case '(', '（':
		return tok(tLParen, end)
	case ')', '）':
		return tok(tRParen, end)
	case '[', '［':
		return tok(tLBrack, end)
	case ']', '］':
		return tok(tRBrack, end)
	case ',', '，', '、':
		return tok(tComma, end)
	case '<':
		return tok(tLt, end)
	case '>':
		return tok(tGt, end)
	case '≤':
		return tok(tLe, end)
	case '≥':
		return tok(tGe, end)
	case '≠':
		return tok(tNe, end)
	case '+':
		return tok(tPlus, end)
	case '-', '－':
		return tok(tMinus, end)
	case '*', '×':
		return tok(tStar, end)
	case '/', '÷':
		return tok(tSlash, end)
	case '!', '！':
		return tok(tNot, end)
	case '=', '＝':
		lx.errs.add(CodeSyntax, start, end, "比较相等要写成 ==", "表达式用两个等号 == 表示“等于”，例如 land_mode == transfer。一个等号 = 不是比较。")
		return tok(tEq, end)
	case '&', '|':
		lx.errs.add(CodeSyntax, start, end, "“"+string(r)+"” 要写成 and 或 or", "表达式用 and（并且）和 or（或者）连接条件，也可以写 && 和 ||。")
		if r == '&' {
			return tok(tAnd, end)
		}
		return tok(tOr, end)
	}
	what := string(r)
	if !unicode.IsPrint(r) {
		what = runeCode(r)
	}
	lx.errs.add(CodeSyntax, start, end, "表达式中不能出现字符 "+what,
		"这个字符不是表达式的一部分。名称由文字、数字和下划线组成；文本要加引号，例如 \"装备制造\"；运算符见规则语言说明。")
	return tok(tIllegal, end)
}

func runeCode(r rune) string {
	const hex = "0123456789ABCDEF"
	b := []byte("U+0000")
	for i := 5; i >= 2; i-- {
		b[i] = hex[r&0xF]
		r >>= 4
	}
	return string(b)
}

// quoted lexes text between open and close quotes. Inside, \" \' \\ and
// the escaped closing quote stand for themselves.
func (lx *lexer) quoted(pos *int, start, openLen int, open, close string) token {
	s := lx.src
	var b strings.Builder
	i := start + openLen
	for i < len(s) {
		if strings.HasPrefix(s[i:], close) {
			end := i + len(close)
			*pos = end
			return token{kind: tString, start: start, end: end, text: b.String()}
		}
		if s[i] == '\\' && i+1 < len(s) {
			switch s[i+1] {
			case '"', '\'', '\\':
				b.WriteByte(s[i+1])
				i += 2
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 {
			lx.errs.add(CodeSyntax, i, i+1, "文本中含有无效的字符编码", "这个位置的字节不是有效的 UTF-8 文字。请检查规则文件的编码（应为 UTF-8）。")
		} else {
			b.WriteRune(r)
		}
		i += n
	}
	*pos = len(s)
	lx.errs.add(CodeSyntax, start, len(s), "文本缺少结尾的引号 "+close,
		"以 "+open+" 开头的文本必须以 "+close+" 结束，例如 \"装备制造\"。")
	return token{kind: tString, start: start, end: len(s), text: b.String()}
}

// literal lexes a literal that starts with a digit: a number, an amount of
// money, an area, a percentage, an intensity, a period or a date. The
// extent comes from quantity.Lex, the one scanner of unit-bearing literals.
func (lx *lexer) literal(start int) token {
	s := lx.src
	k, end := quantity.Lex(s, start)
	if end <= start { // cannot happen for a digit; stay safe
		end = start + 1
	}
	t := token{kind: tLiteral, start: start, end: end}
	if k == quantity.Number {
		// 2025-6-30: a date missing its leading zeros, not a subtraction.
		if e, ok := looseDate(s, start, end); ok {
			end = e
			t.end = e
			lx.errs.add(CodeLiteral, start, end, "日期要写成 YYYY-MM-DD", "日期 "+s[start:end]+" 的月和日要写两位数，例如 2026-06-30。")
			return t
		}
		// 10yuan, 3倍: a number followed by an unknown unit.
		j := end
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if !isIdentPart(r) || r == utf8.RuneError && n <= 1 {
				break
			}
			j += n
		}
		if j > end {
			t.end = j
			lx.errs.add(CodeLiteral, start, j, "不认识的单位 "+s[end:j],
				"数字后面可以跟的单位：金额 元、万元、亿元；面积 亩、㎡、公顷、平方公里；百分比 %；强度 万元/亩；期限 个工作日、天、个月、年。例如 10亿元、30个工作日。")
			return t
		}
	}
	v, err := parseLiteral(k, s[start:end])
	if err != nil {
		lx.errs.add(CodeLiteral, start, end, literalSummary(k, s[start:end]), literalDetail(k, err))
		return t
	}
	t.lit = v
	return t
}

// looseDate recognises dddd-d{1,2}-d{1,2} at start (the number ending at
// numEnd being the year) and returns its end.
func looseDate(s string, start, numEnd int) (int, bool) {
	if numEnd-start != 4 {
		return 0, false
	}
	i := numEnd
	for part := 0; part < 2; part++ {
		if i >= len(s) || s[i] != '-' {
			return 0, false
		}
		i++
		j := i
		for j < len(s) && j-i < 3 && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j == i || j-i > 2 {
			return 0, false
		}
		i = j
	}
	if i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '-') {
		return 0, false
	}
	return i, true
}
