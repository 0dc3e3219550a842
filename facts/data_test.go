package facts

import (
	"sort"
	"testing"
)

func defaultRecord(t *testing.T) *Record {
	t.Helper()
	r, err := Default()
	if err != nil {
		t.Fatalf("the embedded record does not load:\n%v", err)
	}
	return r
}

// TestPinnedFacts: well-known facts, so that silent data loss fails loudly.
func TestPinnedFacts(t *testing.T) {
	r := defaultRecord(t)
	putin := 0
	for _, e := range r.Person("vladimir-putin").Events {
		if e.Kind == Visit && e.To == "india" && e.Confidence.Decisive() {
			putin++
		}
	}
	if putin != 11 {
		t.Errorf("Putin's visits to India: %d, want 11 (2000–2025, one as Prime Minister)", putin)
	}
	starts := map[string]string{}
	for _, tm := range r.Person("nikita-khrushchev").Terms {
		starts[tm.Office] = tm.When.Start.String()
	}
	if starts["cpsu-leader"] != "1953-09-07" || starts["ussr-premier"] != "1958-03-27" {
		t.Errorf("Khrushchev's terms start %v, want First Secretary 1953-09-07 and Premier 1958-03-27", starts)
	}
	if e := r.Event("dipl-relations-1947"); e == nil || e.When.String() != "1947-04-13" || !e.HasTag("established") {
		t.Errorf("diplomatic relations: %+v, want established 1947-04-13", e)
	}
	if e := r.Event("treaty-1971"); e == nil || e.When.String() != "1971-08-09" || e.Term != 20 {
		t.Errorf("1971 treaty: %+v, want 1971-08-09 for 20 years", e)
	}
	if n := len(r.Person("mikhail-gorbachev").Events); n < 2 {
		t.Errorf("Gorbachev: %d events", n)
	}
}

// TestRecordShape: every visit row of both tables, the 23 summits numbered
// 1–23 without a gap, coverage for every office, and rows in order.
func TestRecordShape(t *testing.T) {
	r := defaultRecord(t)
	kinds := map[string]int{}
	var numbers []int
	for _, e := range r.Events {
		kinds[e.Kind]++
		if e.Kind == Summit {
			numbers = append(numbers, e.Number)
		}
	}
	if kinds[Visit] < 75 || kinds[Agreement] < 15 || kinds[Relations] != 1 {
		t.Errorf("events by kind: %v", kinds)
	}
	sort.Ints(numbers)
	for i, n := range numbers {
		if n != i+1 {
			t.Fatalf("summit numbers %v: want 1–23 without a gap", numbers)
		}
	}
	if len(numbers) != 23 {
		t.Errorf("%d summits, want 23", len(numbers))
	}
	for _, o := range r.Offices {
		covered := false
		for _, s := range r.Coverage {
			covered = covered || s.Kind == OfficeKind && s.Who == "office:"+o.ID && s.Complete
		}
		if !covered {
			t.Errorf("office %s: no coverage row says its terms are complete", o.ID)
		}
	}
	for _, x := range r.People {
		if len(x.Terms) == 0 && len(x.Events) == 0 {
			t.Errorf("person %s (%s) is in no term and no event", x.ID, x.Pos)
		}
	}
	// the files list rows in order: people, places, offices by id; terms and events by date
	ordered := func(name string, n int, key func(i int) string) {
		for i := 1; i < n; i++ {
			if key(i-1) > key(i) {
				t.Errorf("%s: %q comes before %q", name, key(i-1), key(i))
				return
			}
		}
	}
	ordered("people.tsv", len(r.People), func(i int) string { return r.People[i].ID })
	ordered("offices.tsv", len(r.Offices), func(i int) string { return r.Offices[i].ID })
}
