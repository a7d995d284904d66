// Test support: moto in server mode (the project venv's moto_server) on 127.0.0.1 and a free port,
// and a proxy in front of it that answers some requests with ThrottlingException.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer, request, type Server } from "node:http";
import { createServer as createNetServer, type AddressInfo } from "node:net";
import { join } from "node:path";
import { repoRoot } from "../../../functions/manifest.js";

export const MOTO_SERVER = join(repoRoot, ".venv", "bin", "moto_server");

export interface Moto {
  endpoint: string;
  stop: () => Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

async function waitUntilUp(endpoint: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`moto_server exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${endpoint}/moto-api/`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`moto_server did not answer within 30 s:\n${output()}`);
}

export async function startMoto(): Promise<Moto> {
  if (!existsSync(MOTO_SERVER)) throw new Error(`${MOTO_SERVER} not found: create the venv and install requirements-dev.txt (moto[server])`);
  const port = await freePort();
  const child = spawn(MOTO_SERVER, ["-H", "127.0.0.1", "-p", String(port)], { stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  const keep = (c: Buffer) => (log = (log + c.toString()).slice(-4000));
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilUp(endpoint, child, () => log);
  } catch (e) {
    child.kill("SIGKILL");
    throw e;
  }
  return {
    endpoint,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

export interface ThrottlingProxy {
  endpoint: string;
  /** Requests answered with ThrottlingException so far, by X-Amz-Target operation. */
  throttled: Map<string, number>;
  forwarded: Map<string, number>;
  stop: () => Promise<void>;
}

/**
 * Forwards to `target`, but answers every request whose running number (per operation) satisfies
 * `throttle(n)` with the 400 ThrottlingException CloudWatch Logs sends when a rate is exceeded.
 */
export async function startThrottlingProxy(target: string, throttle: (n: number) => boolean): Promise<ThrottlingProxy> {
  const throttled = new Map<string, number>();
  const forwarded = new Map<string, number>();
  const counts = new Map<string, number>();
  const t = new URL(target);
  const server: Server = createServer((req, res) => {
    const op = String(req.headers["x-amz-target"] ?? "unknown");
    const n = (counts.get(op) ?? 0) + 1;
    counts.set(op, n);
    if (throttle(n)) {
      throttled.set(op, (throttled.get(op) ?? 0) + 1);
      req.resume();
      res.writeHead(400, { "content-type": "application/x-amz-json-1.1", "x-amzn-errortype": "ThrottlingException" });
      res.end(JSON.stringify({ __type: "ThrottlingException", message: "Rate exceeded" }));
      return;
    }
    forwarded.set(op, (forwarded.get(op) ?? 0) + 1);
    const upstream = request({ host: t.hostname, port: t.port, method: req.method, path: req.url, headers: { ...req.headers, host: t.host } }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on("error", (e) => {
      res.writeHead(502);
      res.end(String(e));
    });
    req.pipe(upstream);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    throttled,
    forwarded,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
