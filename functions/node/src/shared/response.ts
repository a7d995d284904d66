// The proxy-integration response every service returns: a status and a JSON string body.
export interface ProxyResponse {
  statusCode: number;
  headers: { "Content-Type": "application/json" };
  body: string;
}

/** A response whose body is already JSON text (wave echoes the request bytes unchanged). */
export function jsonText(statusCode: number, body: string): ProxyResponse {
  return { statusCode, headers: { "Content-Type": "application/json" }, body };
}

export function json(statusCode: number, value: unknown): ProxyResponse {
  return jsonText(statusCode, JSON.stringify(value));
}

export const internalError = (): ProxyResponse => json(500, { error: "internal error" });
