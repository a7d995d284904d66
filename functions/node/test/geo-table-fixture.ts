// Test-side access to the geo table on the local DynamoDB server: create, empty, seed, dump.
import { BatchWriteItemCommand, CreateTableCommand, DynamoDBClient, PutItemCommand, ScanCommand, type CreateTableCommandInput } from "@aws-sdk/client-dynamodb";
import { marshall, unmarshall } from "@aws-sdk/util-dynamodb";
import type { Item } from "./vectors.js";

export class GeoTableFixture {
  constructor(
    private readonly client: DynamoDBClient,
    private readonly table: CreateTableCommandInput,
  ) {}

  get name(): string {
    return this.table.TableName!;
  }

  async create(): Promise<void> {
    await this.client.send(new CreateTableCommand(this.table));
  }

  async scan(): Promise<Item[]> {
    const items: Item[] = [];
    let start: Record<string, never> | undefined;
    do {
      const page = await this.client.send(new ScanCommand({ TableName: this.name, ExclusiveStartKey: start }));
      for (const raw of page.Items ?? []) items.push(unmarshall(raw) as Item);
      start = page.LastEvaluatedKey as Record<string, never> | undefined;
    } while (start);
    return items.sort((a, b) => byKey(a, b, "pk") || byKey(a, b, "sk"));
  }

  async reset(seed: Item[] = []): Promise<void> {
    const existing = await this.scan();
    for (let i = 0; i < existing.length; i += 25) {
      const batch = existing.slice(i, i + 25).map((item) => ({
        DeleteRequest: { Key: marshall({ pk: item["pk"], sk: item["sk"] }) },
      }));
      await this.client.send(new BatchWriteItemCommand({ RequestItems: { [this.name]: batch } }));
    }
    for (const item of seed) await this.client.send(new PutItemCommand({ TableName: this.name, Item: marshall(item) }));
  }
}

// Code-unit order, as the vectors' "sorted by (pk, sk)" means (not locale order).
function byKey(a: Item, b: Item, key: string): number {
  const x = a[key] ?? "";
  const y = b[key] ?? "";
  return x < y ? -1 : x > y ? 1 : 0;
}
