package api

import (
	"encoding/json"
	"errors"
	"regexp"
	"strconv"
)

// decimalPattern is the contract's decimal string: no exponent, no whitespace, no NaN.
var decimalPattern = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// Coordinate is a number sent as a decimal string; Text keeps the caller's spelling.
type Coordinate struct {
	Text  string
	Value float64
}

// present returns the field's raw JSON, or nil when it is absent or null.
func present(object map[string]json.RawMessage, field string) json.RawMessage {
	raw, ok := object[field]
	if !ok || string(raw) == "null" {
		return nil
	}
	return raw
}

// NonEmptyString reads a required field that must be a non-empty JSON string.
func NonEmptyString(object map[string]json.RawMessage, field string) (string, *BadRequest) {
	raw := present(object, field)
	if raw == nil {
		return "", missingField(field)
	}
	var text string
	if err := json.Unmarshal(raw, &text); err != nil || text == "" {
		return "", invalidField(field)
	}
	return text, nil
}

// Decimal reads a required decimal-string field and checks it with inRange.
func Decimal(object map[string]json.RawMessage, field string, inRange func(float64) bool) (Coordinate, *BadRequest) {
	raw := present(object, field)
	if raw == nil {
		return Coordinate{}, missingField(field)
	}
	var text string
	if err := json.Unmarshal(raw, &text); err != nil || !decimalPattern.MatchString(text) {
		return Coordinate{}, invalidField(field)
	}
	value, err := strconv.ParseFloat(text, 64)
	// A digit string too long for a float64 parses to ±Inf with ErrRange; the range check decides.
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return Coordinate{}, invalidField(field)
	}
	if !inRange(value) {
		return Coordinate{}, outOfRange(field)
	}
	return Coordinate{Text: text, Value: value}, nil
}

// Latitude accepts [-90, 90].
func Latitude(v float64) bool { return v >= -90 && v <= 90 }

// Longitude accepts [-180, 180].
func Longitude(v float64) bool { return v >= -180 && v <= 180 }

// Positive accepts values above zero.
func Positive(v float64) bool { return v > 0 }
