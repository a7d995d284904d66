// One execution environment: a Runtime API server on 127.0.0.1 and the runtime process that
// polls it. It runs one invocation at a time, measures it the way Lambda does and writes the
// START/END/REPORT lines to its log stream.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import type { RuntimeStart } from "../../functions/manifest.js";
import { billedDurationMs, billingRuleAt, type InvocationStatus } from "../dataset/contract.js";
import type { Cgroups, InstanceCgroup } from "./cgroups.js";
import { runtimeCommand, runtimeEnvironment, type InstanceSpec, type Interpreters } from "./environment.js";
import { LogStream, logStreamName, logStreamPath } from "./log-stream.js";
import { KernelFile } from "./pread.js";
import { readBody } from "./read-body.js";
import { endLine, reportLine, startLine } from "./report-format.js";

const API = "/2018-06-01/runtime";
const NEXT = `${API}/invocation/next`;
const INVOCATION = new RegExp(`^${API}/invocation/([^/]+)/(response|error)$`);
const INIT_ERROR = `${API}/init/error`;
const ACCOUNT = "123456789012";
/** Lambda's limit on the init phase of on-demand functions. */
export const INIT_TIMEOUT_MS = 10_000;

export interface FunctionConfig {
  functionName: string;
  runtime: string;
  function: string;
  lambdaRuntime: string;
  kind: "managed" | "custom";
  /** How the runtime's family starts an instance (manifest `family.start`). */
  start: RuntimeStart;
  handler: string;
  codeDir: string;
  memoryMB: number;
  timeoutMs: number;
  region: string;
  environment: Record<string, string>;
}

export type InvokeOutcome =
  | { kind: "response"; payload: Buffer }
  | { kind: "function-error"; payload: Buffer }
  | { kind: "failed"; status: Exclude<InvocationStatus, "success">; errorType: string };

export interface InvocationRecord {
  requestId: string;
  instanceId: string;
  /** When the REPORT line was written (ISO-8601). */
  timestamp: string;
  durationMs: number;
  billedDurationMs: number;
  maxMemoryUsedMB: number;
  initDurationMs: number | null;
  status: InvocationStatus;
  errorType: string;
}

export interface InvokeResult {
  outcome: InvokeOutcome;
  record: InvocationRecord;
}

export interface InstanceDeps {
  cgroups: Cgroups;
  interpreters: Interpreters;
  logDir: string;
  /** Called once the process is gone (crash, kill, timeout) so the pool forgets the instance. */
  onGone: (instance: Instance) => void;
}

interface Pending {
  requestId: string;
  payload: Buffer;
  deliveredAt: number | null;
  timer: NodeJS.Timeout | null;
  resolve: (r: InvokeResult) => void;
}

type State = "init" | "idle" | "busy" | "gone";

const round2 = (n: number) => Math.round(n * 100) / 100;

/** An X-Ray trace header; randomUUID is the cheapest source of random hex here. */
function traceId(): string {
  const epoch = Math.floor(Date.now() / 1000)
    .toString(16)
    .padStart(8, "0");
  const hex = randomUUID().replaceAll("-", "");
  return `Root=1-${epoch}-${hex.slice(0, 24)};Parent=${hex.slice(16, 32)};Sampled=0`;
}

export class Instance {
  readonly id = randomBytes(16).toString("hex");
  state: State = "init";
  private server: Server | null = null;
  private child: ChildProcess | null = null;
  private cgroup: InstanceCgroup | null = null;
  private log: LogStream | null = null;
  private startedAt = 0;
  private initDurationMs: number | null = null;
  /** Init Duration goes on the first invocation's REPORT only. */
  private initReported = false;
  private initError: { errorType: string } | null = null;
  private parked: ServerResponse | null = null;
  private pending: Pending | null = null;
  private initTimer: NodeJS.Timeout | null = null;
  private exited: Promise<void> = Promise.resolve();
  private procStatus: KernelFile | null = null;
  private markInitOver: () => void = () => {};
  /** Settles when init is over: the first /next call, or the process is gone. */
  readonly initOver = new Promise<void>((resolve) => (this.markInitOver = resolve));
  lastUsed = performance.now();

