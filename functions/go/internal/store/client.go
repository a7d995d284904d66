// Package store reads and writes the geo table (and its GSI geo-index) in DynamoDB.
package store

import (
	"context"
	"os"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
)

// IndexName is the GSI keyed by geohash cell (gpk) and owner/name (gsk).
const IndexName = "geo-index"

const defaultTable = "geo"

// Table is the geo table as seen through one DynamoDB client.
type Table struct {
	client *dynamodb.Client
	name   string
}

// Open builds the client from the SDK's standard configuration (so AWS_ENDPOINT_URL_DYNAMODB
// points it at a local server) and takes the table name from TABLE_NAME, default "geo".
func Open(ctx context.Context) (*Table, error) {
	cfg, err := config.LoadDefaultConfig(ctx)
	if err != nil {
		return nil, err
	}
	name := os.Getenv("TABLE_NAME")
	if name == "" {
		name = defaultTable
	}
	return &Table{client: dynamodb.NewFromConfig(cfg), name: name}, nil
}
