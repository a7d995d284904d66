package api

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"unicode/utf8"
)

// Body returns the event's payload as JSON text: base64-decoded when the event says so,
// rejected when absent, empty or not valid JSON.
func Body(req Request) ([]byte, *BadRequest) {
	if req.Body == "" {
		return nil, missingBody()
	}
	body := []byte(req.Body)
	if req.IsBase64Encoded {
		decoded, err := base64.StdEncoding.DecodeString(req.Body)
		if err != nil {
			// Bytes that are not even base64 cannot be a JSON document.
			return nil, invalidJSON()
		}
		body = decoded
	}
	if len(body) == 0 {
		return nil, missingBody()
	}
	// JSON text is UTF-8 (RFC 8259); encoding/json alone would let invalid bytes through.
	if !utf8.Valid(body) || !json.Valid(body) {
		return nil, invalidJSON()
	}
	return body, nil
}

// Object decodes the payload as a JSON object whose values are kept raw for per-field checks.
func Object(req Request) (map[string]json.RawMessage, *BadRequest) {
	body, bad := Body(req)
	if bad != nil {
		return nil, bad
	}
	trimmed := bytes.TrimLeft(body, " \t\r\n")
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return nil, notAnObject()
	}
	var object map[string]json.RawMessage
	if err := json.Unmarshal(body, &object); err != nil {
		return nil, invalidJSON()
	}
	return object, nil
}
