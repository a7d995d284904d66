package service

import (
	"context"
	"log"

	"github.com/aws/aws-lambda-go/lambda"

	"lambench/functions/go/internal/store"
)

// StartWithTable opens the table once, in the init phase, then serves the handler built on it.
func StartWithTable(build func(*store.Table) Handler) {
	table, err := store.Open(context.Background())
	if err != nil {
		log.Fatalf("init: opening the DynamoDB table: %v", err)
	}
	lambda.Start(build(table))
}
