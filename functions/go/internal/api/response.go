// Package api turns API Gateway proxy events into validated requests and builds the responses
// every lambench service returns.
package api

import (
	"encoding/json"
	"net/http"

	"github.com/aws/aws-lambda-go/events"
)

// Response is the API Gateway proxy response type the handlers return.
type Response = events.APIGatewayProxyResponse

// Request is the API Gateway (REST, proxy integration) event the handlers receive.
type Request = events.APIGatewayProxyRequest

var jsonHeaders = map[string]string{"Content-Type": "application/json"}

// Raw answers with a body that is already JSON text, unchanged.
func Raw(status int, body string) Response {
	return Response{StatusCode: status, Headers: jsonHeaders, Body: body}
}

// JSON answers with value encoded as JSON.
func JSON(status int, value any) Response {
	body, err := json.Marshal(value)
	if err != nil {
		return InternalError()
	}
	return Raw(status, string(body))
}

// InternalError is the 500 answer for a failure that is not the caller's fault.
func InternalError() Response {
	return Raw(http.StatusInternalServerError, `{"error":"internal error"}`)
}
