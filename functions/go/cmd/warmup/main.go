// warmup is the search service deployed under its own name, called a few times before a run.
package main

import (
	"lambench/functions/go/internal/service"
	"lambench/functions/go/internal/store"
)

func main() {
	service.StartWithTable(func(t *store.Table) service.Handler { return service.Search(t.PlacesInCellsSequential) })
}
