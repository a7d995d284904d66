// Reading a user's input file (an export, a log file) as text: a missing file and a binary file
// are refused with a message naming the file, instead of a raw ENOENT or bytes on the terminal.
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from "node:fs";
import { inputMessages as msg } from "./messages.js";

/** Formats recognised by their first bytes, so the refusal can say what the file is. */
const SIGNATURES: { bytes: number[]; format: string }[] = [
  { bytes: [0x1f, 0x8b], format: "a gzip archive (decompress it first: gunzip)" },
  { bytes: [0x50, 0x4b, 0x03, 0x04], format: "a zip archive or a spreadsheet (.xlsx); export or unzip it as CSV" },
  { bytes: [0x50, 0x41, 0x52, 0x31], format: "a Parquet file" },
  { bytes: [0x25, 0x50, 0x44, 0x46], format: "a PDF document" },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], format: "an executable (ELF)" },
];

const SNIFF_BYTES = 8192;

/** Why the first bytes are not text, or null when they look like UTF-8 text. */
export function binaryReason(head: Uint8Array): string | null {
  const known = SIGNATURES.find((s) => s.bytes.every((b, i) => head[i] === b));
  if (known) return known.format;
  if (head.includes(0)) return "binary data (it contains NUL bytes)";
  // The last bytes may cut a multi-byte character: decode only up to the last complete one.
  let end = head.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = head[end - back]!;
    if ((b & 0xc0) === 0xc0) {
      end -= back;
      break;
    }
    if ((b & 0x80) === 0) break;
  }
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(head.subarray(0, end));
  } catch {
    return "not UTF-8 text";
  }
  return null;
}

/** The file's text, or an error naming the file: missing, a folder, or binary (judged by its first bytes). */
export function readTextInput(file: string): string {
  if (!existsSync(file)) throw new Error(msg.missing(file));
  if (statSync(file).isDirectory()) throw new Error(msg.isFolder(file));
  const fd = openSync(file, "r");
  const head = Buffer.alloc(SNIFF_BYTES);
  let n: number;
  try {
    n = readSync(fd, head, 0, SNIFF_BYTES, 0);
  } finally {
    closeSync(fd);
  }
  const why = binaryReason(head.subarray(0, n));
  if (why) throw new Error(msg.binary(file, why, [...head.subarray(0, Math.min(n, 4))].map((b) => b.toString(16).padStart(2, "0")).join(" ")));
  return readFileSync(file, "utf8");
}
