// The fast CSV reader must behave exactly like the csv-parse reader: same columns, same errors
// (file, line, field), on plain files and on every irregular one. Inputs are small generated
// FIXTURE texts; each is read with several chunk sizes so records are cut at every position.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { INVOCATION_COLUMNS } from "../../../runners/dataset/contract.js";
import { readCsvColumnsWithCsvParse } from "./csv-parse-reader.js";
import { readCsvColumns, readPlainCsvColumns } from "./csv.js";
import { parseDecimal } from "./decimal.js";
import { invocationFields } from "./normalise.js";

const dir = mkdtempSync(join(tmpdir(), "lambench-csv-test-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fields = invocationFields();

const HEADER = INVOCATION_COLUMNS.join(",");
const ROW = "node,wave,128,x86_64,2,req-1,2025-09-01T10:00:00.007Z,inst-1,12.5,13,63,250.25,,success,";
/** The header and a row without the trial column, as datasets from before trials (and imports) have them. */
const WITHOUT_TRIAL = (text: string) =>
  text
    .split(",")
    .filter((_, i) => INVOCATION_COLUMNS[i] !== "trial")
    .join(",");
const row = (changes: Partial<Record<(typeof INVOCATION_COLUMNS)[number], string>>) =>
  INVOCATION_COLUMNS.map((c, i) => changes[c] ?? ROW.split(",")[i]).join(",");

type Outcome = { ok: true; rows: number; columns: Record<string, unknown[]> } | { ok: false; error: string; type: string };

async function outcome(read: () => Promise<{ rows: number; columns: Record<string, ArrayLike<unknown>> }>): Promise<Outcome> {
  try {
    const { rows, columns } = await read();
    return { ok: true, rows, columns: Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, Array.from(v)])) };
  } catch (e) {
    return { ok: false, error: (e as Error).message, type: (e as Error).name };
  }
}

let files = 0;
/** Reads `text` both ways; `plain` says whether the scanner must read it itself (else it must hand it to csv-parse). */
async function expectSameAsCsvParse(text: string | Buffer, plain: boolean, chunkSizes = [1, 2, 3, 7, 64, 1 << 22]): Promise<Outcome> {
  const path = join(dir, `case-${files++}.csv`);
  writeFileSync(path, text);
  const shown = "data/x/invocations.csv";
  const reference = await outcome(() => readCsvColumnsWithCsvParse(path, fields, { shown }));
  for (const chunkBytes of chunkSizes) {
    const options = { shown, chunkBytes, expectedRows: 2 };
    const scanned = await outcome(async () => (await readPlainCsvColumns(path, fields, options)) ?? { rows: -1, columns: {} });
    expect(scanned.ok === false || scanned.rows !== -1, `read by the scanner itself (chunk ${chunkBytes})`).toBe(plain);
    // Object.is semantics inside toEqual keep −0 and 0 apart.
    expect(await outcome(() => readCsvColumns(path, fields, options)), `chunk ${chunkBytes}`).toEqual(reference);
  }
  return reference;
}

const lines = (...l: string[]) => l.join("\n") + "\n";

