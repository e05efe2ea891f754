// Hostile request bodies derived from a valid one (tests/hostile-input.test.ts).
export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type BodyInput = { kind: string; label: string; raw?: string; body?: Json; status: number[]; field?: string };
const ONE_MB = 1024 * 1024;

/** Every leaf of a JSON value with its dotted path, as zod names fields. */
export function leaves(v: Json, path = ""): Array<[string, Json]> {
  if (Array.isArray(v)) return v.flatMap((x, i) => leaves(x, path ? `${path}.${i}` : String(i)));
  if (v && typeof v === "object") return Object.entries(v).flatMap(([k, x]) => leaves(x, path ? `${path}.${k}` : k));
  return [[path, v]];
}
export function nodes(v: Json, path = ""): Array<[string, Json]> {
  const here: Array<[string, Json]> = path ? [[path, v]] : [];
  if (Array.isArray(v)) return [...here, ...v.flatMap((x, i) => nodes(x, path ? `${path}.${i}` : String(i)))];
  if (v && typeof v === "object") return [...here, ...Object.entries(v).flatMap(([k, x]) => nodes(x, path ? `${path}.${k}` : k))];
  return here;
}
export function setPath(v: Json, path: string, value: Json | undefined): Json {
  const copy = structuredClone(v) as Record<string, Json>;
  const keys = path.split(".");
  let at: Record<string, Json> = copy;
  for (const k of keys.slice(0, -1)) at = at[k] as Record<string, Json>;
  if (value === undefined) delete at[keys[keys.length - 1]];
  else at[keys[keys.length - 1]] = value;
  return copy;
}

export function wrongTypes(v: Json): Json[] {
  if (typeof v === "string") return [12345, true, ["x"], { x: "y" }];
  if (typeof v === "number") return ["1", true, [1], {}, 1.5, -1];
  if (typeof v === "boolean") return ["true", 1, []];
  if (Array.isArray(v)) return ["x", 5, {}];
  if (v && typeof v === "object") return ["x", 5, []];
  return [];
}

export const MALFORMED = ["{", "not json", "[]", "null", "42", '"a string"', '{"a":}', '{"title":"a"}\u0000', "{}\ufeff", "{'single':'quotes'}", '{"a":1,}', "[".repeat(50_000) + "]".repeat(50_000)];

/** The hostile bodies for a JSON route, derived from a valid body and its required fields. */
export function bodyInputs(valid: Json, required: string[], opts: { optionalBody?: boolean } = {}): BodyInput[] {
  const out: BodyInput[] = [];
  for (const raw of [...(opts.optionalBody ? [] : ["", "   "]), ...MALFORMED]) out.push({ kind: "malformed JSON", label: `raw ${JSON.stringify(raw.slice(0, 20))}`, raw, status: [400] });
  for (const [path, v] of nodes(valid)) {
    for (const w of wrongTypes(v)) out.push({ kind: "wrong type", label: `${path} = ${JSON.stringify(w)}`, body: setPath(valid, path, w), status: [400], field: path });
    if (typeof v === "number") {
      // JSON.parse turns 1e400 into Infinity and -0 into a negative zero.
      for (const n of ["1e400", "-1e400"]) {
        out.push({ kind: "wrong type", label: `${path} = ${n}`, raw: JSON.stringify(setPath(valid, path, 987654321)).replace("987654321", n), status: [400], field: path });
      }
      // Beyond 2^53 the number is rounded: out of range for offsets, merely stale for a version.
      out.push({ kind: "wrong type", label: `${path} = 2^53 + 1`, raw: JSON.stringify(setPath(valid, path, 987654321)).replace("987654321", "9007199254740993"), status: [400, 409] });
    }
  }
  for (const path of required) out.push({ kind: "missing field", label: `without ${path}`, body: setPath(valid, path, undefined), status: [400], field: path });
  out.push({ kind: "unknown field", label: "unknown top-level field", body: { ...(valid as object), isAdmin: true }, status: [400], field: "isAdmin" });
  out.push({ kind: "unknown field", label: "__proto__ smuggling", raw: JSON.stringify(valid).replace(/^\{/, '{"__proto__":{"role":"ADMIN"},'), status: [400] });
  for (const [path, v] of nodes(valid)) {
    if (v && typeof v === "object" && !Array.isArray(v)) out.push({ kind: "unknown field", label: `unknown field in ${path}`, body: setPath(valid, `${path}.sneaky`, "x"), status: [400], field: `${path}.sneaky` });
  }
  const strings = leaves(valid).filter(([, v]) => typeof v === "string");
  const first = strings[0]?.[0];
  if (first) {
    out.push({ kind: "oversized body", label: `${first} of 1.1 MB`, body: setPath(valid, first, "x".repeat(1.1 * ONE_MB)), status: [413] });
    out.push({ kind: "oversized body", label: `${first} of 600k two-byte characters (1.2 MB)`, body: setPath(valid, first, "é".repeat(600_000)), status: [413] });
    out.push({ kind: "oversized body", label: "1.1 MB of garbage", raw: "{".repeat(1.1 * ONE_MB), status: [413] });
  }
  for (const [path] of strings) {
    out.push({ kind: "huge string", label: `${path} of 950k characters`, body: setPath(valid, path, "x".repeat(950_000)), status: [400], field: path });
    for (const nul of ["\u0000", "before\u0000after", "x".repeat(40) + "\u0000"]) {
      out.push({ kind: "NUL character", label: `${path} with NUL at ${nul.indexOf("\u0000")}`, body: setPath(valid, path, nul), status: [400], field: path });
    }
    for (const lone of ["\ud800", "x\udc00y", "\udbff"]) out.push({ kind: "lone surrogate", label: `${path} = ${JSON.stringify(lone)}`, body: setPath(valid, path, lone), status: [400], field: path });
  }
  return out;
}

export const HOSTILE_IDS = ["\u0000", "a\u0000b", "x".repeat(10_000), "' OR '1'='1", "../../etc/passwd", "%00", "\ud800", "😀".repeat(50)];
