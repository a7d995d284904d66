// Replays the shared conformance vectors against the Node.js handlers: once against the
// TypeScript sources, once against the bundled index.mjs taken out of each built zip (the code
// that ships). One in-process dynalite serves both.
import { DynamoDBClient } from "@aws-sdk/client-dynamodb";
import { unzipSync } from "fflate";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDynamoDb, type DynamoDbServer } from "../conformance/dynamodb-server.js";
import { loadManifest, repoRoot } from "../manifest.js";

const conformanceDir = join(repoRoot, "functions", "conformance");
import { GeoTableFixture } from "./test/geo-table-fixture.js";
import { eventFor, loadCases, tableDefinition } from "./test/vectors.js";
import { buildNodeFunction, sourceEntry } from "./packaging/build-function.js";
import { BUNDLE_FILE } from "./packaging/bundle.js";

type Handler = (event: unknown) => Promise<{ statusCode: number; headers?: unknown; body: string }>;

const manifest = loadManifest();
// The functions that declare vectors (functions/conformance/<function>.json) and ship the project's own Node.js code.
const functions = manifest.entries
  .filter((e) => e.runtime === "node" && e.source === undefined && existsSync(join(conformanceDir, `${e.function}.json`)))
  .map((e) => e.function);
const handlers = new Map<string, Handler>();

let server: DynamoDbServer;
let table: GeoTableFixture;
let workDir: string;

async function importHandler(url: string): Promise<Handler> {
  const mod = (await import(url)) as { handler?: Handler };
  if (typeof mod.handler !== "function") throw new Error(`${url} exports no handler`);
  return mod.handler;
}

/** Builds the artefact into a scratch folder and imports the index.mjs inside the zip. */
async function importBundled(fn: string, copy = fn): Promise<Handler> {
  const distDir = join(workDir, "dist");
  const { artefact } = await buildNodeFunction(fn, { manifest, distDir });
  const files = unzipSync(new Uint8Array(readFileSync(artefact)));
  expect(Object.keys(files)).toEqual([BUNDLE_FILE]);
  const dir = join(workDir, copy);
  mkdirSync(dir);
  writeFileSync(join(dir, BUNDLE_FILE), files[BUNDLE_FILE]!);
  return importHandler(pathToFileURL(join(dir, BUNDLE_FILE)).href);
}

beforeAll(async () => {
  server = await startDynamoDb();
  // The handlers create their client at import, from the standard SDK environment.
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: server.endpoint,
    AWS_REGION: "us-east-1",
    AWS_ACCESS_KEY_ID: "test",
    AWS_SECRET_ACCESS_KEY: "test",
    TABLE_NAME: "geo",
  });
  const client = new DynamoDBClient({ endpoint: server.endpoint });
  table = new GeoTableFixture(client, tableDefinition());
  await table.create();
  workDir = mkdtempSync(join(tmpdir(), "lambench-node-conformance-"));
  for (const fn of functions) {
    handlers.set(`source/${fn}`, await importHandler(pathToFileURL(sourceEntry(manifest, fn)).href));
    handlers.set(`bundle/${fn}`, await importBundled(fn));
  }
});

afterAll(async () => {
  await server?.stop();
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

describe.each(["source", "bundle"])("%s", (variant) => {
  describe.each(functions)("%s", (fn) => {
    it.each(loadCases(fn).map((c) => [c.name, c] as const))("%s", async (_name, c) => {
      await table.reset(c.seed);
      const response = await handlers.get(`${variant}/${fn}`)!(eventFor(c.request));

      expect(response.statusCode).toBe(c.expect.statusCode);
      expect(response.headers).toEqual({ "Content-Type": "application/json" });
      if (c.expect.bodyText !== undefined) expect(response.body).toBe(c.expect.bodyText);
      if (c.expect.body !== undefined) expect(JSON.parse(response.body)).toStrictEqual(c.expect.body);
      if (c.expect.table !== undefined) expect(await table.scan()).toStrictEqual(c.expect.table);
    });
  });
});

describe("a DynamoDB failure", () => {
  it.each(functions.filter((fn) => fn !== "wave"))("gives %s a 500 with a JSON error, not a crash", async (fn) => {
    const saved = process.env["TABLE_NAME"];
    process.env["TABLE_NAME"] = "no-such-table";
    let handler: Handler;
    try {
      handler = await importBundled(fn, `${fn}-missing-table`);
    } finally {
      process.env["TABLE_NAME"] = saved;
    }
    const body = JSON.stringify({ owner: "ana", name: "home", lat: "1", lon: "2", radius: "3" });
    const response = await handler(eventFor({ body }));
    expect(response.statusCode).toBe(500);
    expect(JSON.parse(response.body)).toStrictEqual({ error: "internal error" });
  });
});
