import { zipSync } from "fflate";

// A fixed timestamp and Unix mode make the archive depend on its content only.
const FIXED_MTIME = new Date(1980, 0, 1, 0, 0, 0);
const UNIX = 3;
const MODE_0644 = 0o644 << 16;

/** A deflated zip holding one file at the archive root. */
export function zipSingleFile(name: string, content: Uint8Array): Uint8Array {
  return zipSync({ [name]: [content, { mtime: FIXED_MTIME, os: UNIX, attrs: MODE_0644, level: 9 }] });
}
