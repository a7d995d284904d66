package conformance

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// repoRoot is where serve-dynamodb.ts must be run from (it resolves tsx and dynalite there).
var repoRoot = filepath.Join("..", "..", "..")

// dynamoServer is the shared conformance DynamoDB server (dynalite) run as a child process.
type dynamoServer struct {
	cmd      *exec.Cmd
	stdin    io.WriteCloser
	Endpoint string
}

// startDynamoServer spawns serve-dynamodb.ts and waits for its {"endpoint": ...} line. The server
// stops when its stdin closes, which also happens if this test process dies.
func startDynamoServer() (*dynamoServer, error) {
	cmd := exec.Command("node", "--import", "tsx", filepath.Join("functions", "conformance", "serve-dynamodb.ts"))
	cmd.Dir = repoRoot
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting serve-dynamodb.ts: %w", err)
	}
	server := &dynamoServer{cmd: cmd, stdin: stdin}
	lines := make(chan string, 1)
	go func() {
		line, _ := bufio.NewReader(stdout).ReadString('\n')
		lines <- line
		_, _ = io.Copy(io.Discard, stdout)
	}()
	select {
	case line := <-lines:
		var ready struct {
			Endpoint string `json:"endpoint"`
		}
		if err := json.Unmarshal([]byte(line), &ready); err != nil || ready.Endpoint == "" {
			server.Stop()
			return nil, fmt.Errorf("serve-dynamodb.ts printed %q, want {\"endpoint\":...}", line)
		}
		server.Endpoint = ready.Endpoint
		return server, nil
	case <-time.After(30 * time.Second):
		server.Stop()
		return nil, fmt.Errorf("serve-dynamodb.ts printed no endpoint within 30 s")
	}
}

// Stop closes the server's stdin and waits for it, killing it if it lingers.
func (s *dynamoServer) Stop() {
	_ = s.stdin.Close()
	done := make(chan struct{})
	go func() { _ = s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		_ = s.cmd.Process.Kill()
		<-done
	}
}
