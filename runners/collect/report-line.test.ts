// REPORT lines in the shapes AWS documents ("Lambda function logs", SnapStart, the JSON log
// format's platform.report). Request ids and values are made up; the layout is the published one.
import { describe, expect, it } from "vitest";
import { parseReportLine, ReportParseError } from "./report-line.js";
import { parseLogEvents } from "./log-events.js";
import { toInvocationRows } from "./invocation-rows.js";

const COLD =
  "REPORT RequestId: c793869b-ee49-115b-a5b6-4fd21e8dedac\tDuration: 170.19 ms\tBilled Duration: 171 ms\tMemory Size: 128 MB\tMax Memory Used: 73 MB\tInit Duration: 152.66 ms\t";
const WARM = "REPORT RequestId: 0a6d8f2e-1111-4a4a-9b9b-0123456789ab\tDuration: 2.44 ms\tBilled Duration: 3 ms\tMemory Size: 256 MB\tMax Memory Used: 74 MB\t";
const XRAY = "XRAY TraceId: 1-5d9d007f-0a8c7fd02xmpl480aed55ef0\tSegmentId: 3d752xmpl1bbe37e\tSampled: true\t";
const SNAPSTART =
  "REPORT RequestId: 8b1b7b58-2a4c-4c4c-8d8d-a1b2c3d4e5f6\tDuration: 159.12 ms\tBilled Duration: 311 ms\tMemory Size: 512 MB\tMax Memory Used: 115 MB\tRestore Duration: 474.16 ms\tBilled Restore Duration: 151 ms\t";
const TIMEOUT =
  "REPORT RequestId: 5c4a0e1d-3333-4e4e-8f8f-0123456789ab\tDuration: 3000.00 ms\tBilled Duration: 3000 ms\tMemory Size: 128 MB\tMax Memory Used: 41 MB\tStatus: timeout";
const ERROR =
  "REPORT RequestId: 7e7e7e7e-4444-4a4a-8b8b-0123456789ab\tDuration: 12.00 ms\tBilled Duration: 12 ms\tMemory Size: 128 MB\tMax Memory Used: 128 MB\tStatus: error\tError Type: Runtime.OutOfMemory";
const JSON_COLD = JSON.stringify({
  time: "2024-03-01T12:00:00.000Z",
  type: "platform.report",
  record: {
    requestId: "6d68ca91-49c9-448d-89b8-7ca3e6dc66aa",
    metrics: { durationMs: 2.96, billedDurationMs: 3, memorySizeMB: 128, maxMemoryUsedMB: 68, initDurationMs: 213.96 },
    tracing: { spanId: "11b7f3a5e0ec2a7f", type: "X-Amzn-Trace-Id", value: "Root=1-65e1c3a0-1a2b3c4d5e6f708192a3b4c5;Parent=11b7f3a5e0ec2a7f;Sampled=1" },
    status: "success",
  },
});

