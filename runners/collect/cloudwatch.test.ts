// Collectors against moto in server mode (a real CloudWatch Logs protocol server), with generated
// fixture log events (not measurements): text and JSON REPORT lines, START/END noise, X-Ray lines.
import { CloudWatchLogsClient, CreateLogGroupCommand, CreateLogStreamCommand, PutLogEventsCommand, type InputLogEvent } from "@aws-sdk/client-cloudwatch-logs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogsClient, filterLogEvents, queryInsights } from "./cloudwatch.js";
import { collectFromCloudWatch } from "./collect.js";
import { startMoto, startThrottlingProxy, type Moto } from "./test-support/moto.js";
import { loadManifest } from "../../functions/manifest.js";
import { streamMapping } from "./mapping.js";

const GROUPS = ["/aws/lambda/lambench-128-node-wave", "/aws/lambda/lambench-128-go-search"];
const STREAMS = ["2024/03/01/[$LATEST]aaaa", "2024/03/01/[$LATEST]bbbb", "2024/03/01/[$LATEST]cccc"];
const PER_STREAM = 400;
const BASE = Date.now() - 60 * 60_000;

interface Expected {
  requestId: string;
  group: string;
  stream: string;
  timestamp: number;
  durationMs: number;
  initDurationMs: number | null;
  status: "success" | "timeout";
}

const expected: Expected[] = [];
let badLines = 0;

function requestId(g: number, s: number, i: number): string {
  return `${g}${s}${String(i).padStart(6, "0")}-0000-4000-8000-000000000000`;
}

/** START / REPORT / END per invocation; REPORT alternates text and JSON; a few extras. */
function streamEvents(g: number, s: number): InputLogEvent[] {
  const out: InputLogEvent[] = [];
  for (let i = 0; i < PER_STREAM; i++) {
    const id = requestId(g, s, i);
    const t = BASE + i * 1000 + s * 10 + g;
    const durationMs = Number((1 + ((i * 7 + s) % 50) / 10).toFixed(2));
    const cold = i === 0;
    const timeout = i === 4;
    out.push({ timestamp: t, message: `START RequestId: ${id} Version: $LATEST` });
    if (i % 2 === 0) {
      out.push({
        timestamp: t + 1,
        message:
          `REPORT RequestId: ${id}\tDuration: ${durationMs.toFixed(2)} ms\tBilled Duration: ${Math.ceil(durationMs)} ms\tMemory Size: 128 MB\tMax Memory Used: 50 MB\t` +
          (cold ? "Init Duration: 120.50 ms\t" : "") +
          (timeout ? "Status: timeout" : ""),
      });
    } else {
      out.push({
        timestamp: t + 1,
        message: JSON.stringify({
          time: new Date(t + 1).toISOString(),
          type: "platform.report",
          record: {
            requestId: id,
            metrics: { durationMs, billedDurationMs: Math.ceil(durationMs), memorySizeMB: 128, maxMemoryUsedMB: 50 },
            status: "success",
          },
        }),
      });
    }
    expected.push({
      requestId: id,
      group: GROUPS[g]!,
      stream: STREAMS[s]!,
      timestamp: t + 1,
      durationMs,
      initDurationMs: cold ? 120.5 : null,
      status: timeout ? "timeout" : "success",
    });
    if (i === 10) {
      out.push({ timestamp: t + 2, message: `REPORT RequestId: ${id}-broken\tDuration: lots ms` });
      badLines++;
    }
    out.push({ timestamp: t + 3, message: `END RequestId: ${id}` });
  }
  return out;
}

let moto: Moto;
let client: CloudWatchLogsClient;

beforeAll(async () => {
  process.env.AWS_ACCESS_KEY_ID = "testing";
  process.env.AWS_SECRET_ACCESS_KEY = "testing";
  process.env.AWS_REGION = "us-east-1";
  moto = await startMoto();
  client = createLogsClient({ endpoint: moto.endpoint });
  for (const [g, group] of GROUPS.entries()) {
    await client.send(new CreateLogGroupCommand({ logGroupName: group }));
    for (const [s, stream] of STREAMS.entries()) {
      await client.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: stream }));
      await client.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: stream, logEvents: streamEvents(g, s) }));
    }
  }
});

afterAll(async () => {
  client?.destroy();
  await moto?.stop();
});

const mapping = streamMapping({ manifest: loadManifest(), architecture: "x86_64" });
const all = { since: BASE - 1000, until: BASE + PER_STREAM * 1000 + 1000 };

function sortById<T extends { requestId: string }>(xs: T[]): T[] {
  return [...xs].sort((a, b) => a.requestId.localeCompare(b.requestId));
}

