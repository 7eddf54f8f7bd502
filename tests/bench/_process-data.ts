/**
 * Files for the whole-process benchmark: the synthetic 100-leaf framework as YAML, its
 * evidence as JSON (`{"units":{...}}`, the spec's shape) and the inputs as a long-form CSV
 * (`unit,input,value`). Units are generated in chunks so that 100,000 of them never sit in
 * memory at once; the same count and seed always give the same bytes.
 */
import { createWriteStream, type WriteStream } from "node:fs";
import { syntheticEvidence, syntheticFrameworkYaml } from "../../fixtures/engine/synthetic.js";

const CHUNK = 1000;

export function frameworkYaml(): string {
  return syntheticFrameworkYaml({ leaves: 100 });
}

async function write(out: WriteStream, text: string): Promise<void> {
  if (!out.write(text)) await new Promise<void>((r) => out.once("drain", () => r()));
}

async function close(out: WriteStream): Promise<void> {
  await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
}

/** Unit `i`'s code: `u` and six digits, so codes sort as numbers. */
const code = (i: number) => `u${String(i).padStart(6, "0")}`;

function* chunks(count: number): Generator<[string, ReturnType<typeof syntheticEvidence>[string]][]> {
  for (let start = 0; start < count; start += CHUNK) {
    const n = Math.min(CHUNK, count - start);
    const units = Object.values(syntheticEvidence(n, { leaves: 100, seed: 1 + start / CHUNK }));
    yield units.map((u, i) => [code(start + i), u]);
  }
}

/** Writes `count` units of JSON evidence; returns the bytes written. */
export async function writeEvidenceJson(path: string, count: number): Promise<number> {
  const out = createWriteStream(path);
  let bytes = 0;
  let first = true;
  const put = async (s: string) => {
    bytes += Buffer.byteLength(s);
    await write(out, s);
  };
  await put('{"units":{');
  for (const chunk of chunks(count)) {
    const parts: string[] = [];
    for (const [c, u] of chunk) {
      parts.push(`${first ? "" : ","}\n${JSON.stringify(c)}:${JSON.stringify(u)}`);
      first = false;
    }
    await put(parts.join(""));
  }
  await put("\n}}\n");
  await close(out);
  return bytes;
}

/** Writes the inputs of `count` units as a long-form CSV; returns the data rows written. */
export async function writeEvidenceCsv(path: string, count: number): Promise<number> {
  const out = createWriteStream(path);
  let rows = 0;
  await write(out, "unit,input,value\n");
  for (const chunk of chunks(count)) {
    const lines: string[] = [];
    for (const [c, u] of chunk) {
      for (const [name, value] of Object.entries(u.inputs)) {
        if (value === null) continue;
        lines.push(`${c},${name},${String(value)}\n`);
        rows++;
      }
    }
    await write(out, lines.join(""));
  }
  await close(out);
  return rows;
}

/** Writes the points table of `count` units (`unit,criterion,self,appraised`); returns the data rows written. */
export async function writePointsCsv(path: string, count: number): Promise<number> {
  const out = createWriteStream(path);
  let rows = 0;
  await write(out, "unit,criterion,self,appraised\n");
  for (const chunk of chunks(count)) {
    const lines: string[] = [];
    for (const [c, u] of chunk) {
      for (const [id, p] of Object.entries(u.points)) {
        lines.push(`${c},${id},${p.self ?? ""},${p.appraised ?? ""}\n`);
        rows++;
      }
    }
    await write(out, lines.join(""));
  }
  await close(out);
  return rows;
}
