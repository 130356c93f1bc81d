// Package calendar counts working days and works out deadlines under China's
// official holiday schedule.
//
// Every deadline in devzone ("land transfer completed within 30 working days
// of the project review") depends on which days are working days. That is
// decided each year by the State Council General Office notice on holiday
// arrangements (国务院办公厅关于部分节假日安排的通知): statutory holidays,
// rest days moved next to them, and weekend days made into working days
// (调休上班). The package ships those notices for 2004–2026 as data
// (data/cn-mainland.yaml, embedded) and builds an immutable [Calendar] from
// them.
//
// # Where to start
//
// [MainlandChina] returns the built-in calendar. Ask it [Calendar.IsWorkday],
// [Calendar.Day] (the holiday name and kind of a date), [Calendar.AddWorkdays],
// [Calendar.NextWorkday], [Calendar.WorkdaysBetween] and
// [Calendar.Deadline] for a [Period] such as 30个工作日, 60天 or 4个月.
// A zone adds its own closures and extra working days in a YAML calendar file
// loaded with [Load] or [LoadFile].
//
// # Counting rules
//
// Periods are counted as PRC law counts them:
//   - a period in working days excludes statutory holidays and rest days
//     (《行政许可法》第八十二条);
//   - the start day is not counted; counting begins the next day
//     (《民法典》第二百零一条);
//   - a period in months or years ends on the corresponding day of the last
//     month, or on that month's last day when it has no such day (第二百零二条);
//   - a period in natural days, months or years whose last day is a holiday or
//     rest day ends on the first working day after it (第二百零三条).
//
// # No silent guesses
//
// A query that needs a year for which no notice has been published returns a
// [*NoDataError] naming the year. A caller who accepts a guess can opt in with
// [Calendar.WithWeekendFallback]: unpublished years then count Monday to
// Friday as working days, nothing else. The notice for a year can change the
// last days of December of the year before (the 2019 notice made 2018-12-29 a
// working day), so the final days of the last published year may still change
// when the next notice appears.
//
// # Concurrency and cost
//
// A Calendar is immutable after construction and safe for concurrent use.
// Queries take constant time and do not allocate: the calendar keeps a running
// count of working days and the position of every working day over the years
// it covers, and uses weekday arithmetic for fallback years.
package calendar
