package conformance

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"lambench/functions/go/internal/api"
)

var vectorsDir = filepath.Join("..", "..", "conformance")

// vectorFile is one <function>.json of the shared conformance vectors.
type vectorFile struct {
	Function string       `json:"function"`
	Cases    []vectorCase `json:"cases"`
	// CasesOf names the function whose cases this one answers (conc, warmup: search).
	CasesOf string `json:"casesOf"`
}

type vectorCase struct {
	Name    string                     `json:"name"`
	Seed    []map[string]string        `json:"seed"`
	Request map[string]json.RawMessage `json:"request"`
	Expect  struct {
		StatusCode int                  `json:"statusCode"`
		Body       json.RawMessage      `json:"body"`
		BodyText   *string              `json:"bodyText"`
		Table      *[]map[string]string `json:"table"`
	} `json:"expect"`
}

func loadVectors(function string) (vectorFile, error) {
	var file vectorFile
	path := filepath.Join(vectorsDir, function+".json")
	data, err := os.ReadFile(path)
	if err != nil {
		return file, err
	}
	if err := json.Unmarshal(data, &file); err != nil {
		return file, fmt.Errorf("%s: %w", path, err)
	}
	if file.Function == function && file.CasesOf != "" {
		shared, err := loadVectors(file.CasesOf)
		if err != nil {
			return file, err
		}
		file.Cases = shared.Cases
	}
	if file.Function != function || len(file.Cases) == 0 {
		return file, fmt.Errorf("%s: function %q with %d cases, want %q with at least one", path, file.Function, len(file.Cases), function)
	}
	return file, nil
}

// buildEvent copies event.json and sets body/isBase64Encoded from the case's request: a key absent
// from the request is absent from the event, a null stays null. It then decodes the event the way
// the Lambda runtime would.
func buildEvent(request map[string]json.RawMessage) (api.Request, error) {
	var event api.Request
	data, err := os.ReadFile(filepath.Join(vectorsDir, "event.json"))
	if err != nil {
		return event, err
	}
	var template map[string]json.RawMessage
	if err := json.Unmarshal(data, &template); err != nil {
		return event, fmt.Errorf("event.json: %w", err)
	}
	delete(template, "$comment")
	for _, key := range []string{"body", "isBase64Encoded"} {
		if value, ok := request[key]; ok {
			template[key] = value
		} else {
			delete(template, key)
		}
	}
	encoded, err := json.Marshal(template)
	if err != nil {
		return event, err
	}
	err = json.Unmarshal(encoded, &event)
	return event, err
}
