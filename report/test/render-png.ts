// Just enough PNG reading to tell a blank screenshot from one with content.
import { inflateSync } from "node:zlib";

/** Distinct byte values in the decompressed image data: a blank page has a handful, content hundreds. */
export function pngDistinctBytes(png: Uint8Array): number {
  const buf = Buffer.from(png);
  if (buf.toString("latin1", 1, 4) !== "PNG") throw new Error("not a PNG");
  const idat: Buffer[] = [];
  for (let at = 8; at < buf.length;) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString("latin1", at + 4, at + 8);
    if (type === "IDAT") idat.push(buf.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return new Set(inflateSync(Buffer.concat(idat))).size;
}
