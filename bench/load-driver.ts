// Benchmark: requests/s of the load driver vs ApacheBench (`ab`, Debian apache2-utils) against the
// same tiny local endpoint, in one run, at the same concurrency. Prints both and the ratio.
// Usage: node --import tsx bench/load-driver.ts [--requests 20000] [--concurrency 10] [--rounds 3]
import { execFile, fork, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { parseArgs } from "node:util";
import { runLoad } from "../runners/load/index.js";

const run = promisify(execFile);
const { values } = parseArgs({
  options: {
    serve: { type: "boolean", default: false },
    requests: { type: "string", default: "20000" },
    concurrency: { type: "string", default: "10" },
    rounds: { type: "string", default: "3" },
  },
});
const requests = Number(values.requests);
const concurrency = Number(values.concurrency);
const rounds = Number(values.rounds);
const payload = JSON.stringify({ message: "hello from lambench", values: [1, 2, 3, 4, 5, 6, 7, 8] });

// The endpoint runs in its own process, so the driver does not share an event loop with it (ab
// does not either).
function serveEcho(): void {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      res.writeHead(200, { "content-type": "application/json", "content-length": body.length });
      res.end(body);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(0, "127.0.0.1", () => process.send?.((server.address() as AddressInfo).port));
  process.on("disconnect", () => process.exit(0));
}

function startEchoProcess(): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(process.argv[1]!, ["--serve"], { execArgv: process.execArgv });
  return new Promise((resolve, reject) => {
    child.once("message", (port) => resolve({ child, port: Number(port) }));
    child.once("exit", (code) => reject(new Error(`echo server exited with ${code}`)));
  });
}

async function abRequestsPerSecond(url: string, bodyFile: string, keepAlive: boolean): Promise<number> {
  const { stdout } = await run(
    "ab",
    [...(keepAlive ? ["-k"] : []), "-q", "-n", String(requests), "-c", String(concurrency), "-p", bodyFile, "-T", "application/json", url],
    {
      maxBuffer: 1 << 20,
    },
  );
  const m = /Requests per second:\s+([\d.]+)/.exec(stdout);
  if (!m) throw new Error(`could not read ab's output:\n${stdout}`);
  const failed = /Failed requests:\s+(\d+)/.exec(stdout)?.[1];
  if (failed !== "0") throw new Error(`ab reported ${failed} failed requests`);
  return Number(m[1]);
}

if (values.serve) {
  serveEcho();
} else {
  await main();
}

async function main(): Promise<void> {
  const { child, port } = await startEchoProcess();
  const url = `http://127.0.0.1:${port}/echo`;
  const dir = mkdtempSync(join(tmpdir(), "lambench-bench-"));
  const bodyFile = join(dir, "body.json");
  writeFileSync(bodyFile, payload);
  try {
    console.log(`endpoint ${url}: ${requests} POSTs per round, concurrency ${concurrency}, ${rounds} rounds (alternating)`);
    const ours: number[] = [];
    const abs: number[] = [];
    const abKeepAlive: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const r = await runLoad({ url, requests, concurrency, body: () => payload });
      const ok = r.statusCounts[200] ?? 0;
      if (ok !== requests) throw new Error(`driver: only ${ok}/${requests} answered 200 (${JSON.stringify(r.statusCounts)})`);
      ours.push(r.requestsPerSecond);
      abs.push(await abRequestsPerSecond(url, bodyFile, false));
      abKeepAlive.push(await abRequestsPerSecond(url, bodyFile, true));
      console.log(`round ${i + 1}: driver ${ours[i]!.toFixed(0)} req/s   ab ${abs[i]!.toFixed(0)} req/s   ab -k ${abKeepAlive[i]!.toFixed(0)} req/s`);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const d = median(ours);
    const a = median(abs);
    const k = median(abKeepAlive);
    console.log(`median req/s: driver ${d.toFixed(0)}, ab ${a.toFixed(0)}, ab -k ${k.toFixed(0)}`);
    console.log(`ratio driver/ab = ${(d / a).toFixed(2)} (target >= 0.90); driver/ab -k = ${(d / k).toFixed(2)}`);
  } finally {
    child.disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}
