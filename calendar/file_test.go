package calendar_test

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/google/go-cmp/cmp"

	"github.com/devzone-go/devzone/calendar"
)

func TestLoadZoneCalendar(t *testing.T) {
	cal, err := calendar.LoadFile("testdata/jinzhong-zone.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if cal.ID() != "jinzhong-zone" || cal.Label() != "晋中开发区管委会工作日历" {
		t.Errorf("ID, Label = %q, %q", cal.ID(), cal.Label())
	}
	tests := []struct {
		date string
		want calendar.Day
	}{
		{"2025-06-03", calendar.Day{Kind: calendar.KindZoneClosure, Name: "管委会集中学习"}},
		{"2025-07-15", calendar.Day{Kind: calendar.KindZoneClosure, Name: "办公楼检修"}},
		{"2025-06-07", calendar.Day{Kind: calendar.KindZoneWorkday, Name: "招商集中办公日"}},
		{"2025-10-11", calendar.Day{Kind: calendar.KindMakeupWorkday, Name: "国庆节、中秋节"}},
		{"2025-06-04", calendar.Day{Kind: calendar.KindWorkday}},
	}
	for _, tt := range tests {
		got, err := cal.Day(d(tt.date))
		if err != nil {
			t.Fatal(err)
		}
		tt.want.Date = d(tt.date)
		if diff := cmp.Diff(tt.want, got); diff != "" {
			t.Errorf("Day(%s) (-want +got):\n%s", tt.date, diff)
		}
	}
	// 30 working days from 2025-06-02 in the mainland calendar end on
	// 2025-07-14; the zone closes 06-03, 07-14 and 07-15 and opens 06-07.
	got, err := cal.AddWorkdays(d("2025-06-02"), 30)
	if err != nil || got.String() != "2025-07-16" {
		t.Errorf("zone AddWorkdays(2025-06-02, 30) = %s, %v; want 2025-07-16", got, err)
	}
	if got, _ := calendar.MainlandChina().AddWorkdays(d("2025-06-02"), 30); got.String() != "2025-07-14" {
		t.Errorf("the zone file changed the shared mainland calendar: %s", got)
	}
	hs, err := cal.Holidays(2025)
	if err != nil {
		t.Fatal(err)
	}
	var zone []string
	for _, h := range hs {
		if h.Kind != calendar.KindHoliday {
			zone = append(zone, fmt.Sprintf("%s %s %s..%s", h.Kind, h.Name, h.First, h.Last))
		}
	}
	want := []string{
		"本地休息日 管委会集中学习 2025-06-03..2025-06-03",
		"本地工作日 招商集中办公日 2025-06-07..2025-06-07",
		"本地休息日 办公楼检修 2025-07-14..2025-07-15",
	}
	if diff := cmp.Diff(want, zone); diff != "" {
		t.Errorf("zone days in Holidays(2025) (-want +got):\n%s", diff)
	}
}

func TestLoadFS(t *testing.T) {
	fsys := fstest.MapFS{"cal/zone.yaml": {Data: []byte("id: z\nextends: cn-mainland\nclosures: [{name: 停电, date: 2025-06-04}]\n")}}
	cal, err := calendar.LoadFS(fsys, "cal/zone.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if ok, _ := cal.IsWorkday(d("2025-06-04")); ok {
		t.Error("closure not applied")
	}
}

// TestLoadErrors checks the code and position of every problem; the wording
// is free to improve.
func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string // "line:col code"
	}{
		{"unknown base", "id: z\nextends: cn-taiwan\n", []string{"2:10 calendar.unknown-base"}},
		{"bad date", "id: z\nextends: cn-mainland\nclosures:\n  - {name: x, date: 2025-02-30}\n", []string{"4:21 calendar.bad-date"}},
		{"duplicate date", "id: z\nextends: cn-mainland\nclosures:\n  - {name: a, date: 2025-06-04}\n  - {name: b, date: 2025-06-04}\n", []string{"5:21 calendar.duplicate-date"}},
		{"closed and opened", "id: z\nextends: cn-mainland\nclosures:\n  - {name: a, from: 2025-06-10, to: 2025-06-12}\nworkdays:\n  - {name: b, date: 2025-06-11}\n", []string{"6:21 calendar.closed-and-opened"}},
		{"unknown key", "id: z\nextends: cn-mainland\nclosure:\n  - {name: a, date: 2025-06-04}\n", []string{"3:1 calendar.unknown-key"}},
		{"duplicate key", "id: z\nid: y\nextends: cn-mainland\n", []string{"2:1 calendar.duplicate-key"}},
		{"wrong kind", "id: z\nextends: cn-mainland\nclosures: {name: a}\n", []string{"3:11 calendar.wrong-kind"}},
		{"missing name", "id: z\nextends: cn-mainland\nworkdays:\n  - {date: 2025-06-07}\n", []string{"4:5 calendar.missing-key"}},
		{"closing a rest day", "id: z\nextends: cn-mainland\nclosures:\n  - {name: a, date: 2025-10-02}\n", []string{"4:21 calendar.not-a-change"}},
		{"opening a working day", "id: z\nextends: cn-mainland\nworkdays:\n  - {name: a, date: 2025-10-11}\n", []string{"4:21 calendar.not-a-change"}},
		{"unpublished year", "id: z\nextends: cn-mainland\nclosures:\n  - {name: a, date: 2027-03-01}\n", []string{"4:21 calendar.out-of-range"}},
		{"range backwards", "id: z\nextends: cn-mainland\nclosures:\n  - {name: a, from: 2025-06-09, to: 2025-06-06}\n", []string{"4:37 calendar.bad-range"}},
		{"aliases refused", "id: z\nextends: cn-mainland\nclosures:\n  - &c {name: a, date: 2025-06-04}\n  - *c\n", []string{"4:5 calendar.alias", "5:5 calendar.alias"}},
		{"not yaml", "id: [z\n", []string{"1:1 calendar.syntax"}},
		{"empty", "", []string{"1:1 calendar.syntax"}},
		{"neither base nor years", "id: z\n", []string{"1:1 calendar.missing-key"}},
		{"several at once", "id: Z z\nextends: cn-mainland\nclosures:\n  - {name: a, date: 2025-13-01}\nworkday: []\n", []string{"1:5 calendar.bad-id", "4:21 calendar.bad-date", "5:1 calendar.unknown-key"}},
		{"year gap", "id: b\nyears:\n  2024: {holidays: []}\n  2026: {holidays: []}\n", []string{"4:3 calendar.year-gap"}},
		{"make-up on a weekday", "id: b\nyears:\n  2025: {holidays: [{name: x, from: 2025-01-01, work: [2025-01-02]}]}\n", []string{"3:56 calendar.not-a-change"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cal, err := calendar.Load("zone.yaml", []byte(tt.src))
			if cal != nil {
				t.Error("a calendar was returned together with errors")
			}
			var list calendar.FileErrors
			if !errors.As(err, &list) {
				t.Fatalf("error %v is not FileErrors", err)
			}
			var got []string
			for _, e := range list {
				got = append(got, fmt.Sprintf("%d:%d %s", e.Line, e.Col, e.Code))
				if e.File != "zone.yaml" || !strings.HasPrefix(e.Error(), fmt.Sprintf("zone.yaml:%d:%d: ", e.Line, e.Col)) {
					t.Errorf("error %q is not positioned as file:line:col", e.Error())
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("errors (-want +got):\n%s\nmessages:\n%v", diff, err)
			}
			var one *calendar.FileError
			if !errors.As(err, &one) {
				t.Error("errors.As does not reach a *FileError")
			}
		})
	}
}
