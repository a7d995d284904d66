// Test-only helpers: zips the test functions like real artefacts and deploys them into a lab.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { zipSync } from "fflate";
import { unpackArtefact } from "./artefacts.js";
import type { FunctionConfig } from "./instance.js";
import { Lab, type LabOptions } from "./lab.js";

const testFunctions = fileURLToPath(new URL("./test-functions/", import.meta.url));

export type TestRuntime = "node" | "python" | "custom";

const RUNTIMES: Record<TestRuntime, { lambdaRuntime: string; kind: "managed" | "custom"; handler: string }> = {
  node: { lambdaRuntime: "nodejs22.x", kind: "managed", handler: "index.handler" },
  python: { lambdaRuntime: "python3.11", kind: "managed", handler: "handler.handler" },
  custom: { lambdaRuntime: "provided.al2023", kind: "custom", handler: "bootstrap" },
};

export interface TestLab {
  lab: Lab;
  dir: string;
  logDir: string;
  deploy(runtime: TestRuntime, overrides?: Partial<FunctionConfig>): FunctionConfig;
  cleanup(): Promise<void>;
}

/** A zip of one test function folder, as a build would produce it. */
export function zipTestFunction(runtime: TestRuntime, outDir: string): string {
  const src = join(testFunctions, runtime);
  const files: Record<string, Uint8Array> = {};
  for (const name of readdirSync(src)) files[name] = new Uint8Array(readFileSync(join(src, name)));
  const zip = join(outDir, `${runtime}.zip`);
  writeFileSync(zip, zipSync(files));
  return zip;
}

export function startTestLab(options: Partial<LabOptions> = {}): TestLab {
  const dir = mkdtempSync(join(tmpdir(), "lambench-lab-test-"));
  const logDir = join(dir, "logs");
  const lab = new Lab({ logDir, ...options });
  return {
    lab,
    dir,
    logDir,
    deploy(runtime, overrides = {}) {
      const codeDir = unpackArtefact(zipTestFunction(runtime, dir), join(dir, "cache"));
      const config: FunctionConfig = {
        functionName: `test-${runtime}-fn`,
        runtime,
        function: "fn",
        ...RUNTIMES[runtime],
        codeDir,
        memoryMB: 256,
        timeoutMs: 10_000,
        region: "us-east-1",
        environment: { LAB_TEST_NODE: process.execPath, TABLE_NAME: "geo" },
        ...overrides,
      };
      lab.deploy(config);
      return config;
    },
    async cleanup() {
      await lab.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
