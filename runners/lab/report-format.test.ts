import { describe, expect, it } from "vitest";
import { parseReportLine } from "../collect/report-line.js";
import { endLine, reportLine, startLine } from "./report-format.js";

const base = {
  requestId: "8f5e8d3a-1b2c-4d5e-8f90-0123456789ab",
  durationMs: 12.345,
  billedDurationMs: 13,
  memorySizeMB: 128,
  maxMemoryUsedMB: 45,
  initDurationMs: null,
  status: "success" as const,
  errorType: "",
};

describe("REPORT formatter", () => {
  it("writes CloudWatch's text layout: tab after every field, two decimals", () => {
    expect(reportLine({ ...base, initDurationMs: 123.4 })).toBe(
      "REPORT RequestId: 8f5e8d3a-1b2c-4d5e-8f90-0123456789ab\tDuration: 12.35 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 45 MB\tInit Duration: 123.40 ms\t",
    );
    expect(startLine(base.requestId)).toBe("START RequestId: 8f5e8d3a-1b2c-4d5e-8f90-0123456789ab Version: $LATEST");
    expect(endLine(base.requestId)).toBe("END RequestId: 8f5e8d3a-1b2c-4d5e-8f90-0123456789ab");
  });

  it.each([
    { ...base },
    { ...base, initDurationMs: 250.5 },
    { ...base, status: "timeout" as const, durationMs: 3000, billedDurationMs: 3000 },
    { ...base, status: "error" as const, errorType: "Runtime.ExitError", initDurationMs: 80.25 },
    { ...base, status: "error" as const, errorType: "Runtime.OutOfMemory" },
  ])("parses back with the collector's parser: %o", (fields) => {
    const parsed = parseReportLine(reportLine(fields));
    expect(parsed).toMatchObject({
      format: "text",
      requestId: fields.requestId,
      durationMs: Math.round(fields.durationMs * 100) / 100,
      billedDurationMs: fields.billedDurationMs,
      memorySizeMB: fields.memorySizeMB,
      maxMemoryUsedMB: fields.maxMemoryUsedMB,
      initDurationMs: fields.initDurationMs,
      status: fields.status,
      errorType: fields.errorType,
    });
  });

  it("START and END lines are not REPORT lines", () => {
    expect(parseReportLine(startLine(base.requestId))).toBeNull();
    expect(parseReportLine(endLine(base.requestId))).toBeNull();
  });
});
