// Package conformance replays the shared vectors in functions/conformance against the Go
// handlers, with a real DynamoDB-API server (dynalite) started by the test itself.
package conformance

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"testing"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"

	"lambench/functions/go/internal/service"
	"lambench/functions/go/internal/store"
)

var (
	admin *dynamodb.Client
	table *store.Table
)

func TestMain(m *testing.M) {
	os.Exit(runWithServer(m))
}

func runWithServer(m *testing.M) int {
	server, err := startDynamoServer()
	if err != nil {
		fmt.Fprintln(os.Stderr, "conformance:", err)
		return 1
	}
	defer server.Stop()
	for name, value := range map[string]string{
		"AWS_ENDPOINT_URL_DYNAMODB": server.Endpoint,
		"AWS_REGION":                "us-east-1",
		"AWS_ACCESS_KEY_ID":         "test",
		"AWS_SECRET_ACCESS_KEY":     "test",
		"TABLE_NAME":                tableName,
	} {
		os.Setenv(name, value)
	}
	// Shared config files must not redirect the test to a real account or profile.
	os.Setenv("AWS_CONFIG_FILE", os.DevNull)
	os.Setenv("AWS_SHARED_CREDENTIALS_FILE", os.DevNull)
	ctx := context.Background()
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		fmt.Fprintln(os.Stderr, "conformance: loading AWS config:", err)
		return 1
	}
	admin = dynamodb.NewFromConfig(cfg)
	if err := createTable(ctx, admin); err != nil {
		fmt.Fprintln(os.Stderr, "conformance: creating the geo table:", err)
		return 1
	}
	if table, err = store.Open(ctx); err != nil {
		fmt.Fprintln(os.Stderr, "conformance: opening the store:", err)
		return 1
	}
	return m.Run()
}

func handlerFor(function string) service.Handler {
	switch function {
	case "wave":
		return service.Wave()
	case "save":
		return service.Save(table)
	case "search", "warmup":
		return service.Search(table.PlacesInCellsSequential)
	case "conc":
		return service.Search(table.PlacesInCellsConcurrent)
	}
	return nil
}

func TestConformance(t *testing.T) {
	for _, function := range []string{"wave", "save", "search", "conc", "warmup"} {
		t.Run(function, func(t *testing.T) {
			vectors, err := loadVectors(function)
			if err != nil {
				t.Fatal(err)
			}
			handler := handlerFor(function)
			for _, c := range vectors.Cases {
				t.Run(c.Name, func(t *testing.T) { runCase(t, handler, c) })
			}
		})
	}
}

func runCase(t *testing.T, handler service.Handler, c vectorCase) {
	ctx := context.Background()
	if err := resetTable(ctx, admin, c.Seed); err != nil {
		t.Fatalf("resetting the table: %v", err)
	}
	event, err := buildEvent(c.Request)
	if err != nil {
		t.Fatalf("building the event: %v", err)
	}
	response, err := handler(ctx, event)
	if err != nil {
		t.Fatalf("handler returned an error instead of a response: %v", err)
	}
	if response.StatusCode != c.Expect.StatusCode {
		t.Errorf("statusCode = %d, want %d (body %s)", response.StatusCode, c.Expect.StatusCode, response.Body)
	}
	if got := response.Headers["Content-Type"]; got != "application/json" {
		t.Errorf("Content-Type header = %q, want application/json", got)
	}
	if c.Expect.BodyText != nil && response.Body != *c.Expect.BodyText {
		t.Errorf("body = %q, want exactly %q", response.Body, *c.Expect.BodyText)
	}
	if c.Expect.Body != nil {
		checkJSONBody(t, response.Body, c.Expect.Body)
	}
	if c.Expect.Table != nil {
		items, err := scanTable(ctx, admin)
		if err != nil {
			t.Fatalf("scanning the table: %v", err)
		}
		if !reflect.DeepEqual(items, *c.Expect.Table) {
			t.Errorf("table after the request:\n got %v\nwant %v", items, *c.Expect.Table)
		}
	}
}

// checkJSONBody compares as parsed JSON: object key order ignored, array order significant.
func checkJSONBody(t *testing.T, got string, want json.RawMessage) {
	t.Helper()
	var gotValue, wantValue any
	if err := json.Unmarshal([]byte(got), &gotValue); err != nil {
		t.Errorf("body %q is not JSON: %v", got, err)
		return
	}
	if err := json.Unmarshal(want, &wantValue); err != nil {
		t.Fatalf("expected body is not JSON: %v", err)
	}
	if !reflect.DeepEqual(gotValue, wantValue) {
		t.Errorf("body = %s, want %s", got, want)
	}
}
