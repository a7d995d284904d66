// How an instance starts follows its runtime's family (manifest `family.start`), whatever the
// runtime is called.
import { describe, expect, it } from "vitest";
import { runtimeCommand, runtimeEnvironment, type InstanceSpec, type Interpreters } from "./environment.js";

const interpreters: Interpreters = { node: "/rt/node", nodeRic: "/rt/ric/index.mjs", python: "/usr/bin/python3", pythonRicDir: "/rt/python" };
const spec = (start: InstanceSpec["start"], lambdaRuntime: string): InstanceSpec => ({
  functionName: "fn",
  lambdaRuntime,
  start,
  handler: "mod.handler",
  codeDir: "/code",
  memoryMB: 1000,
  region: "us-east-1",
  logStreamName: "stream",
  environment: { TABLE_NAME: "geo" },
});

describe("an instance's command and environment by family", () => {
  it("runs aws-lambda-ric on the lab's Node.js with Lambda's memory-derived heap limits", () => {
    const s = spec("aws-lambda-ric", "anything22.x");
    expect(runtimeCommand(s, interpreters)).toEqual({
      command: "/rt/node",
      args: ["--max-semi-space-size=25", "--max-old-space-size=875", "/rt/ric/index.mjs"],
    });
    const env = runtimeEnvironment(s, "127.0.0.1:9", interpreters);
    expect(env).toMatchObject({ LAMBDA_RUNTIME_DIR: "/rt/ric", AWS_EXECUTION_ENV: "AWS_Lambda_anything22.x", _HANDLER: "mod.handler", TABLE_NAME: "geo" });
    expect(env.PYTHONPATH).toBeUndefined();
  });

  it("runs awslambdaric as a module with the handler, its folder on PYTHONPATH", () => {
    const s = spec("awslambdaric", "other3.11");
    expect(runtimeCommand(s, interpreters)).toEqual({ command: "/usr/bin/python3", args: ["-m", "awslambdaric", "mod.handler"] });
    expect(runtimeEnvironment(s, "127.0.0.1:9", interpreters)).toMatchObject({
      LAMBDA_RUNTIME_DIR: "/rt/python",
      PYTHONPATH: "/rt/python",
      AWS_EXECUTION_ENV: "AWS_Lambda_other3.11",
    });
  });

  it("runs a bootstrap from the code folder, with no execution-environment name", () => {
    const s = spec("bootstrap", "custom.2023");
    expect(runtimeCommand(s, interpreters)).toEqual({ command: "/code/bootstrap", args: [] });
    const env = runtimeEnvironment(s, "127.0.0.1:9", interpreters);
    expect(env.LAMBDA_RUNTIME_DIR).toBe("/code");
    expect(env.AWS_EXECUTION_ENV).toBeUndefined();
  });
});
