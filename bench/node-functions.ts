// Node.js artefacts: zip size, cold start (first import of the bundled index.mjs in a fresh
// process, then its first invoke) and warm invoke times, run directly against an in-process
// dynalite. Prints figures; never fails on time.
//   node --import tsx bench/node-functions.ts [--warm 50]
import { CreateTableCommand, DynamoDBClient, PutItemCommand, type CreateTableCommandInput } from "@aws-sdk/client-dynamodb";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { unzipSync } from "fflate";
import ngeohash from "ngeohash";
import { startDynamoDb } from "../functions/conformance/dynamodb-server.js";
import { functionSpec, loadManifest, repoRoot } from "../functions/manifest.js";
import { buildNodeFunction } from "../functions/node/packaging/build-function.js";

const warmIndex = process.argv.indexOf("--warm");
const warmRuns = warmIndex > 0 ? Number(process.argv[warmIndex + 1]) : 50;

// Runs in a fresh node process so the import is a real cold load; prints one JSON line.
const CHILD = `
const [url, payload, runs] = [process.argv[1], process.argv[2], Number(process.argv[3])];
const t0 = performance.now();
const { handler } = await import(url);
const importMs = performance.now() - t0;
const event = (seq) => ({ httpMethod: "POST", body: payload.replaceAll("{seq}", String(seq)), isBase64Encoded: false });
const invoke = async (seq) => { const s = performance.now(); const r = await handler(event(seq)); if (r.statusCode !== 200) throw new Error("status " + r.statusCode + " " + r.body); return performance.now() - s; };
const firstMs = await invoke(0);
const warm = [];
for (let i = 1; i <= runs; i++) warm.push(await invoke(i));
console.log(JSON.stringify({ importMs, firstMs, warm }));
`;

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const ms = (x: number) => x.toFixed(2).padStart(8);

const manifest = loadManifest();
const server = await startDynamoDb();
const env = { ...process.env, AWS_ENDPOINT_URL_DYNAMODB: server.endpoint, AWS_REGION: "us-east-1", AWS_ACCESS_KEY_ID: "test", AWS_SECRET_ACCESS_KEY: "test", TABLE_NAME: "geo" };
const scratch = mkdtempSync(join(tmpdir(), "lambench-node-bench-"));
try {
  const client = new DynamoDBClient({ endpoint: server.endpoint, region: "us-east-1", credentials: { accessKeyId: "test", secretAccessKey: "test" } });
  const { $comment: _c, ...table } = JSON.parse(readFileSync(join(repoRoot, "functions/conformance/table.json"), "utf8")) as CreateTableCommandInput & { $comment?: string };
  await client.send(new CreateTableCommand(table));
  // Bench fixture: 20 places of the payload owner around the payload point, so search returns rows.
  for (let i = 0; i < 20; i++) {
    const lat = (51.3 + i * 0.02).toFixed(4);
    const lon = (-0.3 + i * 0.03).toFixed(4);
    const item = { pk: "RT:lambench", sk: `fixture-${i}`, gpk: ngeohash.encode(Number(lat), Number(lon), 4), gsk: `RT:lambench:fixture-${i}`, owner: "lambench", name: `fixture-${i}`, lat, lon };
    await client.send(new PutItemCommand({ TableName: "geo", Item: Object.fromEntries(Object.entries(item).map(([k, v]) => [k, { S: v }])) }));
  }
  client.destroy();

  console.log(`node ${process.version}, ${warmRuns} warm invokes each, dynalite on ${server.endpoint}`);
  console.log("function   zip bytes  index.mjs bytes  cold import ms  first invoke ms  warm median ms  warm p90 ms");
  for (const entry of manifest.entries.filter((e) => e.runtime === "node")) {
    const { artefact } = await buildNodeFunction(entry.function, { manifest });
    const code = unzipSync(new Uint8Array(readFileSync(artefact)))["index.mjs"]!;
    const file = join(scratch, `${entry.function}.mjs`);
    writeFileSync(file, code);
    const payload = JSON.stringify(functionSpec(manifest, entry.function).payload);
    // Asynchronous on purpose: dynalite runs in this process and must keep serving the child.
    const { stdout: out } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", CHILD, pathToFileURL(file).href, payload, String(warmRuns)], { env, encoding: "utf8" });
    const r = JSON.parse(out.trim().split("\n").pop()!) as { importMs: number; firstMs: number; warm: number[] };
    const warm = [...r.warm].sort((a, b) => a - b);
    console.log(
      `${entry.function.padEnd(10)} ${String(statSync(artefact).size).padStart(9)} ${String(code.byteLength).padStart(16)} ${ms(r.importMs).padStart(15)} ${ms(r.firstMs).padStart(16)} ${ms(quantile(warm, 0.5)).padStart(15)} ${ms(quantile(warm, 0.9)).padStart(12)}`,
    );
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
  await server.stop();
}