describe("parseReportLine: text format", () => {
  it("reads a cold start with Init Duration", () => {
    expect(parseReportLine(COLD)).toEqual({
      format: "text",
      requestId: "c793869b-ee49-115b-a5b6-4fd21e8dedac",
      durationMs: 170.19,
      billedDurationMs: 171,
      memorySizeMB: 128,
      maxMemoryUsedMB: 73,
      initDurationMs: 152.66,
      restoreDurationMs: null,
      billedRestoreDurationMs: null,
      status: "success",
      errorType: "",
      xray: null,
      time: null,
    });
  });

  it("reads a warm invocation (no Init Duration)", () => {
    const r = parseReportLine(WARM)!;
    expect(r.initDurationMs).toBeNull();
    expect(r.durationMs).toBe(2.44);
    expect(r.memorySizeMB).toBe(256);
  });

  it("reads fields in any order and space-separated", () => {
    const shuffled =
      "REPORT Max Memory Used: 73 MB Init Duration: 152.66 ms Memory Size: 128 MB Billed Duration: 171 ms Duration: 170.19 ms RequestId: c793869b-ee49-115b-a5b6-4fd21e8dedac";
    expect(parseReportLine(shuffled)).toEqual(parseReportLine(COLD));
  });

  it("reads SnapStart restore durations", () => {
    const r = parseReportLine(SNAPSTART)!;
    expect(r.restoreDurationMs).toBe(474.16);
    expect(r.billedRestoreDurationMs).toBe(151);
    expect(r.initDurationMs).toBeNull();
  });

  it("reads Status: timeout and Status: error with Error Type", () => {
    expect(parseReportLine(TIMEOUT)).toMatchObject({ status: "timeout", errorType: "", durationMs: 3000 });
    expect(parseReportLine(ERROR)).toMatchObject({ status: "error", errorType: "Runtime.OutOfMemory", maxMemoryUsedMB: 128 });
  });

  it("reads the X-Ray segment on the same line or after a newline in the same message", () => {
    const expected = { traceId: "1-5d9d007f-0a8c7fd02xmpl480aed55ef0", segmentId: "3d752xmpl1bbe37e", sampled: true };
    expect(parseReportLine(`${COLD}${XRAY}`)!.xray).toEqual(expected);
    expect(parseReportLine(`${COLD}\n${XRAY}`)!.xray).toEqual(expected);
    expect(parseReportLine(`${COLD}\n${XRAY}`)!.initDurationMs).toBe(152.66);
  });

  it("returns null for lines that are not REPORT lines", () => {
    for (const line of [
      "START RequestId: c793869b-ee49-115b-a5b6-4fd21e8dedac Version: $LATEST",
      "END RequestId: c793869b-ee49-115b-a5b6-4fd21e8dedac",
      "INIT_START Runtime Version: nodejs:20.v13",
      "2024-03-01T12:00:00.000Z\tc793869b\tINFO\tREPORT is in the middle of this line",
      '{"time":"2024-03-01T12:00:00.000Z","type":"platform.start","record":{"requestId":"x"}}',
      "",
    ]) {
      expect(parseReportLine(line)).toBeNull();
    }
  });

  it.each([
    ["no RequestId", COLD.replace("RequestId: c793869b-ee49-115b-a5b6-4fd21e8dedac\t", ""), 'missing field "RequestId"'],
    ["no Max Memory Used", WARM.replace("Max Memory Used: 74 MB\t", ""), 'missing field "Max Memory Used"'],
    ["a non-number", WARM.replace("2.44 ms", "fast ms"), 'field "Duration" is not a number'],
    ["a wrong unit", WARM.replace("256 MB", "256 GB"), 'field "Memory Size" should be a number in MB'],
    ["a missing unit", WARM.replace("2.44 ms", "2.44"), 'field "Duration" should be a number in ms'],
    ["a negative number", WARM.replace("2.44 ms", "-2.44 ms"), 'field "Duration" is not a number'],
    ["an unknown status", TIMEOUT.replace("timeout", "exploded"), 'unknown Status "exploded"'],
    ["a truncated line", COLD.slice(0, 60), "missing field"],
    ["a field twice", `${WARM}Duration: 3.00 ms`, 'field "Duration" appears twice'],
  ])("throws ReportParseError for a REPORT line with %s", (_label, line, reason) => {
    expect(() => parseReportLine(line)).toThrow(ReportParseError);
    expect(() => parseReportLine(line)).toThrow(reason);
  });
});

describe("parseReportLine: JSON format (platform.report)", () => {
  it("reads metrics, status, tracing and time", () => {
    expect(parseReportLine(JSON_COLD)).toEqual({
      format: "json",
      requestId: "6d68ca91-49c9-448d-89b8-7ca3e6dc66aa",
      durationMs: 2.96,
      billedDurationMs: 3,
      memorySizeMB: 128,
      maxMemoryUsedMB: 68,
      initDurationMs: 213.96,
      restoreDurationMs: null,
      billedRestoreDurationMs: null,
      status: "success",
      errorType: "",
      xray: { traceId: "1-65e1c3a0-1a2b3c4d5e6f708192a3b4c5", segmentId: "11b7f3a5e0ec2a7f", sampled: true },
      time: "2024-03-01T12:00:00.000Z",
    });
  });

  it("maps timeout, error and failure statuses and keeps errorType", () => {
    const doc = JSON.parse(JSON_COLD) as { record: Record<string, unknown> };
    for (const [status, expected] of [
      ["timeout", "timeout"],
      ["error", "error"],
      ["failure", "error"],
    ] as const) {
      doc.record.status = status;
      doc.record.errorType = "Runtime.ExitError";
      expect(parseReportLine(JSON.stringify(doc))).toMatchObject({ status: expected, errorType: "Runtime.ExitError" });
    }
  });

  it("reads restoreDurationMs and a record without status as success", () => {
    const doc = JSON.parse(JSON_COLD) as { record: { metrics: Record<string, unknown>; status?: string } };
    delete doc.record.status;
    delete doc.record.metrics.initDurationMs;
    doc.record.metrics.restoreDurationMs = 474.16;
    expect(parseReportLine(JSON.stringify(doc))).toMatchObject({ status: "success", initDurationMs: null, restoreDurationMs: 474.16 });
  });

  it("throws for broken platform.report records", () => {
    expect(() => parseReportLine(JSON_COLD.slice(0, -2))).toThrow("not valid JSON");
    expect(() => parseReportLine(JSON_COLD.replace('"durationMs":2.96,', ""))).toThrow('missing field "record.metrics.durationMs"');
    expect(() => parseReportLine(JSON_COLD.replace('"durationMs":2.96', '"durationMs":"2.96"'))).toThrow("record.metrics.durationMs");
    expect(() => parseReportLine(JSON_COLD.replace('"requestId":"6d68ca91-49c9-448d-89b8-7ca3e6dc66aa",', ""))).toThrow("record.requestId");
  });
});

