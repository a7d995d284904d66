package api

// SaveRequest is the validated body of save.
type SaveRequest struct {
	Owner string
	Name  string
	Lat   Coordinate
	Lon   Coordinate
}

// SearchRequest is the validated body of search, conc and warmup.
type SearchRequest struct {
	Owner  string
	Lat    Coordinate
	Lon    Coordinate
	Radius Coordinate
}

// ParseSave validates save's fields in contract order: owner, name, lat, lon.
func ParseSave(req Request) (SaveRequest, *BadRequest) {
	var out SaveRequest
	object, bad := Object(req)
	if bad != nil {
		return out, bad
	}
	if out.Owner, bad = NonEmptyString(object, "owner"); bad != nil {
		return out, bad
	}
	if out.Name, bad = NonEmptyString(object, "name"); bad != nil {
		return out, bad
	}
	if out.Lat, bad = Decimal(object, "lat", Latitude); bad != nil {
		return out, bad
	}
	if out.Lon, bad = Decimal(object, "lon", Longitude); bad != nil {
		return out, bad
	}
	return out, nil
}

// ParseSearch validates search's fields in contract order: owner, lat, lon, radius.
func ParseSearch(req Request) (SearchRequest, *BadRequest) {
	var out SearchRequest
	object, bad := Object(req)
	if bad != nil {
		return out, bad
	}
	if out.Owner, bad = NonEmptyString(object, "owner"); bad != nil {
		return out, bad
	}
	if out.Lat, bad = Decimal(object, "lat", Latitude); bad != nil {
		return out, bad
	}
	if out.Lon, bad = Decimal(object, "lon", Longitude); bad != nil {
		return out, bad
	}
	if out.Radius, bad = Decimal(object, "radius", Positive); bad != nil {
		return out, bad
	}
	return out, nil
}
