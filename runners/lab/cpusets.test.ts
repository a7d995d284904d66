// CPU partitions with cpusets, as root on a machine with a writable cpuset cgroup (v1 or v2). CI
// runs as root; elsewhere the tests are skipped and say why.
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import {
  allowedCpus,
  DEFAULT_CPU_SHARES_V1,
  DEFAULT_CPU_WEIGHT_V2,
  detectCgroups,
  INIT_CPU_SHARES_V1,
  INIT_CPU_WEIGHT_V2,
  LAB_CPU_SHARES_V1,
  LAB_CPU_WEIGHT_V2,
  type SupportPartition,
} from "./cgroups.js";
import { cpuList, planCpus } from "./cpu-plan.js";
import type { LabInvokeResult } from "./lab.js";
import { startTestLab, type TestLab } from "./test-support.js";

const cgroups = detectCgroups();
const cpus = allowedCpus();
const why = !cgroups.cpusets ? "no writable cpuset cgroup (run as root on Linux)" : cpus.length < 2 ? "fewer than 2 CPUs" : "";
const event = Buffer.from(JSON.stringify({ body: "{}" }));
const allowedOf = (pid: number) => /^Cpus_allowed_list:\s*(\S+)$/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1];

/** Where the cgroup hierarchy of a v1 controller (or, null, the v2 hierarchy) is mounted. */
const mountOf = (controller: string | null) =>
  readFileSync("/proc/self/mounts", "utf8")
    .split("\n")
    .map((l) => l.split(" "))
    .find(([, , type, options]) => (controller ? type === "cgroup" && options!.split(",").includes(controller) : type === "cgroup2"))![1]!;

let t: TestLab | null = null;
let support: SupportPartition | null = null;
afterEach(async () => {
  await t?.cleanup();
  t = null;
  await support?.release();
  support = null;
});

describe.skipIf(why !== "")(`cpuset placement${why ? ` (skipped: ${why})` : ""}`, () => {
  it("support processes on the support cores, an initialising instance on the init cores (outweighing support where it shares their cores), a running one on the run cores; all undone at the end", async () => {
    const before = allowedOf(process.pid);
    const groupsBefore = readFileSync("/proc/self/cgroup", "utf8");
    const plan = planCpus(cpus, 1, [128]);
    const lists = { support: cpuList(plan.support), init: cpuList(plan.init), run: cpuList(plan.run), initPriority: plan.initSharesSupport };
    support = cgroups.partition!(lists);
    expect(support).not.toBeNull();
    const db = spawn("sleep", ["30"]);
    try {
      support!.join(db.pid!);
      expect(allowedOf(db.pid!)).toBe(lists.support);
      const supportGroup = /:cpu(,[^:]*)?:(\S*lambench)\/\d+-support$|^0::(\S*lambench)\/\d+-support$/m.exec(readFileSync(`/proc/${db.pid}/cgroup`, "utf8"));
      if (cgroups.support.cpu) {
        expect(supportGroup).not.toBeNull();
        // The lab's parent group outweighs everything outside it on the machine.
        const v1 = supportGroup![2] !== undefined;
        const weightFile = join(mountOf(v1 ? "cpu" : null), supportGroup![2] ?? supportGroup![3]!, v1 ? "cpu.shares" : "cpu.weight");
        expect(Number(readFileSync(weightFile, "utf8"))).toBe(v1 ? LAB_CPU_SHARES_V1 : LAB_CPU_WEIGHT_V2);
      }
    } finally {
      db.kill("SIGKILL");
    }
    t = startTestLab({ cgroups, maxConcurrentInits: plan.maxConcurrentInits });
    t.deploy("python", { environment: { LAB_TEST_INIT_SLEEP_S: "1" } });
    const pending: Promise<LabInvokeResult> = t.lab.invoke("python/fn", event);
    while (t.lab.liveInstances.length === 0 || t.lab.liveInstances[0]!.pid === undefined) await new Promise((r) => setTimeout(r, 10));
    const instance = t.lab.liveInstances[0]!;
    await new Promise((r) => setTimeout(r, 300));
    expect(allowedOf(instance.pid!)).toBe(lists.init);
    // Where init shares the support cores, an initialising instance outweighs the support processes.
    const dirs = instance.cgroupFiles.map((f) => dirname(f));
    const weight = () => {
      const v1 = dirs.find((d) => existsSync(join(d, "cpu.shares")));
      if (v1) return ["v1", Number(readFileSync(join(v1, "cpu.shares"), "utf8"))] as const;
      const v2 = dirs.find((d) => existsSync(join(d, "cpu.weight")));
      return ["v2", v2 ? Number(readFileSync(join(v2, "cpu.weight"), "utf8")) : null] as const;
    };
    const during = weight();
    if (plan.initSharesSupport) expect(during[1]).toBe(during[0] === "v1" ? INIT_CPU_SHARES_V1 : INIT_CPU_WEIGHT_V2);
    const result = await pending;
    if (!("record" in result)) throw new Error("throttled");
    expect(result.record.status).toBe("success");
    // The placement above was read while the instance was still in its (1 s) init phase.
    expect(result.record.initDurationMs).toBeGreaterThan(900);
    expect(allowedOf(instance.pid!)).toBe(lists.run);
    const after = weight();
    expect(after[1]).toBe(after[0] === "v1" ? DEFAULT_CPU_SHARES_V1 : DEFAULT_CPU_WEIGHT_V2);
    await t.cleanup();
    t = null;
    await support!.release();
    support = null;
    expect(allowedOf(process.pid)).toBe(before);
    expect(readFileSync("/proc/self/cgroup", "utf8")).toBe(groupsBefore);
  });
});
