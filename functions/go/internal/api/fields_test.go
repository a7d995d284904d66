package api

import (
	"encoding/json"
	"math"
	"testing"
)

func object(t *testing.T, text string) map[string]json.RawMessage {
	t.Helper()
	var o map[string]json.RawMessage
	if err := json.Unmarshal([]byte(text), &o); err != nil {
		t.Fatal(err)
	}
	return o
}

func TestDecimalAcceptsOnlyPlainDecimalStrings(t *testing.T) {
	accepted := []string{`"0"`, `"-0"`, `"12"`, `"-33.8688"`, `"0.5"`, `"007.10"`}
	for _, v := range accepted {
		got, bad := Decimal(object(t, `{"x":`+v+`}`), "x", Longitude)
		if bad != nil {
			t.Errorf("%s rejected: %v", v, bad)
		} else if `"`+got.Text+`"` != v {
			t.Errorf("%s: Text = %q, want the caller's spelling", v, got.Text)
		}
	}
	rejected := []string{`"1e1"`, `"NaN"`, `" 1"`, `"1 "`, `"+1"`, `".5"`, `"5."`, `"Infinity"`, `"0x10"`, `""`, `1`, `true`, `["1"]`, `{}`, `"1,5"`}
	for _, v := range rejected {
		_, bad := Decimal(object(t, `{"x":`+v+`}`), "x", Longitude)
		if bad == nil || bad.Reason != "invalid field" || bad.Field != "x" {
			t.Errorf("%s: got %v, want invalid field x", v, bad)
		}
	}
}

func TestDecimalMissingAndRange(t *testing.T) {
	for _, body := range []string{`{}`, `{"x":null}`} {
		if _, bad := Decimal(object(t, body), "x", Latitude); bad == nil || bad.Reason != "missing field" {
			t.Errorf("%s: got %v, want missing field", body, bad)
		}
	}
	cases := []struct {
		value   string
		inRange func(float64) bool
		ok      bool
	}{
		{"90", Latitude, true}, {"-90", Latitude, true}, {"90.0000001", Latitude, false}, {"-91", Latitude, false},
		{"180", Longitude, true}, {"-180.0001", Longitude, false},
		{"0.001", Positive, true}, {"0", Positive, false}, {"-0", Positive, false}, {"-1", Positive, false},
	}
	for _, c := range cases {
		_, bad := Decimal(object(t, `{"x":"`+c.value+`"}`), "x", c.inRange)
		if c.ok != (bad == nil) || (bad != nil && bad.Reason != "out of range") {
			t.Errorf("%s: got %v, want ok=%v", c.value, bad, c.ok)
		}
	}
}

func TestDecimalTooLongForAFloatIsJudgedByRange(t *testing.T) {
	huge := "1"
	for range 400 {
		huge += "0"
	}
	if _, bad := Decimal(object(t, `{"x":"`+huge+`"}`), "x", Latitude); bad == nil || bad.Reason != "out of range" {
		t.Errorf("huge latitude: got %v, want out of range", bad)
	}
	got, bad := Decimal(object(t, `{"x":"`+huge+`"}`), "x", Positive)
	if bad != nil || !math.IsInf(got.Value, 1) {
		t.Errorf("huge radius: got %v %v, want +Inf accepted", got, bad)
	}
}

func TestNonEmptyString(t *testing.T) {
	if v, bad := NonEmptyString(object(t, `{"owner":"ana"}`), "owner"); bad != nil || v != "ana" {
		t.Errorf("got %q %v", v, bad)
	}
	for body, reason := range map[string]string{
		`{}`: "missing field", `{"owner":null}`: "missing field",
		`{"owner":""}`: "invalid field", `{"owner":7}`: "invalid field", `{"owner":["a"]}`: "invalid field",
	} {
		if _, bad := NonEmptyString(object(t, body), "owner"); bad == nil || bad.Reason != reason || bad.Field != "owner" {
			t.Errorf("%s: got %v, want %s owner", body, bad, reason)
		}
	}
}
