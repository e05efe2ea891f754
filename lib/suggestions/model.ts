// The trained model: logistic regression, score = sigmoid(w·x + b) over binary features
// (see features.ts for the names). weights.json is written by scripts/train-suggestions.ts.
//
// The file keeps names and values as two parallel arrays rather than one object: as a
// typed JSON import an object of ~10,000 keys makes TypeScript infer a type with 10,000
// properties, two arrays infer as string[] and number[].
import weightsJson from "./weights.json";
import { FEATURES } from "./features";

export type WeightsFile = {
  version: 1;
  bias: number;
  names: string[];
  values: number[];
  meta: Record<string, unknown>;
};

export type Model = {
  bias: number;
  weights: ReadonlyMap<string, number>;
  /** The most the compromise-tagged features can add to a sentence's logit (sum of their positive weights). */
  taggedBound: number;
  meta: Record<string, unknown>;
};

export function loadModel(json: unknown): Model {
  const w = json as Partial<WeightsFile> | null;
  if (!w || w.version !== 1 || typeof w.bias !== "number" || !Array.isArray(w.names) || !Array.isArray(w.values) || w.names.length !== w.values.length) {
    throw new Error("suggestions weights: expected { version: 1, bias, names[], values[] } of equal length");
  }
  const weights = new Map<string, number>();
  w.names.forEach((name, i) => {
    const v = w.values![i];
    if (typeof name !== "string" || typeof v !== "number" || !Number.isFinite(v)) throw new Error(`suggestions weights: bad entry ${i}`);
    weights.set(name, v);
  });
  let taggedBound = 0;
  for (const [name, info] of Object.entries(FEATURES)) if (info.tagged) taggedBound += Math.max(0, weights.get(`f:${name}`) ?? 0);
  return { bias: w.bias, weights, taggedBound, meta: w.meta ?? {} };
}

let cached: Model | null = null;
/** The committed model, parsed once per process. */
export function defaultModel(): Model {
  cached ??= loadModel(weightsJson);
  return cached;
}

export function logit(model: Model, names: Iterable<string>): number {
  let z = model.bias;
  for (const n of names) z += model.weights.get(n) ?? 0;
  return z;
}

export const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
export const logitOf = (p: number) => (p <= 0 ? -Infinity : p >= 1 ? Infinity : Math.log(p / (1 - p)));
