// Generates the SAM template (functions/template.yaml) from the manifest and table.json, so the
// deployed functions are exactly the manifest's entries.
import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { functionSpec, repoRoot, runtimeSpec, type Manifest, type ManifestEntry } from "../manifest.js";
import { getAtt, ref, stringifyCfn, sub } from "./cfn-yaml.js";
import { tableAccessOf } from "./table-access.js";

export const templatePath = join(repoRoot, "functions", "template.yaml");
export const tablePath = join(repoRoot, "functions", "conformance", "table.json");

export const MEMORY_SIZES = [128, 256, 512, 1024, 1536, 1769, 2048, 3008] as const;
const TABLE_ID = "GeoTable";
const API_ID = "Api";
const GEO_INDEX = "geo-index";

const pascal = (id: string): string =>
  id
    .split("-")
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join("");

export const functionLogicalId = (e: Pick<ManifestEntry, "runtime" | "function">): string => `${pascal(e.runtime)}${pascal(e.function)}Function`;
export const routeOf = (e: Pick<ManifestEntry, "runtime" | "function">): string => `/${e.runtime}/${e.function}`;
/** CodeUri is relative to the template's folder. */
export const codeUriOf = (e: Pick<ManifestEntry, "artefact">): string => relative(dirname(templatePath), join(repoRoot, e.artefact));

/** table.json as the table resource's properties; the name is left to CloudFormation so stacks can coexist. */
export function tableProperties(path = tablePath): Record<string, unknown> {
  const { $comment: _comment, TableName: _name, ...properties } = JSON.parse(readFileSync(path, "utf8")) as Record<string, unknown>;
  return properties;
}

function policiesFor(manifest: Manifest, functionId: string): unknown[] | undefined {
  switch (tableAccessOf(manifest, functionId)) {
    case "none":
      return undefined;
    case "put":
      return [{ Statement: [{ Effect: "Allow", Action: ["dynamodb:PutItem"], Resource: getAtt(TABLE_ID, "Arn") }] }];
    case "query-index":
      return [{ Statement: [{ Effect: "Allow", Action: ["dynamodb:Query"], Resource: sub(`\${${TABLE_ID}.Arn}/index/${GEO_INDEX}`) }] }];
  }
}

function functionResources(manifest: Manifest, entry: ManifestEntry): Record<string, unknown> {
  const id = functionLogicalId(entry);
  const spec = functionSpec(manifest, entry.function);
  return {
    [id]: {
      Type: "AWS::Serverless::Function",
      Properties: {
        Description: `lambench ${entry.runtime}/${entry.function}: ${spec.description}`,
        CodeUri: codeUriOf(entry),
        Handler: entry.handler,
        Runtime: runtimeSpec(manifest, entry.runtime).lambdaRuntime,
        Policies: policiesFor(manifest, spec.id),
        Events: { Api: { Type: "Api", Properties: { RestApiId: ref(API_ID), Path: routeOf(entry), Method: "post" } } },
      },
    },
    [`${id}Logs`]: {
      Type: "AWS::Logs::LogGroup",
      Properties: { LogGroupName: sub(`/aws/lambda/\${${id}}`), RetentionInDays: ref("LogRetentionDays") },
    },
  };
}

export function buildTemplate(manifest: Manifest, table = tableProperties()): Record<string, unknown> {
  const functionNames = manifest.entries.map((e) => `"${e.runtime}/${e.function}":"\${${functionLogicalId(e)}}"`).join(",");
  return {
    AWSTemplateFormatVersion: "2010-09-09",
    Transform: "AWS::Serverless-2016-10-31",
    Description: "lambench: the manifest's functions behind one REST API, with the geo table",
    Parameters: {
      MemorySize: { Type: "Number", Description: "Memory of every function, MB", AllowedValues: [...MEMORY_SIZES], Default: 128 },
      Architecture: { Type: "String", Description: "Instruction set of every function", AllowedValues: ["x86_64", "arm64"], Default: "x86_64" },
      StageName: { Type: "String", Description: "API Gateway stage", AllowedPattern: "^[A-Za-z0-9_]+$", Default: "bench" },
      LogRetentionDays: { Type: "Number", Description: "Days the functions' logs are kept", AllowedValues: [1, 3, 5, 7, 14, 30], Default: 7 },
    },
    Globals: {
      Function: {
        MemorySize: ref("MemorySize"),
        Architectures: [ref("Architecture")],
        Timeout: 30,
        Environment: { Variables: { TABLE_NAME: ref(TABLE_ID) } },
      },
    },
    Resources: {
      [API_ID]: { Type: "AWS::Serverless::Api", Properties: { StageName: ref("StageName") } },
      [TABLE_ID]: { Type: "AWS::DynamoDB::Table", DeletionPolicy: "Delete", UpdateReplacePolicy: "Delete", Properties: table },
      ...Object.assign({}, ...manifest.entries.map((e) => functionResources(manifest, e))),
    },
    Outputs: {
      ApiUrl: {
        Description: "Base URL; POST to <ApiUrl>/<runtime>/<function>",
        Value: sub(`https://\${${API_ID}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}/\${StageName}`),
      },
      TableName: { Description: "The geo table", Value: ref(TABLE_ID) },
      FunctionNames: { Description: "JSON map of <runtime>/<function> to the deployed function name", Value: sub(`{${functionNames}}`) },
    },
  };
}

export const TEMPLATE_HEADER =
  " Generated from functions/manifest.json and functions/conformance/table.json by\n `node --import tsx functions/cli/template.ts`. Do not edit: regenerate.";

export function renderTemplate(manifest: Manifest, table = tableProperties()): string {
  return stringifyCfn(buildTemplate(manifest, table), TEMPLATE_HEADER);
}
