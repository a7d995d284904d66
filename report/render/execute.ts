// Runs notebooks through execute.py (nbclient + the tslab kernel), reporting events as they come.
// The Python side can start its kernels before the jobs are known (a tslab kernel takes seconds).
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { createInterface } from "node:readline";
import type { MimeBundle } from "../notebook/show.js";
import { renderMessages } from "./messages.js";
import { paths } from "./paths.js";

export interface ExecutionJob {
  notebook: string;
  parameters: string;
}

export type ExecutionEvent =
  | { event: "start"; notebook: string }
  /** kernelSeconds: time spent waiting for a kernel for this notebook (about 0 when it reused one). */
  | { event: "done"; notebook: string; seconds: number; kernelSeconds: number; outputs: MimeBundle[] }
  | { event: "error"; notebook: string; seconds: number; cell: number; firstLine: string; message: string };

export interface ExecutorOptions {
  concurrency: number;
  /** Folder of the notebooks (the kernels' working directory). */
  cwd: string;
  /** Kernels to start right away, before run() is called. */
  prestart?: number;
  python?: string;
  timeoutSeconds?: number;
  /** A fresh kernel per notebook instead of each kernel running several in turn. */
  isolateKernels?: boolean;
}

export interface Executor {
  run(jobs: ExecutionJob[], onEvent: (event: ExecutionEvent) => void): Promise<ExecutionEvent[]>;
  /** Stops the kernels started ahead, when there turns out to be nothing to run. */
  cancel(): Promise<void>;
}

export function startExecutor(options: ExecutorOptions): Executor {
  const python = options.python ?? paths.python;
  if (!existsSync(python)) throw new Error(renderMessages.noPython(python));
  const child: ChildProcessWithoutNullStreams = spawn(python, [paths.executeScript], {
    stdio: ["pipe", "pipe", "pipe"],
    env: {
      ...process.env,
      TZ: "UTC",
      PATH: `${join(paths.nodeModules, ".bin")}:${dirname(python)}:${process.env.PATH ?? ""}`,
      PYDEVD_DISABLE_FILE_VALIDATION: "1",
    },
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  exited.catch(() => undefined);
  child.stdin.write(
    `${JSON.stringify({
      concurrency: options.concurrency,
      kernel: "tslab",
      timeout: options.timeoutSeconds ?? 300,
      reuseKernels: !options.isolateKernels,
      cwd: options.cwd,
      prestart: options.prestart ?? 0,
    })}\n`,
  );
  let listener: (event: ExecutionEvent) => void = () => undefined;
  const finished: ExecutionEvent[] = [];
  createInterface({ input: child.stdout }).on("line", (line) => {
    let event: ExecutionEvent;
    try {
      event = JSON.parse(line) as ExecutionEvent;
    } catch {
      return; // not ours (something in the kernel printing to stdout)
    }
    if (event.event !== "start") finished.push(event);
    listener(event);
  });

  return {
    async run(jobs, onEvent) {
      // Done once every job is reported: the kernels are stopped meanwhile, while the build goes on.
      const allReported = new Promise<"reported">((resolve) => {
        listener = (event) => {
          onEvent(event);
          if (finished.length === jobs.length) resolve("reported");
        };
      });
      child.stdin.end(`${JSON.stringify({ jobs: jobs.map((j) => ({ ...j, cwd: dirname(j.notebook) })) })}\n`);
      const code = await Promise.race([allReported, exited]);
      if (code === "reported") return finished;
      await new Promise((resolve) => setImmediate(resolve));
      if (code !== 0 || finished.length !== jobs.length) throw new Error(renderMessages.executorFailed(code, stderr));
      return finished;
    },
    async cancel() {
      if (!child.stdin.writableEnded) child.stdin.end(`${JSON.stringify({ jobs: [] })}\n`);
      await exited.catch(() => undefined);
    },
  };
}

/** Runs the jobs in one go (no head start); nothing is spawned for an empty list. */
export async function executeNotebooks(
  jobs: ExecutionJob[],
  options: Omit<ExecutorOptions, "cwd" | "prestart"> & { onEvent: (event: ExecutionEvent) => void },
): Promise<ExecutionEvent[]> {
  if (jobs.length === 0) return [];
  return startExecutor({ ...options, cwd: dirname(jobs[0]!.notebook) }).run(jobs, options.onEvent);
}
