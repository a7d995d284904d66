// Benchmark: parse 1,000,000 generated log events (a realistic mix of START/END/REPORT text lines
// and JSON platform.report records) and print lines/s. Target: ≤ 2 s for 1,000,000 lines.
// Wall time is the target; CPU time is printed beside it because a shared machine's load inflates
// wall time. Usage: node --import tsx bench/parser.ts [--lines 1000000]
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { parseLogEvents, type LogEvent } from "../runners/collect/log-events.js";

const { values } = parseArgs({ options: { lines: { type: "string", default: "1000000" } } });
const total = Number(values.lines);

// Generated, not measured: deterministic values that only exercise the parser.
function generate(n: number): LogEvent[] {
  const events: LogEvent[] = new Array<LogEvent>(n);
  const t0 = Date.parse("2024-03-01T00:00:00.000Z");
  for (let i = 0; i < n; i++) {
    const id = `0000${i.toString(16)}`.slice(-8) + "-1111-4a4a-9b9b-0123456789ab";
    const kind = i % 4;
    let message: string;
    if (kind === 0) message = `START RequestId: ${id} Version: $LATEST`;
    else if (kind === 1) message = `END RequestId: ${id}`;
    else if (kind === 2) {
      const init = i % 100 === 2 ? `Init Duration: ${(100 + (i % 50)).toFixed(2)} ms\t` : "";
      message = `REPORT RequestId: ${id}\tDuration: ${((i % 997) / 10).toFixed(2)} ms\tBilled Duration: ${Math.ceil((i % 997) / 10)} ms\tMemory Size: 128 MB\tMax Memory Used: ${40 + (i % 30)} MB\t${init}`;
    } else {
      message = JSON.stringify({
        time: new Date(t0 + i).toISOString(),
        type: "platform.report",
        record: {
          requestId: id,
          metrics: { durationMs: (i % 997) / 10, billedDurationMs: Math.ceil((i % 997) / 10), memorySizeMB: 128, maxMemoryUsedMB: 40 + (i % 30) },
          status: "success",
        },
      });
    }
    events[i] = { message, timestamp: t0 + i, logStreamName: `2024/03/01/[$LATEST]${i % 16}` };
  }
  return events;
}

const events = generate(total);
for (let round = 1; round <= 3; round++) {
  const start = performance.now();
  const cpu = process.cpuUsage();
  const { records, unreadable } = parseLogEvents(events);
  const seconds = (performance.now() - start) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  console.log(
    `round ${round}: ${total.toLocaleString("en")} lines (${records.length.toLocaleString("en")} REPORT records, ${unreadable.length} unreadable) in ${seconds.toFixed(2)} s = ${Math.round(total / seconds).toLocaleString("en")} lines/s (target ≤ 2 s); CPU time ${cpuSeconds.toFixed(2)} s, load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
  );
}
