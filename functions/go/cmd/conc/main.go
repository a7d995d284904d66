// conc is search with the 9 cell queries issued concurrently.
package main

import (
	"lambench/functions/go/internal/service"
	"lambench/functions/go/internal/store"
)

func main() {
	service.StartWithTable(func(t *store.Table) service.Handler { return service.Search(t.PlacesInCellsConcurrent) })
}
