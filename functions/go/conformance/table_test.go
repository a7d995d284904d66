package conformance

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

const tableName = "geo"

// createTable creates the geo table from the shared table.json definition.
func createTable(ctx context.Context, client *dynamodb.Client) error {
	data, err := os.ReadFile(filepath.Join(vectorsDir, "table.json"))
	if err != nil {
		return err
	}
	var input dynamodb.CreateTableInput
	if err := json.Unmarshal(data, &input); err != nil {
		return fmt.Errorf("table.json: %w", err)
	}
	_, err = client.CreateTable(ctx, &input)
	return err
}

// scanTable returns every item as string attributes, sorted by (pk, sk).
func scanTable(ctx context.Context, client *dynamodb.Client) ([]map[string]string, error) {
	items := []map[string]string{}
	pages := dynamodb.NewScanPaginator(client, &dynamodb.ScanInput{TableName: aws.String(tableName)})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, item := range page.Items {
			plain := map[string]string{}
			for name, value := range item {
				text, ok := value.(*types.AttributeValueMemberS)
				if !ok {
					return nil, fmt.Errorf("item attribute %q is %T, want a string", name, value)
				}
				plain[name] = text.Value
			}
			items = append(items, plain)
		}
	}
	sort.Slice(items, func(i, j int) bool {
		if items[i]["pk"] != items[j]["pk"] {
			return items[i]["pk"] < items[j]["pk"]
		}
		return items[i]["sk"] < items[j]["sk"]
	})
	return items, nil
}

// resetTable deletes every item, then puts the seed.
func resetTable(ctx context.Context, client *dynamodb.Client, seed []map[string]string) error {
	existing, err := scanTable(ctx, client)
	if err != nil {
		return err
	}
	for _, item := range existing {
		_, err := client.DeleteItem(ctx, &dynamodb.DeleteItemInput{
			TableName: aws.String(tableName),
			Key:       map[string]types.AttributeValue{"pk": str(item["pk"]), "sk": str(item["sk"])},
		})
		if err != nil {
			return err
		}
	}
	for _, item := range seed {
		attributes := map[string]types.AttributeValue{}
		for name, value := range item {
			attributes[name] = str(value)
		}
		if _, err := client.PutItem(ctx, &dynamodb.PutItemInput{TableName: aws.String(tableName), Item: attributes}); err != nil {
			return err
		}
	}
	return nil
}

func str(value string) types.AttributeValue { return &types.AttributeValueMemberS{Value: value} }