describe("FilterLogEvents collector (moto)", () => {
  it("follows nextToken over many pages and gets every event back", async () => {
    const calls: number[] = [];
    const events = await filterLogEvents(client, { logGroupName: GROUPS[0]!, ...all, pageSize: 250, onProgress: (p) => calls.push(p.calls) });
    // moto ignores the OR filter pattern, so every event comes back: 3 per invocation + 1 bad line per stream.
    expect(events).toHaveLength(STREAMS.length * (PER_STREAM * 3 + 1));
    expect(calls.length).toBeGreaterThan(10);
    expect(calls.at(-1)).toBe(calls.length);
  });

  it("collects rows equal to what was put, in both formats, counting unreadable lines", async () => {
    const result = await collectFromCloudWatch(client, { logGroupNames: GROUPS, ...all, mapping, pageSize: 999 });
    expect(result.unreadable).toHaveLength(badLines);
    expect(result.unreadable[0]!.reason).toBe('missing field "Billed Duration"');
    expect(result.duplicates).toBe(0);
    expect(result.unmapped.size).toBe(0);
    expect(result.rows).toHaveLength(expected.length);
    const got = sortById(result.rows).map((r) => ({
      requestId: r.requestId,
      runtime: r.runtime,
      function: r.function,
      instanceId: r.instanceId,
      timestamp: r.timestamp,
      durationMs: r.durationMs,
      initDurationMs: r.initDurationMs,
      status: r.status,
    }));
    const want = sortById(expected).map((e) => ({
      requestId: e.requestId,
      runtime: e.group.endsWith("node-wave") ? "node" : "go",
      function: e.group.endsWith("node-wave") ? "wave" : "search",
      instanceId: e.stream,
      timestamp: new Date(e.timestamp).toISOString(),
      durationMs: e.durationMs,
      initDurationMs: e.initDurationMs,
      status: e.status,
    }));
    expect(got).toEqual(want);
  });

  it("respects the time range (inclusive) and returns nothing for an empty window", async () => {
    const first = expected
      .filter((e) => e.group === GROUPS[0])
      .map((e) => e.timestamp)
      .sort((a, b) => a - b);
    const window = { since: first[0]!, until: first[5]! };
    const result = await collectFromCloudWatch(client, { logGroupNames: [GROUPS[0]!], ...window, mapping });
    expect(result.rows.map((r) => Date.parse(r.timestamp))).toEqual(first.slice(0, 6));
    const empty = await collectFromCloudWatch(client, { logGroupNames: [GROUPS[0]!], since: BASE - 50_000, until: BASE - 40_000, mapping });
    expect(empty.rows).toEqual([]);
    expect(empty.events).toBe(0);
  });

  it("retries ThrottlingException with the SDK's retry strategy and still gets everything", async () => {
    // Throttle the 1st, 2nd and every 4th call: a retried call gets a new number, so it gets through.
    const proxy = await startThrottlingProxy(moto.endpoint, (n) => n <= 2 || n % 4 === 0);
    const throttledClient = createLogsClient({ endpoint: proxy.endpoint, maxAttempts: 5 });
    try {
      const result = await collectFromCloudWatch(throttledClient, { logGroupNames: GROUPS, ...all, mapping, pageSize: 1000 });
      expect(result.rows).toHaveLength(expected.length);
      expect(proxy.throttled.get("Logs_20140328.FilterLogEvents")).toBeGreaterThanOrEqual(3);
    } finally {
      throttledClient.destroy();
      await proxy.stop();
    }
  });

  it("gives up with the ThrottlingException once maxAttempts is spent", async () => {
    const proxy = await startThrottlingProxy(moto.endpoint, () => true);
    const throttledClient = createLogsClient({ endpoint: proxy.endpoint, maxAttempts: 2 });
    try {
      await expect(filterLogEvents(throttledClient, { logGroupName: GROUPS[0]!, ...all })).rejects.toThrow(/Rate exceeded/);
      expect(proxy.throttled.get("Logs_20140328.FilterLogEvents")).toBe(2);
    } finally {
      throttledClient.destroy();
      await proxy.stop();
    }
  });
});

describe("Logs Insights collector (moto: StartQuery/GetQueryResults with fields, sort and limit)", () => {
  it("splits the time range while a query returns the row cap, and gets every REPORT back once", async () => {
    let queries = 0;
    const events = await queryInsights(client, {
      logGroupNames: GROUPS,
      ...all,
      rowCap: 500,
      pollIntervalMs: 10,
      onProgress: (p) => (queries = p.calls),
    });
    // moto does not apply the query's filter, so START/END come back too; the parser drops them.
    const result = await collectFromCloudWatch(client, { logGroupNames: GROUPS, ...all, mapping, method: "insights", insightsRowCap: 500 });
    expect(queries).toBeGreaterThan(8);
    expect(events.length).toBe(GROUPS.length * STREAMS.length * (PER_STREAM * 3 + 1));
    expect(result.duplicates).toBe(0);
    expect(sortById(result.rows).map((r) => [r.requestId, r.instanceId, r.durationMs])).toEqual(
      sortById(expected).map((e) => [e.requestId, e.stream, e.durationMs]),
    );
  });
});
