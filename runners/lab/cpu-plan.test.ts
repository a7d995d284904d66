// The CPU plan is pure: invented machines of 1, 2 and 8 cores.
import { describe, expect, it } from "vitest";
import { cpuList, defaultConcurrency, layout, maxConcurrency, maxMemoryMB, parseCpuList, planCpus } from "./cpu-plan.js";

const cores = (n: number) => Array.from({ length: n }, (_, i) => i);

describe("layout", () => {
  it("1 core separates nothing: no run cores", () => {
    expect(layout(cores(1))).toEqual({ support: [0], init: [0], run: [], initSharesSupport: true });
  });
  it("2 cores: support and init on core 0, running instances alone on core 1", () => {
    expect(layout(cores(2))).toEqual({ support: [0], init: [0], run: [1], initSharesSupport: true });
  });
  it("3 cores: one core per role", () => {
    expect(layout(cores(3))).toEqual({ support: [0], init: [1], run: [2], initSharesSupport: false });
  });
  it("8 cores: support 2, init 1, run 5, disjoint", () => {
    expect(layout(cores(8))).toEqual({ support: [0, 1], init: [2], run: [3, 4, 5, 6, 7], initSharesSupport: false });
  });
  it("uses the CPU ids it is given (a cpuset need not start at 0)", () => {
    expect(layout([5, 3, 4])).toEqual({ support: [3], init: [4], run: [5], initSharesSupport: false });
  });
});

describe("planCpus", () => {
  it("2 cores: the seed's concurrency 10 at 256 MB needs 1.45 cores for running instances and does not fit in 1", () => {
    const plan = planCpus(cores(2), 10, [128, 256]);
    expect(plan.memoryMB).toBe(256);
    expect(plan.instanceCores).toBeCloseTo((10 * 256) / 1769, 9);
    expect(plan.fits).toBe(false);
    expect(plan.maxConcurrentInits).toBe(1);
  });
  it("2 cores: concurrency 6 at 256 MB fits (0.87 cores), 7 does not (1.01)", () => {
    expect(planCpus(cores(2), 6, [256]).fits).toBe(true);
    expect(planCpus(cores(2), 7, [256]).fits).toBe(false);
  });
  it("8 cores: the seed's protocol (concurrency 10 at 128 and 256 MB) fits unchanged; at 1769 MB it needs 10 cores and does not", () => {
    expect(planCpus(cores(8), 10, [128, 256]).fits).toBe(true);
    expect(planCpus(cores(8), 10, [1769]).fits).toBe(false);
  });
  it("1 core holds nothing", () => {
    expect(planCpus(cores(1), 1, [128]).fits).toBe(false);
  });
});

describe("what a machine holds", () => {
  it.each([
    [1, 128, 0],
    [2, 128, 13],
    [2, 256, 6],
    [2, 1769, 1],
    [2, 3008, 0],
    [8, 256, 34],
    [8, 1769, 5],
  ])("%i cores at %i MB: largest concurrency %i", (n, memoryMB, expected) => {
    expect(maxConcurrency(cores(n), memoryMB)).toBe(expected);
  });
  it("largest memory size at a concurrency", () => {
    expect(maxMemoryMB(cores(2), 10)).toBe(176);
    expect(maxMemoryMB(cores(8), 10)).toBe(884);
    expect(maxMemoryMB(cores(1), 10)).toBe(0);
  });
  it("default concurrency: the seed's where the machine holds it, else the most it holds at the largest memory size", () => {
    expect(defaultConcurrency(cores(2), [128, 256], 10)).toBe(6);
    expect(defaultConcurrency(cores(2), [128], 10)).toBe(10);
    expect(defaultConcurrency(cores(8), [128, 256], 10)).toBe(10);
  });
});

describe("cpuset lists", () => {
  it("round-trips", () => {
    expect(cpuList([0, 1, 2, 5, 7, 8])).toBe("0-2,5,7-8");
    expect(parseCpuList("0-2,5,7-8\n")).toEqual([0, 1, 2, 5, 7, 8]);
    expect(cpuList([])).toBe("");
  });
});
