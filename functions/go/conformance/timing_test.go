package conformance

import (
	"context"
	"encoding/json"
	"testing"
)

// BenchmarkDirectInvoke times each handler invoked in-process against the local dynalite, with
// the first search vector's seed in the table (8 items over the 9 cells). It measures handler
// plus local-server time, not Lambda: run with `go test -run '^$' -bench . ./conformance`.
func BenchmarkDirectInvoke(b *testing.B) {
	search, err := loadVectors("search")
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	if err := resetTable(ctx, admin, search.Cases[0].Seed); err != nil {
		b.Fatal(err)
	}
	bodies := map[string]string{
		"wave":   `{"message":"hello from lambench","values":[1,2,3,4,5,6,7,8]}`,
		"save":   `{"owner":"bench","name":"item","lat":"51.5074","lon":"-0.1278"}`,
		"search": `{"owner":"ana","lat":"51.5074","lon":"-0.1278","radius":"10"}`,
		"conc":   `{"owner":"ana","lat":"51.5074","lon":"-0.1278","radius":"10"}`,
	}
	for _, function := range []string{"wave", "save", "search", "conc"} {
		body, err := json.Marshal(bodies[function])
		if err != nil {
			b.Fatal(err)
		}
		event, err := buildEvent(map[string]json.RawMessage{"body": body})
		if err != nil {
			b.Fatal(err)
		}
		handler := handlerFor(function)
		b.Run(function, func(b *testing.B) {
			for b.Loop() {
				response, err := handler(ctx, event)
				if err != nil || response.StatusCode != 200 {
					b.Fatalf("%s: %d %v %s", function, response.StatusCode, err, response.Body)
				}
			}
		})
	}
}
