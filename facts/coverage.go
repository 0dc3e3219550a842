package facts

// Covered says whether the record is complete for claims of a kind (visit,
// summit, relations, agreement) about a person ("" for anyone) travelling or
// dealing from one country to another ("" for any) over a time. It returns the
// coverage row that decided, which may be nil when no row applies.
//
// A row naming the person decides first; a partial one anywhere in the time
// makes the answer partial. Otherwise any complete row naming an office the
// person held in the row's period, or naming no one, decides.
func (r *Record) Covered(kind, person, from, to string, when Interval) (bool, *Scope) {
	var personal []*Scope
	var general *Scope
	var partial *Scope
	for _, s := range r.Coverage {
		if s.Kind != kind || !s.Period.Overlaps(when) || !r.countryIn(from, s.From) || !r.countryIn(to, s.To) {
			continue
		}
		switch {
		case s.Who == "person:"+person && person != "":
			personal = append(personal, s)
		case s.Who == "":
			if s.Complete && when.Within(s.Period) {
				general = s
			} else if partial == nil {
				partial = s
			}
		case len(s.Who) > 7 && s.Who[:7] == "office:" && person != "":
			if !r.heldDuring(person, s.Who[7:], s.Period) {
				continue
			}
			if s.Complete && when.Within(s.Period) {
				if general == nil {
					general = s
				}
			} else if partial == nil {
				partial = s
			}
		}
	}
	if len(personal) > 0 {
		var inside *Scope
		for _, s := range personal {
			if !s.Complete {
				return false, s
			}
			if when.Within(s.Period) {
				inside = s
			}
		}
		if inside != nil {
			return true, inside
		}
	}
	if general != nil {
		return true, general
	}
	return false, partial
}

// countryIn reports whether a country (or its successor naming) is in a
// coverage row's list; an empty list or an unknown country matches all.
func (r *Record) countryIn(c string, list []string) bool {
	if len(list) == 0 || c == "" {
		return true
	}
	for _, x := range list {
		if r.SameCountry(c, x) || r.SameCountry(x, c) {
			return true
		}
	}
	return false
}

// heldDuring reports whether the person held the office (or one it stands
// for) at some time within the interval.
func (r *Record) heldDuring(person, office string, when Interval) bool {
	for _, t := range r.Holders(office, when) {
		if t.Person == person {
			return true
		}
	}
	return false
}

// OfficeCovered says whether the record holds every term of an office over
// the interval, with the deciding row.
func (r *Record) OfficeCovered(office string, when Interval) (bool, *Scope) {
	var partial *Scope
	for _, s := range r.Coverage {
		if s.Kind != OfficeKind || s.Who != "office:"+office || !s.Period.Overlaps(when) {
			continue
		}
		if s.Complete && when.Within(s.Period) {
			return true, s
		}
		partial = s
	}
	return false, partial
}
