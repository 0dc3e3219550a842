package facts

// Covered says whether the record is complete for claims of a kind (visit,
// summit, relations, agreement) about a person ("" for anyone) travelling or
// dealing from one country to another ("" for any) over a time. It returns the
// coverage row that decided, which may be nil when no row applies.
//
// A row naming the person decides first; a partial one anywhere in the time
// makes the answer partial. Otherwise any complete row naming an office the
// person held in the row's period, or naming no one, decides.
//
// A row applies when its period overlaps the time and its from and to lists
// hold the countries (as SameCountry reads them either way round); an empty
// list or no country ("") matches.
//
// The rows looked at come from the index (see kindRows): those naming no one,
// the person, or an office the person held in the row's period, so no row
// needs its who column parsed or its office's terms searched here, and the
// country lists are expanded in advance (see countrySet).
func (r *Record) Covered(kind, person, from, to string, when Interval) (bool, *Scope) {
	k := r.idx.coverage[kind]
	if k == nil {
		return false, nil
	}
	lo, hi := when.Lo(), when.Hi()
	var general, partial *Scope
	// the first partial row naming the person, and the last complete one
	// holding the whole time
	var personalPartial, personalInside *Scope
	rows := k.rows(person)
	for i := range rows {
		x := &rows[i]
		s := x.s
		if x.lo > hi || lo > x.hi || !x.from.has(from) || !x.to.has(to) {
			continue
		}
		within := x.lo <= lo && hi <= x.hi
		switch x.role {
		case personRow:
			if !s.Complete {
				if personalPartial == nil {
					personalPartial = s
				}
			} else if within {
				personalInside = s
			}
		case anyoneRow:
			if s.Complete && within {
				general = s
			} else if partial == nil {
				partial = s
			}
		case officeRow:
			if s.Complete && within {
				if general == nil {
					general = s
				}
			} else if partial == nil {
				partial = s
			}
		}
	}
	if personalPartial != nil {
		return false, personalPartial
	}
	if personalInside != nil {
		return true, personalInside
	}
	if general != nil {
		return true, general
	}
	return false, partial
}

// OfficeCovered says whether the record holds every term of an office over
// the interval, with the deciding row.
func (r *Record) OfficeCovered(office string, when Interval) (bool, *Scope) {
	lo, hi := when.Lo(), when.Hi()
	var partial *Scope
	for _, x := range r.idx.officeRows[office] {
		if x.lo > hi || lo > x.hi {
			continue
		}
		if x.s.Complete && x.lo <= lo && hi <= x.hi {
			return true, x.s
		}
		partial = x.s
	}
	return false, partial
}
