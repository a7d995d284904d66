import type { Block } from "../lib/section.js";

type TableBlock = Extract<Block, { kind: "table" }>;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isInteger(value) ? String(value) : String(Math.round(value * 1000) / 1000);
  return String(value);
}

/** A plain HTML table of a table block (the notebook view and the site page share it). */
export function tableToHtml(block: TableBlock): string {
  const head = block.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join("");
  const body = block.rows.map((row) => `<tr>${block.columns.map((c) => `<td>${escapeHtml(formatCell(row[c]))}</td>`).join("")}</tr>`).join("\n");
  return `<table class="data-table">\n<caption>${escapeHtml(block.title)}</caption>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}