  constructor(
    readonly config: FunctionConfig,
    private readonly deps: InstanceDeps,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get cgroupFiles(): readonly string[] {
    return this.cgroup?.procsFiles ?? [];
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => this.route(req, res));
    server.keepAliveTimeout = 0;
    server.requestTimeout = 0;
    server.headersTimeout = 0;
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(0, "127.0.0.1", () => resolve());
    });
    const port = (server.address() as AddressInfo).port;
    const stream = logStreamName(this.id, new Date());
    this.log = new LogStream(logStreamPath(this.deps.logDir, this.config.functionName, stream));
    const spec: InstanceSpec = { ...this.config, logStreamName: stream };
    const { command, args } = runtimeCommand(spec, this.deps.interpreters);
    this.cgroup = this.deps.cgroups.create(this.id, this.config.memoryMB);
    // The process joins its cgroups before exec, so init's memory is charged to the instance.
    const join = this.cgroup?.procsFiles.map((f) => `echo $$ > '${f}'`).join(" && ");
    const [cmd, argv] = join ? ["/bin/sh", ["-c", `${join} && exec "$@"`, "sh", command, ...args]] : [command, args];
    this.startedAt = performance.now();
    const child = spawn(cmd, argv, {
      cwd: this.config.codeDir,
      env: runtimeEnvironment(spec, `127.0.0.1:${port}`, this.deps.interpreters),
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    this.child = child;
    child.stdout?.on("data", (c: Buffer) => this.log?.writeOutput(c));
    child.stderr?.on("data", (c: Buffer) => this.log?.writeOutput(c));
    this.exited = new Promise((resolve) => {
      child.once("exit", (code, signal) => {
        this.onExit(code, signal);
        resolve();
      });
      child.once("error", (e) => {
        this.log?.write(`lab: cannot start ${command}: ${e.message}`);
        this.onExit(null, null);
        resolve();
      });
    });
    this.initTimer = setTimeout(() => this.fail("timeout", "Runtime.InitTimeout"), INIT_TIMEOUT_MS);
  }

  /** Hands one event to this instance; the instance must be idle or still initialising without work. */
  invoke(requestId: string, payload: Buffer): Promise<InvokeResult> {
    this.state = "busy";
    return new Promise((resolve) => {
      this.pending = { requestId, payload, deliveredAt: null, timer: null, resolve };
      if (this.parked) {
        const res = this.parked;
        this.parked = null;
        this.deliver(res);
      }
    });
  }

  private route(req: IncomingMessage, res: ServerResponse): void {
    const url = req.url ?? "";
    if (req.method === "GET" && url === NEXT) return this.next(res);
    const m = req.method === "POST" ? INVOCATION.exec(url) : null;
    if (m) {
      void readBody(req).then((body) => this.complete(res, decodeURIComponent(m[1]!), m[2] as "response" | "error", body));
      return;
    }
    if (req.method === "POST" && url === INIT_ERROR) {
      void readBody(req).then((body) => {
        let errorType = req.headers["lambda-runtime-function-error-type"]?.toString() ?? "Runtime.Unknown";
        try {
          const parsed = JSON.parse(body.toString("utf8")) as { errorType?: unknown };
          if (typeof parsed.errorType === "string") errorType = parsed.errorType;
        } catch {
          /* keep the header's type */
        }
        this.initError = { errorType };
        this.log?.write(`lab: init error ${errorType}: ${body.toString("utf8")}`);
        res.writeHead(202, { "Content-Type": "application/json" }).end('{"status":"OK"}');
      });
      return;
    }
    res.writeHead(404, { "Content-Type": "application/json" }).end('{"errorMessage":"unknown Runtime API path","errorType":"NotFound"}');
  }

  private next(res: ServerResponse): void {
    if (this.initDurationMs === null) {
      this.initDurationMs = performance.now() - this.startedAt;
      if (this.initTimer) clearTimeout(this.initTimer);
      this.initTimer = null;
      // End of init: the CPU boost ends here.
      this.cgroup?.capCpu();
      if (this.state === "init") this.state = "idle";
      this.markInitOver();
    }
    if (this.pending && this.pending.deliveredAt === null) this.deliver(res);
    else this.parked = res;
  }

  private deliver(res: ServerResponse): void {
    const p = this.pending!;
    const deadline = Date.now() + this.config.timeoutMs;
    res.writeHead(200, {
      "Content-Type": "application/json",
      "Lambda-Runtime-Aws-Request-Id": p.requestId,
      "Lambda-Runtime-Deadline-Ms": String(deadline),
      "Lambda-Runtime-Invoked-Function-Arn": `arn:aws:lambda:${this.config.region}:${ACCOUNT}:function:${this.config.functionName}`,
      "Lambda-Runtime-Trace-Id": traceId(),
    });
    this.log?.write(startLine(p.requestId));
    p.deliveredAt = performance.now();
    res.end(p.payload);
    p.timer = setTimeout(() => this.fail("timeout", ""), this.config.timeoutMs);
  }

  private complete(res: ServerResponse, requestId: string, kind: "response" | "error", body: Buffer): void {
    const p = this.pending;
    if (!p || p.requestId !== requestId || p.deliveredAt === null) {
      res.writeHead(400, { "Content-Type": "application/json" }).end('{"errorMessage":"no such invocation in progress","errorType":"InvalidRequestID"}');
      return;
    }
    const durationMs = performance.now() - p.deliveredAt;
    res.writeHead(202, { "Content-Type": "application/json" }).end('{"status":"OK"}');
    this.settle(p, kind === "response" ? { kind: "response", payload: body } : { kind: "function-error", payload: body }, durationMs, "success", "");
    this.state = "idle";
    this.lastUsed = performance.now();
  }

  private settle(p: Pending, outcome: InvokeOutcome, rawDurationMs: number, status: InvocationStatus, errorType: string): void {
    if (p.timer) clearTimeout(p.timer);
    this.pending = null;
    const durationMs = round2(rawDurationMs);
    const initDurationMs = this.initReported || this.initDurationMs === null ? null : round2(this.initDurationMs);
    this.initReported = true;
    const timestamp = new Date().toISOString();
    // The cgroup misses shared file pages already charged elsewhere (the interpreter binary);
    // in a Lambda micro-VM those count, so the process's peak RSS is taken when it is larger.
    const peak = Math.max(this.cgroup?.peakMemoryBytes() ?? 0, this.rssPeakBytes() ?? 0);
    const record: InvocationRecord = {
      requestId: p.requestId,
      instanceId: this.id,
      timestamp,
      durationMs,
      billedDurationMs: billedDurationMs(billingRuleAt(timestamp), this.config.kind, durationMs, initDurationMs),
      maxMemoryUsedMB: Math.ceil(peak / (1024 * 1024)),
      initDurationMs,
      status,
      errorType,
    };
    p.resolve({ outcome, record });
    // After resolving, so the caller's response does not wait for the log writes.
    this.log?.write(endLine(p.requestId));
    this.log?.write(reportLine({ ...record, memorySizeMB: this.config.memoryMB }));
  }

  /** The runtime process's peak resident set (VmHWM). */
  private rssPeakBytes(): number | null {
    const pid = this.child?.pid;
    if (pid === undefined) return null;
    this.procStatus ??= new KernelFile(`/proc/${pid}/status`);
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(this.procStatus.read() ?? "");
    return m ? Number(m[1]) * 1024 : null;
  }

  /** Ends the invocation in progress (or the init) and kills the instance. */
  private fail(status: "timeout" | "error", errorType: string): void {
    const p = this.pending;
    if (p) {
      const durationMs =
        status === "timeout" && p.deliveredAt !== null ? this.config.timeoutMs : p.deliveredAt === null ? 0 : performance.now() - p.deliveredAt;
      this.settle(p, { kind: "failed", status, errorType }, durationMs, status, errorType);
    }
    void this.shutdown();
  }

  private onExit(code: number | null, signal: NodeJS.Signals | null): void {
    if (this.initTimer) clearTimeout(this.initTimer);
    if (this.state === "gone") return;
    if (this.pending) {
      const oom = (this.cgroup?.oomKills() ?? 0) > 0;
      const errorType = oom ? "Runtime.OutOfMemory" : (this.initError?.errorType ?? "Runtime.ExitError");
      this.log?.write(`lab: runtime exited (code ${code ?? "-"}, signal ${signal ?? "-"})`);
      this.fail("error", errorType);
    }
    void this.shutdown();
  }

  private shuttingDown: Promise<void> | null = null;

  /** Kills the process, closes the server and log stream, removes the cgroup. Idempotent. */
  shutdown(): Promise<void> {
    if (this.shuttingDown) return this.shuttingDown;
    this.state = "gone";
    this.shuttingDown = this.close();
    this.deps.onGone(this);
    return this.shuttingDown;
  }

  private async close(): Promise<void> {
    this.markInitOver();
    if (this.initTimer) clearTimeout(this.initTimer);
    const pid = this.child?.pid;
    if (pid !== undefined && this.child?.exitCode === null && this.child.signalCode === null) {
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        /* already gone */
      }
    }
    await this.exited;
    this.parked?.destroy();
    this.parked = null;
    if (this.pending) this.settle(this.pending, { kind: "failed", status: "error", errorType: "Runtime.ExitError" }, 0, "error", "Runtime.ExitError");
    const server = this.server;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
    this.procStatus?.close();
    await this.cgroup?.remove();
    await this.log?.close();
  }
}
