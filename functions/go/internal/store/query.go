package store

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"golang.org/x/sync/errgroup"
)

// PlacesInCell returns the owner's places in one geohash cell, in gsk order, following
// LastEvaluatedKey to the end.
func (t *Table) PlacesInCell(ctx context.Context, cell, owner string) ([]Place, error) {
	pages := dynamodb.NewQueryPaginator(t.client, &dynamodb.QueryInput{
		TableName:              aws.String(t.name),
		IndexName:              aws.String(IndexName),
		KeyConditionExpression: aws.String("gpk = :cell AND begins_with(gsk, :prefix)"),
		ExpressionAttributeValues: map[string]types.AttributeValue{
			":cell": s(cell), ":prefix": s(OwnerKey(owner)),
		},
	})
	places := []Place{}
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, item := range page.Items {
			places = append(places, placeOf(item))
		}
	}
	return places, nil
}

// PlacesInCellsSequential queries the cells one after the other and concatenates in cell order.
func (t *Table) PlacesInCellsSequential(ctx context.Context, cells []string, owner string) ([]Place, error) {
	places := []Place{}
	for _, cell := range cells {
		found, err := t.PlacesInCell(ctx, cell, owner)
		if err != nil {
			return nil, err
		}
		places = append(places, found...)
	}
	return places, nil
}

// PlacesInCellsConcurrent queries all cells at once and concatenates in cell order.
func (t *Table) PlacesInCellsConcurrent(ctx context.Context, cells []string, owner string) ([]Place, error) {
	perCell := make([][]Place, len(cells))
	group, groupCtx := errgroup.WithContext(ctx)
	for i, cell := range cells {
		group.Go(func() error {
			found, err := t.PlacesInCell(groupCtx, cell, owner)
			perCell[i] = found
			return err
		})
	}
	if err := group.Wait(); err != nil {
		return nil, err
	}
	places := []Place{}
	for _, found := range perCell {
		places = append(places, found...)
	}
	return places, nil
}
