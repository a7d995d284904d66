// wave returns the request body unchanged.
package main

import (
	"github.com/aws/aws-lambda-go/lambda"

	"lambench/functions/go/internal/service"
)

func main() { lambda.Start(service.Wave()) }
