import { describe, expect, it } from "vitest";
import { billedDurationMs, billingRuleAt } from "./contract.js";

describe("billing rules", () => {
  it("rounds duration up to the next millisecond", () => {
    expect(billedDurationMs("aws-2025-08", "managed", 12.01, null)).toBe(13);
    expect(billedDurationMs("aws-2025-08", "managed", 12, null)).toBe(12);
  });
  it("bills INIT for custom runtimes under both rules", () => {
    expect(billedDurationMs("aws-pre-2025-08", "custom", 1.5, 20.2)).toBe(22);
    expect(billedDurationMs("aws-2025-08", "custom", 1.5, 20.2)).toBe(22);
  });
  it("bills INIT for managed runtimes only from 2025-08-01", () => {
    expect(billedDurationMs("aws-pre-2025-08", "managed", 1.5, 200.2)).toBe(2);
    expect(billedDurationMs("aws-2025-08", "managed", 1.5, 200.2)).toBe(202);
  });
  it("does not turn floating-point noise into an extra millisecond", () => {
    expect(billedDurationMs("aws-2025-08", "managed", 0.1 + 0.2 + 11.7, null)).toBe(12);
  });
  it("picks the rule in force at the invocation time", () => {
    expect(billingRuleAt("2025-07-31T23:59:59.999Z")).toBe("aws-pre-2025-08");
    expect(billingRuleAt("2025-08-01T00:00:00.000Z")).toBe("aws-2025-08");
  });
});
