package incentive

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/devzone-go/devzone/calendar"
)

// wireEntry is the JSON form of an Entry. The field order is the key order
// of every exported line.
type wireEntry struct {
	ID         string `json:"id"`
	Kind       string `json:"kind"`
	Date       string `json:"date"`
	Budget     string `json:"budget,omitempty"`
	Earmark    string `json:"earmark,omitempty"`
	Project    string `json:"project,omitempty"`
	Allocation string `json:"allocation,omitempty"`
	Amount     string `json:"amount"`
	Purpose    string `json:"purpose,omitempty"`
	Reason     string `json:"reason,omitempty"`
}

const wireKeys = "id, kind, date, budget, earmark, project, allocation, amount, purpose, reason"

// maxLine bounds one line of a JSON-lines ledger, in bytes.
const maxLine = 1 << 20

// MarshalJSON writes the entry as one JSON object with the keys id, kind,
// date (YYYY-MM-DD), budget, earmark, project, allocation, amount (yuan as
// a decimal string, exact, without exponent or trailing zeros: "3000000",
// "-20000.5"), purpose and reason; empty optional keys are left out:
//
//	{"id":"a-001","kind":"allocation","date":"2025-06-12","budget":"prephase-2025","earmark":"land-entry","project":"JZ-001","amount":"3000000","purpose":"进地清单"}
func (e Entry) MarshalJSON() ([]byte, error) {
	var buf bytes.Buffer
	if err := writeEntry(&buf, e); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// UnmarshalJSON reads the form MarshalJSON writes. Unknown keys, amounts
// that are not plain decimal strings and dates that are not YYYY-MM-DD are
// errors of type [*EntryError]. It checks the form only; [Ledger.Record]
// checks the content.
func (e *Entry) UnmarshalJSON(b []byte) error {
	v, err := decodeEntry(b)
	if err != nil {
		return err
	}
	*e = v
	return nil
}

func writeEntry(w io.Writer, e Entry) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(wireEntry{
		ID: e.ID, Kind: e.Kind.String(), Date: e.Date.String(), Budget: e.Budget, Earmark: e.Earmark,
		Project: e.Project, Allocation: e.Allocation, Amount: plainDecimal(e.Amount),
		Purpose: e.Purpose, Reason: e.Reason,
	})
}

// decodeEntry parses one JSON object into an Entry.
func decodeEntry(b []byte) (Entry, error) {
	var w wireEntry
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&w); err != nil {
		return Entry{}, &EntryError{Entry: w.ID, Field: jsonField(err), Problem: jsonProblem(err)}
	}
	if _, err := dec.Token(); err != io.EOF {
		return Entry{}, &EntryError{Entry: w.ID, Problem: "there is more after the entry's closing }; write one entry per line"}
	}
	e := Entry{ID: w.ID, Budget: w.Budget, Earmark: w.Earmark, Project: w.Project, Allocation: w.Allocation, Purpose: w.Purpose, Reason: w.Reason}
	bad := func(field, format string, args ...any) (Entry, error) {
		return Entry{}, &EntryError{Entry: w.ID, Field: field, Problem: fmt.Sprintf(format, args...)}
	}
	if w.ID == "" {
		return bad("id", "every entry needs an id")
	}
	k, err := ParseEntryKind(w.Kind)
	if err != nil {
		return bad("kind", "%q is not a kind of entry; use allocation, release or adjustment", w.Kind)
	}
	e.Kind = k
	if e.Date, err = calendar.ParseDate(w.Date); err != nil {
		return bad("date", "%q is not a date: write YYYY-MM-DD, e.g. 2025-06-12", w.Date)
	}
	if e.Amount, err = parsePlain(w.Amount); err != nil {
		return bad("amount", "%q is not an amount: write yuan as a decimal string, e.g. \"3000000\" or \"-20000.5\"", w.Amount)
	}
	return e, nil
}

func jsonField(err error) string {
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return te.Field
	}
	return ""
}

