package api

import "testing"

func TestBodyDecoding(t *testing.T) {
	cases := []struct {
		name   string
		req    Request
		body   string
		reason string
	}{
		{"plain JSON", Request{Body: `{"a":1}`}, `{"a":1}`, ""},
		{"base64", Request{Body: "eyJiNjQiOnRydWV9", IsBase64Encoded: true}, `{"b64":true}`, ""},
		{"empty", Request{Body: ""}, "", "missing body"},
		{"base64 of nothing", Request{Body: "", IsBase64Encoded: true}, "", "missing body"},
		{"not base64", Request{Body: "%%%", IsBase64Encoded: true}, "", "invalid JSON"},
		{"base64 of non-JSON", Request{Body: "bm9wZQ==", IsBase64Encoded: true}, "", "invalid JSON"},
		{"truncated JSON", Request{Body: `{"a":`}, "", "invalid JSON"},
		{"base64 of invalid UTF-8", Request{Body: "IsMi", IsBase64Encoded: true}, "", "invalid JSON"},
		{"two documents", Request{Body: `{} {}`}, "", "invalid JSON"},
	}
	for _, c := range cases {
		body, bad := Body(c.req)
		switch {
		case c.reason == "" && (bad != nil || string(body) != c.body):
			t.Errorf("%s: got %q %v, want %q", c.name, body, bad, c.body)
		case c.reason != "" && (bad == nil || bad.Reason != c.reason):
			t.Errorf("%s: got %v, want %s", c.name, bad, c.reason)
		}
	}
}

func TestObjectRejectsNonObjects(t *testing.T) {
	for _, body := range []string{`null`, `[]`, `42`, `"x"`, `true`, ` [ {} ]`} {
		if _, bad := Object(Request{Body: body}); bad == nil || bad.Reason != "body must be a JSON object" {
			t.Errorf("%s: got %v, want body must be a JSON object", body, bad)
		}
	}
	if o, bad := Object(Request{Body: " \n{\"a\":1}"}); bad != nil || len(o) != 1 {
		t.Errorf("object with leading whitespace: got %v %v", o, bad)
	}
}

func TestBadRequestResponse(t *testing.T) {
	r := invalidField("lat").Response()
	if r.StatusCode != 400 || r.Body != `{"error":"invalid field","field":"lat"}` || r.Headers["Content-Type"] != "application/json" {
		t.Errorf("got %+v", r)
	}
	if got := missingBody().Response().Body; got != `{"error":"missing body"}` {
		t.Errorf("missing body renders %s", got)
	}
}
