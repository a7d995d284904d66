// Turns an API Gateway proxy event into the parsed JSON payload, or the 400 response the
// contract prescribes. Never throws: the event is outside input.
import { json, type ProxyResponse } from "./response.js";

export type BodyResult = { ok: true; text: string; value: unknown } | { ok: false; response: ProxyResponse };

interface ProxyEventLike {
  body?: unknown;
  isBase64Encoded?: unknown;
}

export function readJsonBody(event: unknown): BodyResult {
  const { body, isBase64Encoded } = (typeof event === "object" && event !== null ? event : {}) as ProxyEventLike;
  if (typeof body !== "string" || body === "") return fail({ error: "missing body" });
  const text = isBase64Encoded === true ? Buffer.from(body, "base64").toString("utf8") : body;
  if (text === "") return fail({ error: "missing body" });
  try {
    return { ok: true, text, value: JSON.parse(text) as unknown };
  } catch {
    return fail({ error: "invalid JSON" });
  }
}

function fail(error: object): BodyResult {
  return { ok: false, response: json(400, error) };
}
