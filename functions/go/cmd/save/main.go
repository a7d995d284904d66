// save computes a geohash and writes one DynamoDB item.
package main

import "lambench/functions/go/internal/service"

func main() { service.StartWithTable(service.Save) }