describe("fast CSV reader agrees with csv-parse", () => {
  const cases: [string, string | Buffer, boolean][] = [
    ["a plain file", lines(HEADER, ROW, row({ runtime: "go", initDurationMs: "" }), row({ durationMs: "0.001", memoryMB: "1024" })), true],
    ["no final newline", HEADER + "\n" + ROW, true],
    ["no trial column (a single-trial dataset)", lines(WITHOUT_TRIAL(HEADER), WITHOUT_TRIAL(ROW), WITHOUT_TRIAL(row({ requestId: "req-2" }))), true],
    ["no trial column, read by csv-parse", [WITHOUT_TRIAL(HEADER), WITHOUT_TRIAL(ROW)].join("\r\n") + "\r\n", false],
    ["a trial of 0", lines(HEADER, ROW, row({ trial: "0" })), true],
    ["a fractional trial", lines(HEADER, row({ trial: "1.5" })), true],
    ["an empty trial", lines(HEADER, row({ trial: "" })), true],
    ["a byte-order mark", "\ufeff" + lines(HEADER, ROW), true],
    ["empty lines", "\n" + lines(HEADER, "", ROW, "", "", row({ requestId: "req-2" })) + "\n", true],
    ["columns in another order", lines([...INVOCATION_COLUMNS].reverse().join(","), [...ROW.split(",")].reverse().join(",")), true],
    ["quoted fields", lines(HEADER, row({ errorType: '"a, ""quoted"" error"', requestId: '"req-9"', durationMs: '"7.25"' })), true],
    ["a newline inside quotes", lines(HEADER, row({ errorType: '"two\nlines"' }), row({ durationMs: "abc" })), true],
    ["an error after a multi-line field", lines(HEADER, row({ errorType: '"two\nlines"', durationMs: "x" })), true],
    ["UTF-8 text", lines(HEADER, row({ errorType: "Fehler: ü € 😀", instanceId: "ïnst" })), true],
    ["CRLF line ends", [HEADER, ROW, ROW].join("\r\n") + "\r\n", false],
    ["a stray quote", lines(HEADER, row({ errorType: 'a"b' })), false],
    ["text after a closing quote", lines(HEADER, row({ errorType: '"a"b' })), false],
    ["an unclosed quote", lines(HEADER, row({ errorType: '"abc' })), false],
    ["a short record", lines(HEADER, ROW, ROW.slice(0, ROW.lastIndexOf(","))), false],
    ["a long record", lines(HEADER, ROW + ",extra"), false],
    ["a bad field before a syntax error", lines(HEADER, row({ durationMs: "abc" }), ROW + ",extra"), false],
    ["two bad fields in one row", lines(HEADER, row({ status: "fine", memoryMB: "0" })), true],
    ["bad fields on two rows", lines(HEADER, ROW, row({ maxMemoryUsedMB: "-1" }), row({ runtime: "cobol 85" })), true],
    ["an unknown column", lines(HEADER + ",extra", ROW + ",1"), true],
    ["a missing column", lines(HEADER.replace(",errorType", ""), ROW.slice(0, ROW.lastIndexOf(","))), true],
    ["a repeated column", lines(HEADER + ",status", ROW + ",error"), true],
    ["header only", lines(HEADER), true],
    ["only empty lines", "\n\n\n", true],
    ["an enumerated value in another case", lines(HEADER, row({ runtime: "Node" })), true],
    ["an enumerated value too long", lines(HEADER, row({ runtime: "nodejs" })), true],
    ["an enumerated value too short", lines(HEADER, row({ architecture: "arm" })), true],
    ["a bad timestamp", lines(HEADER, row({ timestamp: "2025-09-01 10:00:00" })), true],
    ["an empty request id", lines(HEADER, row({ requestId: "" })), true],
    [
      "text values repeated, then a refused one",
      lines(
        HEADER,
        row({ instanceId: "i-1" }),
        row({ instanceId: "i-2" }),
        row({ instanceId: "i-1", runtime: "go" }),
        row({ runtime: "go" }),
        row({ runtime: "cobol 85" }),
      ),
      true,
    ],
    ["a refused text value repeated", lines(HEADER, ROW, row({ function: "no way" }), row({ function: "no way" })), true],
    ["invalid UTF-8", Buffer.concat([Buffer.from(HEADER + "\n" + ROW), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from("\n")]), true],
  ];
  for (const [label, text, plain] of cases) it(`on ${label}`, () => expectSameAsCsvParse(text, plain));

  it("on every number form Number() accepts or refuses", async () => {
    const forms = [
      "0",
      "-0",
      "5",
      "007",
      " 5",
      "5 ",
      "+5",
      "1e3",
      "1E-2",
      "0x10",
      ".5",
      "5.",
      "-.5",
      "1.5.2",
      "12345678901234567",
      "0.1234567890123456789",
      "999999999999999",
      "9999999999999999",
      "Infinity",
      "NaN",
      "1_000",
      "",
      "-",
      "٣",
    ];
    for (const f of forms) {
      const result = await expectSameAsCsvParse(
        lines(HEADER, row({ durationMs: f, initDurationMs: f, billedDurationMs: f.startsWith("-") ? "1" : f || "1" })),
        true,
      );
      expect(result.ok || result.error.includes("line 2")).toBe(true);
    }
  });

  it("on a file larger than one read, with rows cut at every read boundary", async () => {
    const many = [HEADER];
    for (let i = 0; i < 40_000; i++)
      many.push(row({ requestId: `req-${i}`, durationMs: String(i / 7), errorType: i % 997 === 0 ? '"multi\nline, ""quoted"""' : "" }));
    const result = await expectSameAsCsvParse(lines(...many), true, [999, 65_536, 1 << 22]);
    expect(result).toMatchObject({ ok: true, rows: 40_000 });
  });

  it("on more distinct text values than are remembered, and earlier ones repeated after", async () => {
    const many = [HEADER];
    for (let i = 0; i < 6_000; i++) many.push(row({ requestId: `req-${i}`, instanceId: `i-${i % 5_000}`, runtime: i % 3 ? "go" : "node" }));
    const result = await expectSameAsCsvParse(lines(...many), true, [999, 1 << 22]);
    expect(result).toMatchObject({ ok: true, rows: 6_000 });
  });

  it("reads a missing trial column as trial 1 and the column's values when present", async () => {
    const without = await expectSameAsCsvParse(lines(WITHOUT_TRIAL(HEADER), WITHOUT_TRIAL(ROW), WITHOUT_TRIAL(row({ requestId: "req-2" }))), true);
    expect(without).toMatchObject({ ok: true, rows: 2, columns: { trial: [1, 1], requestId: ["req-1", "req-2"] } });
    const withTrials = await expectSameAsCsvParse(lines(HEADER, ROW, row({ trial: "3" })), true);
    expect(withTrials).toMatchObject({ ok: true, rows: 2, columns: { trial: [2, 3] } });
  });

  it("names file, line and field for a bad trial", async () => {
    const result = await expectSameAsCsvParse(lines(HEADER, ROW, row({ trial: "0" })), true);
    expect(result).toMatchObject({ ok: false, error: 'data/x/invocations.csv line 3, field trial: "0" is not a positive integer' });
  });

  it("names file, line and field for a bad value", async () => {
    const result = await expectSameAsCsvParse(lines(HEADER, ROW, "", row({ durationMs: "abc" })), true);
    expect(result).toMatchObject({ ok: false, error: 'data/x/invocations.csv line 4, field durationMs: "abc" is not a number' });
  });
});

describe("parseDecimal", () => {
  it("equals Number(text) for plain decimals of up to 15 digits and declines every other form", () => {
    const texts = ["0", "-0", "1", "12.5", "0.1", "0.3", "123456789012345", "99999999999999.9", "1.000000000000001", "4.35", "0.000001", "1234567.891"];
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let i = 0; i < 20_000; i++) texts.push((random() * 10 ** Math.floor(random() * 12)).toFixed(Math.floor(random() * 8)));
    for (const t of texts) {
      const bytes = Buffer.from(`x${t}y`);
      const expected = t.replace(/\D/g, "").length <= 15 ? Number(t) : NaN;
      expect(Object.is(parseDecimal(bytes, 1, bytes.length - 1), expected), t).toBe(true);
    }
    for (const t of ["", "-", "+1", "1e3", ".5", "5.", " 1", "0x1", "1234567890123456", "1.2.3"]) {
      expect(parseDecimal(Buffer.from(t), 0, t.length), t).toBeNaN();
    }
  });
});
