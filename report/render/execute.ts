// Runs notebooks through execute.py (nbclient + the tslab kernel), reporting events as they come.
import { spawn } from "node:child_process";
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
  /** kernelSeconds: time spent starting a kernel for this notebook (0 when it reused one). */
  | { event: "done"; notebook: string; seconds: number; kernelSeconds: number; outputs: MimeBundle[] }
  | { event: "error"; notebook: string; seconds: number; cell: number; firstLine: string; message: string };

export interface ExecuteOptions {
  concurrency: number;
  python?: string;
  timeoutSeconds?: number;
  /** A fresh kernel per notebook instead of each kernel running several in turn. */
  isolateKernels?: boolean;
  onEvent: (event: ExecutionEvent) => void;
}

export async function executeNotebooks(jobs: ExecutionJob[], options: ExecuteOptions): Promise<ExecutionEvent[]> {
  if (jobs.length === 0) return [];
  const python = options.python ?? paths.python;
  if (!existsSync(python)) throw new Error(renderMessages.noPython(python));
  const finished: ExecutionEvent[] = [];
  const child = spawn(python, [paths.executeScript], {
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
  const lines = createInterface({ input: child.stdout });
  lines.on("line", (line) => {
    let event: ExecutionEvent;
    try {
      event = JSON.parse(line) as ExecutionEvent;
    } catch {
      return; // not ours (a library printing to stdout)
    }
    if (event.event !== "start") finished.push(event);
    options.onEvent(event);
  });
  child.stdin.end(
    JSON.stringify({
      jobs: jobs.map((j) => ({ notebook: j.notebook, parameters: j.parameters, cwd: dirname(j.notebook) })),
      concurrency: options.concurrency,
      kernel: "tslab",
      timeout: options.timeoutSeconds ?? 300,
      reuseKernels: !options.isolateKernels,
    }),
  );
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  await new Promise((resolve) => setImmediate(resolve));
  if (code !== 0 || finished.length !== jobs.length) throw new Error(renderMessages.executorFailed(code, stderr));
  return finished;
}
