// The geo table: one client per instance, created at module load (Lambda's init phase). The
// endpoint comes from the SDK's standard configuration (AWS_ENDPOINT_URL_DYNAMODB), so the same
// bundle runs against dynalite and against AWS.
import { DynamoDBClient, PutItemCommand, paginateQuery, type AttributeValue } from "@aws-sdk/client-dynamodb";

const client = new DynamoDBClient({});
const tableName = process.env["TABLE_NAME"] || "geo";
const GEO_INDEX = "geo-index";

export interface Place {
  owner: string;
  name: string;
  lat: string;
  lon: string;
}

export type GeoItem = Place & { pk: string; sk: string; gpk: string; gsk: string };

export async function putItem(item: GeoItem): Promise<void> {
  const attributes: Record<string, AttributeValue> = {};
  for (const [key, value] of Object.entries(item)) attributes[key] = { S: value };
  await client.send(new PutItemCommand({ TableName: tableName, Item: attributes }));
}

/** Every item of `owner` in one geohash cell, in index (gsk) order, following pagination. */
export async function placesInCell(cell: string, owner: string): Promise<Place[]> {
  const places: Place[] = [];
  const pages = paginateQuery(
    { client },
    {
      TableName: tableName,
      IndexName: GEO_INDEX,
      KeyConditionExpression: "gpk = :cell AND begins_with(gsk, :prefix)",
      ExpressionAttributeValues: { ":cell": { S: cell }, ":prefix": { S: `RT:${owner}` } },
    },
  );
  for await (const page of pages) {
    for (const item of page.Items ?? []) places.push(toPlace(item));
  }
  return places;
}

function toPlace(item: Record<string, AttributeValue>): Place {
  const s = (key: string): string => item[key]?.S ?? "";
  return { owner: s("owner"), name: s("name"), lat: s("lat"), lon: s("lon") };
}
