package store

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// Item is a stored place; the JSON field order is the save response's.
type Item struct {
	PK    string `json:"pk"`
	SK    string `json:"sk"`
	GPK   string `json:"gpk"`
	GSK   string `json:"gsk"`
	Owner string `json:"owner"`
	Name  string `json:"name"`
	Lat   string `json:"lat"`
	Lon   string `json:"lon"`
}

// Place is what search returns for each item found.
type Place struct {
	Owner string `json:"owner"`
	Name  string `json:"name"`
	Lat   string `json:"lat"`
	Lon   string `json:"lon"`
}

// OwnerKey is the pk of an owner's items and the gsk prefix that search matches.
func OwnerKey(owner string) string { return "RT:" + owner }

// NewItem derives the keys of the item that save writes.
func NewItem(owner, name, lat, lon, cell string) Item {
	return Item{
		PK: OwnerKey(owner), SK: name, GPK: cell, GSK: OwnerKey(owner) + ":" + name,
		Owner: owner, Name: name, Lat: lat, Lon: lon,
	}
}

// Put writes the item, replacing any with the same pk and sk.
func (t *Table) Put(ctx context.Context, item Item) error {
	_, err := t.client.PutItem(ctx, &dynamodb.PutItemInput{
		TableName: aws.String(t.name),
		Item: map[string]types.AttributeValue{
			"pk": s(item.PK), "sk": s(item.SK), "gpk": s(item.GPK), "gsk": s(item.GSK),
			"owner": s(item.Owner), "name": s(item.Name), "lat": s(item.Lat), "lon": s(item.Lon),
		},
	})
	return err
}

func s(value string) types.AttributeValue { return &types.AttributeValueMemberS{Value: value} }

// text reads a string attribute; anything else (absent, another type) reads as "".
func text(item map[string]types.AttributeValue, name string) string {
	if value, ok := item[name].(*types.AttributeValueMemberS); ok {
		return value.Value
	}
	return ""
}

func placeOf(item map[string]types.AttributeValue) Place {
	return Place{Owner: text(item, "owner"), Name: text(item, "name"), Lat: text(item, "lat"), Lon: text(item, "lon")}
}
