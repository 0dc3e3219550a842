package facts

import "testing"

// Benchmarks of the queries the checker makes once or more per claim, over
// the default record. Each iteration is one call; the calls cycle through a
// fixed mix of arguments so the numbers are an average over the record.

type coveredQuery struct {
	kind, person, from, to string
	when                   Interval
}

// coveredQueries mixes the calls the checker makes: a visit by each person
// from their country to each other country, and summits and relations with no
// one named, each over a spread of times.
func coveredQueries(b *testing.B, r *Record) []coveredQuery {
	b.Helper()
	var countries []string
	for _, p := range r.Places {
		if p.Kind == "country" {
			countries = append(countries, p.ID)
		}
	}
	var qs []coveredQuery
	for i, y := range []int{1955, 1971, 1987, 1993, 2001, 2014, 2024} {
		when := yearInterval(y)
		if i%2 == 1 {
			when = Interval{Date{Y: y, M: 3, D: 15, Prec: Day}, Date{Y: y, M: 3, D: 15, Prec: Day}}
		}
		for _, p := range r.People {
			for _, to := range countries {
				if to != p.Country {
					qs = append(qs, coveredQuery{Visit, p.ID, p.Country, to, when})
				}
			}
		}
		qs = append(qs, coveredQuery{Summit, "", "", "", when}, coveredQuery{Relations, "", "", "", when})
	}
	return qs
}

func yearInterval(y int) Interval {
	return Interval{Date{Y: y, Prec: Year}, Date{Y: y, Prec: Year}}
}

func benchRecord(b *testing.B) *Record {
	b.Helper()
	r, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	return r
}

func BenchmarkCovered(b *testing.B) {
	r := benchRecord(b)
	qs := coveredQueries(b, r)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		q := &qs[i%len(qs)]
		r.Covered(q.kind, q.person, q.from, q.to, q.when)
		i++
	}
}

func BenchmarkOfficeCovered(b *testing.B) {
	r := benchRecord(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		o := r.Offices[i%len(r.Offices)]
		r.OfficeCovered(o.ID, yearInterval(1940+i%90))
		i++
	}
}

func BenchmarkHolders(b *testing.B) {
	r := benchRecord(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		o := r.Offices[i%len(r.Offices)]
		r.Holders(o.ID, yearInterval(1940+i%90))
		i++
	}
}

func BenchmarkTermsAt(b *testing.B) {
	r := benchRecord(b)
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		p := r.People[i%len(r.People)]
		r.TermsAt(p.ID, yearInterval(1940+i%90))
		i++
	}
}
