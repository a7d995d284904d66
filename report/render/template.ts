// `{{name}}` inserts escaped text, `{{{name}}}` inserts HTML. A placeholder without a value is an
// error naming the template, so a renamed field cannot silently empty a page.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { escapeHtml } from "../notebook/table-html.js";
import { renderMessages } from "./messages.js";

export function fillTemplate(name: string, template: string, values: Record<string, string>): string {
  return template.replace(/\{\{(\{?)\s*([\w-]+)\s*\}?\}\}/g, (_match, raw: string, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(renderMessages.templateValueMissing(name, key));
    return raw ? value : escapeHtml(value);
  });
}

export function readTemplate(templatesDir: string, name: string): string {
  return readFileSync(join(templatesDir, name), "utf8");
}
