package conformance

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// fakeRuntimeAPI hands out one event through the Lambda Runtime API and captures the reply.
type fakeRuntimeAPI struct {
	event     []byte
	served    chan struct{}
	responses chan []byte
}

func (f *fakeRuntimeAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.Method == http.MethodGet && r.URL.Path == "/2018-06-01/runtime/invocation/next":
		select {
		case <-f.served:
			<-r.Context().Done() // one invocation only: later polls wait until the test ends
			return
		default:
			close(f.served)
		}
		w.Header().Set("Lambda-Runtime-Aws-Request-Id", "req-1")
		w.Header().Set("Lambda-Runtime-Deadline-Ms", strconv.FormatInt(time.Now().Add(30*time.Second).UnixMilli(), 10))
		w.Header().Set("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-1:123456789012:function:test")
		_, _ = w.Write(f.event)
	case r.Method == http.MethodPost && r.URL.Path == "/2018-06-01/runtime/invocation/req-1/response":
		body, _ := io.ReadAll(r.Body)
		w.WriteHeader(http.StatusAccepted)
		f.responses <- body
	default:
		body, _ := io.ReadAll(r.Body)
		f.responses <- []byte("unexpected " + r.Method + " " + r.URL.Path + ": " + string(body))
		w.WriteHeader(http.StatusAccepted)
	}
}

// TestBootstrapServesThroughTheRuntimeAPI builds a function the way build.sh does (lambda.norpc)
// and runs it as a custom runtime against a fake Runtime API, so the artefact's init (client from
// the environment) and invoke loop are exercised, not only the handler.
func TestBootstrapServesThroughTheRuntimeAPI(t *testing.T) {
	if testing.Short() {
		t.Skip("builds binaries")
	}
	for _, c := range []struct{ function, body, wantBody string }{
		{"wave", `{"echo":[1,2]}`, `{"echo":[1,2]}`},
		{"conc", `{"owner":"nobody","lat":"1","lon":"2","radius":"3"}`, `[]`},
	} {
		t.Run(c.function, func(t *testing.T) {
			binary := filepath.Join(t.TempDir(), "bootstrap")
			build := exec.Command("go", "build", "-buildvcs=false", "-tags", "lambda.norpc", "-o", binary, "./cmd/"+c.function)
			build.Dir = ".."
			build.Env = append(os.Environ(), "CGO_ENABLED=0")
			if out, err := build.CombinedOutput(); err != nil {
				t.Fatalf("go build: %v\n%s", err, out)
			}
			event, err := buildEvent(map[string]json.RawMessage{"body": mustJSON(t, c.body)})
			if err != nil {
				t.Fatal(err)
			}
			api := &fakeRuntimeAPI{event: mustJSON(t, event), served: make(chan struct{}), responses: make(chan []byte, 4)}
			server := httptest.NewServer(api)
			defer server.Close()

			ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
			defer cancel()
			run := exec.CommandContext(ctx, binary)
			run.Env = append(os.Environ(), "AWS_LAMBDA_RUNTIME_API="+strings.TrimPrefix(server.URL, "http://"))
			run.Stderr = os.Stderr
			if err := run.Start(); err != nil {
				t.Fatal(err)
			}
			defer func() { _ = run.Process.Kill(); _ = run.Wait() }()

			select {
			case raw := <-api.responses:
				var response struct {
					StatusCode int    `json:"statusCode"`
					Body       string `json:"body"`
				}
				if err := json.Unmarshal(raw, &response); err != nil {
					t.Fatalf("response %q: %v", raw, err)
				}
				if response.StatusCode != 200 || response.Body != c.wantBody {
					t.Errorf("got %d %q, want 200 %q", response.StatusCode, response.Body, c.wantBody)
				}
			case <-ctx.Done():
				t.Fatal("no response through the Runtime API within 30 s")
			}
		})
	}
}

func mustJSON(t *testing.T, value any) []byte {
	t.Helper()
	data, err := json.Marshal(value)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
