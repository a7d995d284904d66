// The committed SAM template against its sources of truth: the manifest (every entry deployed,
// nothing else), table.json (the table), least privilege, and cfn-lint.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCfn } from "./deploy/cfn-yaml.js";
import { tableAccessOf } from "./deploy/table-access.js";
import { buildTemplate, renderTemplate, templatePath } from "./deploy/template.js";
import { loadManifest, parseManifest, repoRoot, runtimeSpec } from "./manifest.js";

type Json = Record<string, unknown>;
const manifest = loadManifest();
const text = readFileSync(templatePath, "utf8");
const template = parseCfn(text) as { Resources: Record<string, { Type: string; Properties: Json }>; [k: string]: unknown };
const resources = Object.entries(template.Resources);
const functions = resources.filter(([, r]) => r.Type === "AWS::Serverless::Function");

interface Deployed {
  route: string;
  handler: unknown;
  runtime: unknown;
  codeUri: unknown;
}

function deployed([id, resource]: [string, { Properties: Json }]): Deployed {
  const events = Object.values(resource.Properties["Events"] as Record<string, { Type: string; Properties: Json }>);
  expect(events, `${id}: exactly one API event`).toHaveLength(1);
  const [event] = events;
  expect(event!.Type).toBe("Api");
  expect(event!.Properties["Method"]).toBe("post");
  expect(event!.Properties["RestApiId"]).toEqual({ Ref: "Api" });
  return {
    route: event!.Properties["Path"] as string,
    handler: resource.Properties["Handler"],
    runtime: resource.Properties["Runtime"],
    codeUri: resource.Properties["CodeUri"],
  };
}

const byRoute = (a: Deployed, b: Deployed) => a.route.localeCompare(b.route);

describe("functions/template.yaml", () => {
  it("is what the generator makes from the current manifest (regenerate: node --import tsx functions/cli/template.ts)", () => {
    expect(text).toBe(renderTemplate(manifest));
  });

  it("deploys every manifest entry, and nothing else, with its handler, Lambda runtime, route and artefact", () => {
    const expected: Deployed[] = manifest.entries.map((e) => ({
      route: `/${e.runtime}/${e.function}`,
      handler: e.handler,
      runtime: runtimeSpec(manifest, e.runtime).lambdaRuntime,
      codeUri: relative(join(repoRoot, "functions"), join(repoRoot, e.artefact)),
    }));
    expect(functions.map(deployed).sort(byRoute)).toEqual(expected.sort(byRoute));
  });

  it("defines the geo table exactly as table.json (name left to CloudFormation)", () => {
    const { $comment: _c, TableName: _n, ...table } = JSON.parse(readFileSync(join(repoRoot, "functions/conformance/table.json"), "utf8")) as Json;
    const tables = resources.filter(([, r]) => r.Type === "AWS::DynamoDB::Table");
    expect(tables).toHaveLength(1);
    expect(tables[0]![1].Properties).toEqual(table);
    const globals = template["Globals"] as { Function: { Environment: { Variables: Json } } };
    expect(globals.Function.Environment.Variables).toEqual({ TABLE_NAME: { Ref: tables[0]![0] } });
  });

  it("grants each function only what its code does to the table", () => {
    const tableArn = { "Fn::GetAtt": ["GeoTable", "Arn"] };
    const indexArn = { "Fn::Sub": "${GeoTable.Arn}/index/geo-index" };
    for (const [id, resource] of functions) {
      const route = deployed([id, resource]).route;
      const fn = manifest.functions.find((f) => route.endsWith(`/${f.id}`))!;
      const access = tableAccessOf(manifest, fn.id);
      const policies = resource.Properties["Policies"];
      const expected = {
        none: undefined,
        put: [{ Statement: [{ Effect: "Allow", Action: ["dynamodb:PutItem"], Resource: tableArn }] }],
        "query-index": [{ Statement: [{ Effect: "Allow", Action: ["dynamodb:Query"], Resource: indexArn }] }],
      }[access];
      expect(policies, `${id} (${access})`).toEqual(expected);
    }
  });

  it("takes memory size, architecture and stage as parameters and outputs the API URL and table name", () => {
    const parameters = template["Parameters"] as Record<string, { AllowedValues?: unknown[]; Default?: unknown }>;
    expect(parameters["MemorySize"]!.AllowedValues).toEqual(expect.arrayContaining([128, 256, 512, 1024]));
    expect(parameters["MemorySize"]!.Default).toBe(128);
    expect(parameters["Architecture"]!.AllowedValues).toEqual(["x86_64", "arm64"]);
    expect(parameters["StageName"]).toBeDefined();
    expect(Object.keys(template["Outputs"] as Json)).toEqual(expect.arrayContaining(["ApiUrl", "TableName"]));
    expect(template["Transform"]).toBe("AWS::Serverless-2016-10-31");
  });

  it("refuses to generate a template for a service whose table access is not declared", () => {
    const extra = structuredClone(JSON.parse(readFileSync(join(repoRoot, "functions/manifest.json"), "utf8"))) as {
      functions: Json[];
      entries: Json[];
    };
    extra.functions.push({ id: "resize", role: "benchmark", description: "fixture", payload: {} });
    extra.entries.push({ runtime: "node", function: "resize", handler: "index.handler", build: "true", artefact: "functions/node/dist/resize.zip" });
    const added = extra.functions.length - 1;
    expect(() => buildTemplate(parseManifest(extra))).toThrow(new RegExp(`functions\\.${added}\\.tableAccess`));
    extra.functions[added]!["tableAccess"] = "put";
    const policies = buildTemplate(parseManifest(extra))["Resources"] as Record<string, { Properties?: { CodeUri?: string; Policies?: unknown } }>;
    const resize = Object.values(policies).find((r) => r.Properties?.CodeUri?.endsWith("resize.zip"));
    expect(JSON.stringify(resize?.Properties?.Policies)).toContain("dynamodb:PutItem");
  });
});

describe("cfn-lint", () => {
  // Warnings the project knowingly carries; every other finding fails.
  const ACCEPTED: Record<string, string> = {};
  const cfnLint = join(repoRoot, ".venv", "bin", "cfn-lint");

  it("accepts functions/template.yaml", () => {
    expect(existsSync(cfnLint), `${cfnLint} is missing: install requirements-dev.txt into .venv`).toBe(true);
    const run = spawnSync(cfnLint, ["--format", "json", "--", templatePath], { cwd: repoRoot, encoding: "utf8" });
    expect(run.error).toBeUndefined();
    const findings = JSON.parse(run.stdout || "[]") as { Level: string; Message: string; Rule: { Id: string }; Location: { Start: { LineNumber: number } } }[];
    const unexpected = findings.filter((f) => !(f.Rule.Id in ACCEPTED)).map((f) => `${f.Level} ${f.Rule.Id} line ${f.Location.Start.LineNumber}: ${f.Message}`);
    expect(unexpected).toEqual([]);
    expect(run.status === 0 || findings.length > 0, `cfn-lint exited ${run.status}: ${run.stderr}`).toBe(true);
  }, 120_000);
});
