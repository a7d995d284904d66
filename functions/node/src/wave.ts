import { readJsonBody } from "./shared/request-body.js";
import { jsonText, type ProxyResponse } from "./shared/response.js";

/** Echoes any valid JSON body unchanged, byte for byte. */
export async function handler(event: unknown): Promise<ProxyResponse> {
  const body = readJsonBody(event);
  return body.ok ? jsonText(200, body.text) : body.response;
}
