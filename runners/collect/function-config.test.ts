// GetFunctionConfiguration against moto in server mode: the runtime, architecture and memory size a
// user's function is configured with fill what no mapping says; a missing function is reported.
import { CreateFunctionCommand } from "@aws-sdk/client-lambda";
import { zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFunctionsClient, describeFunctions } from "./function-config.js";
import { streamMapping } from "./mapping.js";
import { collectMessages } from "./messages.js";
import { startMoto, type Moto } from "./test-support/moto.js";

let moto: Moto;
const ROLE = "arn:aws:iam::123456789012:role/lambda-role";

/** moto checks that a function's role exists: create it with the IAM query API (moto does not check signatures). */
async function createRole(endpoint: string): Promise<void> {
  const body = new URLSearchParams({
    Action: "CreateRole",
    Version: "2010-05-08",
    RoleName: "lambda-role",
    AssumeRolePolicyDocument: JSON.stringify({
      Version: "2012-10-17",
      Statement: [{ Effect: "Allow", Principal: { Service: "lambda.amazonaws.com" }, Action: "sts:AssumeRole" }],
    }),
  });
  const res = await fetch(endpoint, {
    method: "POST",
    body,
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      authorization: "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0",
    },
  });
  if (!res.ok) throw new Error(`CreateRole: ${res.status} ${await res.text()}`);
}

beforeAll(async () => {
  process.env.AWS_ACCESS_KEY_ID = "test";
  process.env.AWS_SECRET_ACCESS_KEY = "test";
  moto = await startMoto();
  await createRole(moto.endpoint);
  const client = createFunctionsClient({ endpoint: moto.endpoint, region: "us-east-1" });
  const code = { ZipFile: zipSync({ "index.mjs": new TextEncoder().encode("export const handler = async () => ({});\n") }) };
  await client.send(
    new CreateFunctionCommand({
      FunctionName: "orders-api",
      Runtime: "nodejs20.x",
      Role: ROLE,
      Handler: "index.handler",
      Code: code,
      MemorySize: 512,
      Architectures: ["arm64"],
    }),
  );
  await client.send(new CreateFunctionCommand({ FunctionName: "checkout", Runtime: "python3.12", Role: ROLE, Handler: "app.handler", Code: code }));
  client.destroy();
}, 60_000);

afterAll(async () => {
  await moto?.stop();
});

describe("Lambda function configurations (moto)", () => {
  it("reads runtime, architecture and memory size, and reports a function that cannot be read", async () => {
    const client = createFunctionsClient({ endpoint: moto.endpoint, region: "us-east-1", maxAttempts: 1 });
    const { configurations, failures } = await describeFunctions(client, ["orders-api", "checkout", "gone"]);
    client.destroy();
    expect(configurations.get("orders-api")).toEqual({ runtime: "nodejs20.x", architecture: "arm64", memoryMB: 512 });
    expect(configurations.get("checkout")).toMatchObject({ runtime: "python3.12", architecture: "x86_64" });
    expect(configurations.has("gone")).toBe(false);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(
      /^could not read the configuration of Lambda function gone \(ResourceNotFoundException: .*\): its runtime comes from INIT_START lines or is recorded as unknown$/,
    );

    const mapping = streamMapping({ architecture: "x86_64", configurations });
    expect(mapping({ logGroupName: "/aws/lambda/orders-api", logStreamName: "s" })).toEqual({
      runtime: "nodejs20.x",
      function: "orders-api",
      architecture: "arm64",
    });
    expect(mapping({ logGroupName: "/aws/lambda/gone", logStreamName: "s" })).toEqual({ runtime: "unknown", function: "gone", architecture: "x86_64" });
  }, 60_000);

  it("names the groups skipped as unmapped when no REPORT line is left", () => {
    expect(collectMessages.noReportLines(["/a", "/b"], "t0", "t1", new Map([["/b", 3]]))).toBe(
      "no REPORT lines found for /a, /b between t0 and t1; REPORT lines skipped as unmapped (no runtime/function): /b (3)",
    );
  });
});