func jsonProblem(err error) string {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	msg := err.Error()
	switch {
	case errors.As(err, &te) && te.Field == "":
		return "not a JSON object: write one {…} entry per line"
	case errors.As(err, &te):
		return "must be a string in quotes, e.g. \"amount\": \"3000000\""
	case strings.HasPrefix(msg, "json: unknown field "):
		return "unknown key " + strings.TrimPrefix(msg, "json: unknown field ") + "; the keys are " + wireKeys
	case errors.As(err, &se), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return "not a JSON object (" + strings.TrimPrefix(msg, "json: ") + "); write one {…} entry per line"
	}
	return "not a ledger entry: " + strings.TrimPrefix(msg, "json: ")
}

// parsePlain parses a decimal written as digits with an optional sign and
// fraction: no exponent, no spaces, no grouping, at most 20 digits before
// the point and 16 after.
func parsePlain(s string) (decimal.Decimal, error) {
	body := strings.TrimPrefix(s, "-")
	whole, frac, dot := strings.Cut(body, ".")
	if whole == "" || len(whole) > 20 || dot && (frac == "" || len(frac) > 16) || !digitsOnly(whole) || !digitsOnly(frac) {
		return decimal.Decimal{}, errors.New("not a plain decimal")
	}
	return decimal.NewFromString(s)
}

func digitsOnly(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// plainDecimal writes d exactly in plain notation without trailing zeros:
// "3000000", "0.5", "-20000.25". It never calls the decimal package's
// String, whose output depends on process-wide settings.
func plainDecimal(d decimal.Decimal) string {
	n := d.Normalize()
	c := n.Coefficient()
	neg := c.Sign() < 0
	digits := c.Abs(c).String()
	exp := int(n.Exponent())
	var b strings.Builder
	if neg {
		b.WriteByte('-')
	}
	switch k := len(digits) + exp; {
	case digits == "0":
		return "0"
	case exp >= 0:
		b.WriteString(digits)
		b.WriteString(strings.Repeat("0", exp))
	case k > 0:
		b.WriteString(digits[:k])
		b.WriteByte('.')
		b.WriteString(digits[k:])
	default:
		b.WriteString("0.")
		b.WriteString(strings.Repeat("0", -k))
		b.WriteString(digits)
	}
	return b.String()
}

// Export writes every entry, in the order recorded, as JSON lines: one
// object per line in the form of [Entry.MarshalJSON]. The output depends
// only on the entries, so exporting a ledger imported from an export gives
// the same bytes. Export takes a snapshot and does not hold the lock while
// writing.
func (l *Ledger) Export(w io.Writer) error {
	entries := l.Entries()
	bw := bufio.NewWriter(w)
	for _, e := range entries {
		if err := writeEntry(bw, e); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// Import records the entries of a JSON-lines file as written by
// [Ledger.Export], in order, with the checks of [Ledger.Record]: an entry
// already recorded with the same content is skipped, so importing the same
// file twice changes nothing. Blank lines are ignored. Amounts are yuan as
// plain decimal strings; dates are YYYY-MM-DD.
//
// Import is all or nothing: at the first bad line nothing is recorded and
// the error is a [*LineError] giving the 1-based line number and wrapping
// the [*EntryError], [*ConflictError] or [*OverspendError] — so a file that
// would overspend an earmark is refused. Lines longer than 1 MiB are
// refused.
func (l *Ledger) Import(r io.Reader) error {
	type line struct {
		n int
		e Entry
	}
	var lines []line
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 4096), maxLine)
	n := 0
	for sc.Scan() {
		n++
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		e, err := decodeEntry(b)
		if err != nil {
			return &LineError{Line: n, Err: err}
		}
		lines = append(lines, line{n, e})
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return &LineError{Line: n + 1, Err: &EntryError{Problem: "the line is longer than 1 MiB"}}
		}
		return &LineError{Line: n + 1, Err: err}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.st.byID == nil {
		l.st = newState(len(l.earmarks))
	}
	st := l.st.clone()
	for _, ln := range lines {
		if err := l.apply(&st, ln.e); err != nil {
			return &LineError{Line: ln.n, Err: err}
		}
	}
	l.st = st
	return nil
}