describe("parseLogEvents + toInvocationRows", () => {
  const ev = (message: string, timestamp: number, logStreamName = "2024/03/01/[$LATEST]abc", logGroupName = "/aws/lambda/demo") => ({
    message,
    timestamp,
    logStreamName,
    logGroupName,
  });

  it("counts unreadable REPORT lines with their position and keeps going", () => {
    const events = [ev("START RequestId: x", 1), ev(COLD, 2), ev("REPORT RequestId: broken", 3), ev(WARM, 4), ev(JSON_COLD.slice(0, 40), 5)];
    const { records, unreadable } = parseLogEvents(events);
    expect(records.map((r) => r.requestId)).toEqual(["c793869b-ee49-115b-a5b6-4fd21e8dedac", "0a6d8f2e-1111-4a4a-9b9b-0123456789ab"]);
    expect(unreadable.map((u) => u.position)).toEqual([2]);
    expect(unreadable[0]!.reason).toContain("missing field");
  });

  it("attaches an X-Ray line that follows a REPORT line in the same stream, and reports an orphan", () => {
    const events = [ev(COLD, 1, "s1"), ev(WARM, 2, "s2"), ev(XRAY, 3, "s1"), ev(XRAY, 4, "s3")];
    const { records, unreadable } = parseLogEvents(events);
    expect(records[0]!.xray?.segmentId).toBe("3d752xmpl1bbe37e");
    expect(records[1]!.xray).toBeNull();
    expect(unreadable).toEqual([{ position: 3, line: XRAY, reason: "XRAY line with no REPORT line before it in the same log stream" }]);
  });

  it("builds contract rows, dedups by request id and counts unmapped groups", () => {
    const t = Date.parse("2024-03-01T12:00:00.123Z");
    const events = [ev(COLD, t), ev(COLD, t + 5), ev(TIMEOUT, t + 10), ev(WARM, t + 20, "s", "/aws/lambda/other")];
    const { records } = parseLogEvents(events);
    const result = toInvocationRows(records, ({ logGroupName }) =>
      logGroupName === "/aws/lambda/demo" ? { runtime: "node", function: "wave", architecture: "arm64" } : null,
    );
    expect(result.duplicates).toBe(1);
    expect([...result.unmapped]).toEqual([["/aws/lambda/other", 1]]);
    expect(result.rows).toEqual([
      {
        runtime: "node",
        function: "wave",
        memoryMB: 128,
        architecture: "arm64",
        trial: 1,
        requestId: "c793869b-ee49-115b-a5b6-4fd21e8dedac",
        timestamp: "2024-03-01T12:00:00.123Z",
        instanceId: "2024/03/01/[$LATEST]abc",
        durationMs: 170.19,
        billedDurationMs: 171,
        maxMemoryUsedMB: 73,
        initDurationMs: 152.66,
        restoreDurationMs: null,
        status: "success",
        errorType: "",
      },
      expect.objectContaining({ requestId: "5c4a0e1d-3333-4e4e-8f8f-0123456789ab", status: "timeout", timestamp: "2024-03-01T12:00:00.133Z" }),
    ]);
  });
});
