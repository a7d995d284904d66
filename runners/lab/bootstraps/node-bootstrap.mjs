// Lab bootstrap for Node.js handlers: loads $_HANDLER from $LAMBDA_TASK_ROOT and loops over the
// Lambda Runtime API (next -> handler -> response | error), as the managed Node runtime does.
import { Agent, request } from "node:http";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [host, port] = process.env.AWS_LAMBDA_RUNTIME_API.split(":");
const agent = new Agent({ keepAlive: true, maxSockets: 1, noDelay: true });
const base = "/2018-06-01/runtime";

function call(method, path, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = request({ host, port: Number(port), method, path, agent, headers }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

function errorBody(e) {
  const err = e instanceof Error ? e : new Error(String(e));
  return JSON.stringify({ errorType: err.name || "Error", errorMessage: err.message, stackTrace: (err.stack || "").split("\n") });
}

async function loadHandler() {
  const spec = process.env._HANDLER || "";
  const dot = spec.lastIndexOf(".");
  if (dot < 1) throw Object.assign(new Error(`Bad handler ${spec}`), { name: "Runtime.MalformedHandlerName" });
  const moduleName = spec.slice(0, dot);
  const exportName = spec.slice(dot + 1);
  const root = process.env.LAMBDA_TASK_ROOT;
  const file = [".mjs", ".js", ".cjs"].map((ext) => join(root, moduleName + ext)).find((f) => existsSync(f));
  if (!file) throw Object.assign(new Error(`Cannot find module '${moduleName}'`), { name: "Runtime.ImportModuleError" });
  const mod = await import(pathToFileURL(file).href);
  const fn = mod[exportName] ?? mod.default?.[exportName];
  if (typeof fn !== "function") throw Object.assign(new Error(`${spec} is undefined or not exported`), { name: "Runtime.HandlerNotFound" });
  return fn;
}

function contextFor(headers) {
  const deadline = Number(headers["lambda-runtime-deadline-ms"]);
  return {
    awsRequestId: headers["lambda-runtime-aws-request-id"],
    invokedFunctionArn: headers["lambda-runtime-invoked-function-arn"],
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    callbackWaitsForEmptyEventLoop: true,
    getRemainingTimeInMillis: () => deadline - Date.now(),
  };
}

function runHandler(handler, event, context) {
  return new Promise((resolve, reject) => {
    const callback = (err, result) => (err ? reject(err) : resolve(result));
    try {
      const out = handler(event, context, callback);
      if (out && typeof out.then === "function") out.then(resolve, reject);
      else if (handler.length < 3) resolve(out);
    } catch (e) {
      reject(e);
    }
  });
}

let handler;
try {
  handler = await loadHandler();
} catch (e) {
  const type = e?.name?.startsWith("Runtime.") ? e.name : "Runtime.ImportModuleError";
  await call("POST", `${base}/init/error`, errorBody(e), { "Lambda-Runtime-Function-Error-Type": type, "Content-Type": "application/json" }).catch(() => {});
  process.exit(1);
}

for (;;) {
  let next;
  try {
    next = await call("GET", `${base}/invocation/next`);
  } catch {
    process.exit(0); // the lab is gone: so is this instance
  }
  const id = next.headers["lambda-runtime-aws-request-id"];
  process.env._X_AMZN_TRACE_ID = next.headers["lambda-runtime-trace-id"] ?? "";
  try {
    const result = await runHandler(handler, JSON.parse(next.body.toString("utf8")), contextFor(next.headers));
    await call("POST", `${base}/invocation/${id}/response`, JSON.stringify(result ?? null), { "Content-Type": "application/json" });
  } catch (e) {
    await call("POST", `${base}/invocation/${id}/error`, errorBody(e), { "Lambda-Runtime-Function-Error-Type": "Unhandled", "Content-Type": "application/json" }).catch(() => process.exit(0));
  }
}
