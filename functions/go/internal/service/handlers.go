// Package service holds the lambench handlers; each cmd/<function> starts one of them.
package service

import (
	"context"
	"log"
	"net/http"

	"lambench/functions/go/internal/api"
	"lambench/functions/go/internal/geo"
	"lambench/functions/go/internal/store"
)

// Handler is the shape lambda.Start accepts for an API Gateway proxy function.
type Handler func(ctx context.Context, req api.Request) (api.Response, error)

// Wave returns the request body unchanged.
func Wave() Handler {
	return func(_ context.Context, req api.Request) (api.Response, error) {
		body, bad := api.Body(req)
		if bad != nil {
			return bad.Response(), nil
		}
		return api.Raw(http.StatusOK, string(body)), nil
	}
}

// Save writes one place with its geohash cell and returns the stored item.
func Save(table *store.Table) Handler {
	return func(ctx context.Context, req api.Request) (api.Response, error) {
		in, bad := api.ParseSave(req)
		if bad != nil {
			return bad.Response(), nil
		}
		item := store.NewItem(in.Owner, in.Name, in.Lat.Text, in.Lon.Text, geo.Cell(in.Lat.Value, in.Lon.Value))
		if err := table.Put(ctx, item); err != nil {
			return internalError("save", err), nil
		}
		return api.JSON(http.StatusOK, item), nil
	}
}

// Query looks up an owner's places in a list of cells, in cell order: search and conc differ
// only here (Table.PlacesInCellsSequential or Table.PlacesInCellsConcurrent).
type Query func(ctx context.Context, cells []string, owner string) ([]store.Place, error)

// Search returns the owner's places in the point's cell and its neighbours, in cell order.
func Search(query Query) Handler {
	return func(ctx context.Context, req api.Request) (api.Response, error) {
		in, bad := api.ParseSearch(req)
		if bad != nil {
			return bad.Response(), nil
		}
		places, err := query(ctx, geo.SearchCells(in.Lat.Value, in.Lon.Value), in.Owner)
		if err != nil {
			return internalError("search", err), nil
		}
		return api.JSON(http.StatusOK, places), nil
	}
}

// internalError logs the cause for the function's log stream and hides it from the caller.
func internalError(operation string, err error) api.Response {
	log.Printf("%s failed: %v", operation, err)
	return api.InternalError()
}
