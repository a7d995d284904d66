package conformance

import (
	"context"
	"encoding/json"
	"testing"

	"lambench/functions/go/internal/service"
	"lambench/functions/go/internal/store"
)

// TestDynamoDBFailureIsInternalError points the handlers at a table that does not exist: the
// contract wants 500 {"error":"internal error"}, never a crash or a handler error.
func TestDynamoDBFailureIsInternalError(t *testing.T) {
	t.Setenv("TABLE_NAME", "no-such-table")
	missing, err := store.Open(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	handlers := map[string]service.Handler{
		"save":   service.Save(missing),
		"search": service.Search(missing.PlacesInCellsSequential),
		"conc":   service.Search(missing.PlacesInCellsConcurrent),
	}
	bodies := map[string]string{
		"save":   `"{\"owner\":\"ana\",\"name\":\"home\",\"lat\":\"1\",\"lon\":\"2\"}"`,
		"search": `"{\"owner\":\"ana\",\"lat\":\"1\",\"lon\":\"2\",\"radius\":\"3\"}"`,
		"conc":   `"{\"owner\":\"ana\",\"lat\":\"1\",\"lon\":\"2\",\"radius\":\"3\"}"`,
	}
	for function, handler := range handlers {
		t.Run(function, func(t *testing.T) {
			event, err := buildEvent(map[string]json.RawMessage{"body": json.RawMessage(bodies[function])})
			if err != nil {
				t.Fatal(err)
			}
			response, err := handler(context.Background(), event)
			if err != nil {
				t.Fatalf("handler returned an error: %v", err)
			}
			if response.StatusCode != 500 || response.Body != `{"error":"internal error"}` {
				t.Errorf("got %d %s, want 500 {\"error\":\"internal error\"}", response.StatusCode, response.Body)
			}
		})
	}
}
