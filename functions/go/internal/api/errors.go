package api

import (
	"fmt"
	"net/http"
)

// BadRequest is a client error answered with 400 and a JSON body naming the reason and,
// where one is to blame, the field.
type BadRequest struct {
	Reason string `json:"error"`
	Field  string `json:"field,omitempty"`
}

func (e *BadRequest) Error() string {
	if e.Field == "" {
		return e.Reason
	}
	return fmt.Sprintf("%s: %s", e.Reason, e.Field)
}

// Response renders the error as the 400 answer.
func (e *BadRequest) Response() Response {
	return JSON(http.StatusBadRequest, e)
}

const (
	reasonMissingBody  = "missing body"
	reasonInvalidJSON  = "invalid JSON"
	reasonNotAnObject  = "body must be a JSON object"
	reasonMissingField = "missing field"
	reasonInvalidField = "invalid field"
	reasonOutOfRange   = "out of range"
)

func missingBody() *BadRequest          { return &BadRequest{Reason: reasonMissingBody} }
func invalidJSON() *BadRequest          { return &BadRequest{Reason: reasonInvalidJSON} }
func notAnObject() *BadRequest          { return &BadRequest{Reason: reasonNotAnObject} }
func missingField(f string) *BadRequest { return &BadRequest{Reason: reasonMissingField, Field: f} }
func invalidField(f string) *BadRequest { return &BadRequest{Reason: reasonInvalidField, Field: f} }
func outOfRange(f string) *BadRequest   { return &BadRequest{Reason: reasonOutOfRange, Field: f} }
