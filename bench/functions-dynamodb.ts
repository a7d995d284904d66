// The DynamoDB-API server the handlers talk to in bench/functions.ts: in-process dynalite with
// the conformance `geo` table, reset and re-seeded before each entry so every runtime's search
// sees the same rows (save's writes from an earlier entry would otherwise grow later results).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  CreateTableCommand,
  DeleteTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  PutItemCommand,
  ResourceNotFoundException,
  type CreateTableCommandInput,
} from "@aws-sdk/client-dynamodb";
import ngeohash from "ngeohash";
import { startDynamoDb } from "../functions/conformance/dynamodb-server.js";
import { repoRoot, type Manifest } from "../functions/manifest.js";

export const BENCH_REGION = "us-east-1";
export const BENCH_CREDENTIALS = { AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test" };
/** Seed rows per geohash cell, in the search point's cell and each of its 8 neighbours. */
const ROWS_PER_CELL = 2;
const PRECISION = 4;

export interface BenchDynamoDb {
  endpoint: string;
  tableName: string;
  /** Drops and recreates the table, then puts the seed rows. */
  reset(): Promise<void>;
  stop(): Promise<void>;
}

interface SearchPoint {
  owner: string;
  lat: number;
  lon: number;
}

/** The (owner, lat, lon) of every manifest payload that has them: where search must find rows. */
export function searchPoints(manifest: Manifest): SearchPoint[] {
  const points = new Map<string, SearchPoint>();
  for (const f of manifest.functions) {
    const p = f.payload as Record<string, unknown> | null;
    if (typeof p !== "object" || p === null) continue;
    const { owner, lat, lon } = p;
    if (typeof owner !== "string" || typeof lat !== "string" || typeof lon !== "string") continue;
    if (!Number.isFinite(Number(lat)) || !Number.isFinite(Number(lon))) continue;
    points.set(`${owner} ${lat} ${lon}`, { owner, lat: Number(lat), lon: Number(lon) });
  }
  return [...points.values()];
}

/**
 * Rows near each point: ROWS_PER_CELL in its cell and each neighbour, placed near the cell's centre
 * so no row sits on a cell edge (where geohash libraries disagree).
 */
export function seedRows(points: readonly SearchPoint[]): Array<Record<string, string>> {
  const rows: Array<Record<string, string>> = [];
  for (const p of points) {
    const centre = ngeohash.encode(p.lat, p.lon, PRECISION);
    for (const cell of [centre, ...ngeohash.neighbors(centre)]) {
      const { latitude, longitude } = ngeohash.decode(cell);
      for (let k = 0; k < ROWS_PER_CELL; k++) {
        const name = `seed-${cell}-${k}`;
        rows.push({
          pk: `RT:${p.owner}`,
          sk: name,
          gpk: cell,
          gsk: `RT:${p.owner}:${name}`,
          owner: p.owner,
          name,
          lat: (latitude + k * 0.01).toFixed(4),
          lon: (longitude + k * 0.01).toFixed(4),
        });
      }
    }
  }
  return rows;
}

/** dynalite creates and deletes tables on a timer even at 0 ms, so both must be waited for. */
async function tableStatus(client: DynamoDBClient, tableName: string): Promise<string | null> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table?.TableStatus ?? null;
  } catch (e) {
    if (e instanceof ResourceNotFoundException) return null;
    throw e;
  }
}

async function waitFor(done: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`local DynamoDB table did not settle within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function startBenchDynamoDb(manifest: Manifest): Promise<BenchDynamoDb> {
  const server = await startDynamoDb();
  const table = JSON.parse(readFileSync(join(repoRoot, "functions", "conformance", "table.json"), "utf8")) as CreateTableCommandInput & { $comment?: string };
  delete table.$comment;
  const tableName = table.TableName!;
  const client = new DynamoDBClient({
    endpoint: server.endpoint,
    region: BENCH_REGION,
    credentials: { accessKeyId: BENCH_CREDENTIALS.AWS_ACCESS_KEY_ID, secretAccessKey: BENCH_CREDENTIALS.AWS_SECRET_ACCESS_KEY },
  });
  const rows = seedRows(searchPoints(manifest));
  let created = false;
  return {
    endpoint: server.endpoint,
    tableName,
    async reset() {
      if (created) {
        await client.send(new DeleteTableCommand({ TableName: tableName }));
        await waitFor(async () => (await tableStatus(client, tableName)) === null);
      }
      await client.send(new CreateTableCommand(table));
      created = true;
      await waitFor(async () => (await tableStatus(client, tableName)) === "ACTIVE");
      for (const row of rows) {
        await client.send(new PutItemCommand({ TableName: tableName, Item: Object.fromEntries(Object.entries(row).map(([k, v]) => [k, { S: v }])) }));
      }
    },
    async stop() {
      client.destroy();
      await server.stop();
    },
  };
}
