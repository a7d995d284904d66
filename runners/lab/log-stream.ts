// One log stream per instance, laid out like CloudWatch Logs:
//   <logDir>/<function name>/<YYYY/MM/DD>/[$LATEST]<instance id>
// Each line is one log event as the CloudWatch Logs API returns it: {"timestamp": <epoch ms>, "message": "..."}.
import { createWriteStream, mkdirSync, type WriteStream } from "node:fs";
import { dirname, join } from "node:path";

export interface LogEvent {
  timestamp: number;
  message: string;
}

export function logStreamName(instanceId: string, at: Date): string {
  const d = at.toISOString().slice(0, 10).replaceAll("-", "/");
  return `${d}/[$LATEST]${instanceId}`;
}

export function logStreamPath(logDir: string, functionName: string, streamName: string): string {
  return join(logDir, functionName, streamName);
}

export class LogStream {
  private readonly out: WriteStream;
  private partial = "";

  constructor(readonly path: string) {
    mkdirSync(dirname(path), { recursive: true });
    this.out = createWriteStream(path, { flags: "a" });
  }

  write(message: string, timestamp = Date.now()): void {
    this.out.write(JSON.stringify({ timestamp, message } satisfies LogEvent) + "\n");
  }

  /** The function's own stdout/stderr, one event per line, as Lambda captures it. */
  writeOutput(chunk: Buffer): void {
    const text = this.partial + chunk.toString("utf8");
    const lines = text.split("\n");
    this.partial = lines.pop() ?? "";
    for (const line of lines) this.write(line);
  }

  close(): Promise<void> {
    if (this.partial) this.write(this.partial);
    this.partial = "";
    return new Promise((resolve) => this.out.end(() => resolve()));
  }
}
