// search queries the geohash cell and its 8 neighbours one after the other.
package main

import (
	"lambench/functions/go/internal/service"
	"lambench/functions/go/internal/store"
)

func main() {
	service.StartWithTable(func(t *store.Table) service.Handler { return service.Search(t.PlacesInCellsSequential) })
}
