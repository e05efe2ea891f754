// Logistic regression with L2, trained full-batch with Adam: no sampling, so the same
// examples always give the same weights (the training script's only randomness is its
// seeded debate split). Used by scripts/train-suggestions.ts; pure, so unit-tested here.

export type Example = { names: readonly string[]; label: number };
export type TrainOptions = {
  /** L2 strength on the mean weighted log loss (the bias is not penalised). */
  l2: number;
  iterations?: number;
  learningRate?: number;
  /**
   * Weight of a positive example relative to a negative one. Default: negatives/positives,
   * so both classes weigh the same (the CLEF data is 1 check-worthy to 37 not).
   */
  positiveWeight?: number;
};
export type Trained = { bias: number; weights: Map<string, number> };

export function trainLogistic(examples: readonly Example[], opts: TrainOptions): Trained {
  const index = new Map<string, number>();
  const rows: Int32Array[] = examples.map((e) => {
    const ids = new Set<number>();
    for (const n of e.names) {
      let id = index.get(n);
      if (id === undefined) index.set(n, (id = index.size));
      ids.add(id);
    }
    return Int32Array.from(ids);
  });
  const positives = examples.filter((e) => e.label > 0).length;
  const negatives = examples.length - positives;
  const posWeight = opts.positiveWeight ?? (positives ? negatives / positives : 1);
  const sampleWeight = examples.map((e) => (e.label > 0 ? posWeight : 1));
  const totalWeight = sampleWeight.reduce((a, b) => a + b, 0) || 1;

  const dim = index.size;
  const w = new Float64Array(dim);
  let b = 0;
  const grad = new Float64Array(dim);
  const m = new Float64Array(dim + 1);
  const v = new Float64Array(dim + 1);
  const iterations = opts.iterations ?? 300;
  const lr = opts.learningRate ?? 0.05;
  const [beta1, beta2, eps] = [0.9, 0.999, 1e-8];

  for (let t = 1; t <= iterations; t++) {
    grad.fill(0);
    let gb = 0;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      let z = b;
      for (let k = 0; k < row.length; k++) z += w[row[k]];
      const p = 1 / (1 + Math.exp(-z));
      const g = (sampleWeight[i] * (p - (examples[i].label > 0 ? 1 : 0))) / totalWeight;
      gb += g;
      for (let k = 0; k < row.length; k++) grad[row[k]] += g;
    }
    const c1 = 1 - beta1 ** t;
    const c2 = 1 - beta2 ** t;
    for (let j = 0; j <= dim; j++) {
      const gj = j === dim ? gb : grad[j] + opts.l2 * w[j];
      m[j] = beta1 * m[j] + (1 - beta1) * gj;
      v[j] = beta2 * v[j] + (1 - beta2) * gj * gj;
      const step = (lr * (m[j] / c1)) / (Math.sqrt(v[j] / c2) + eps);
      if (j === dim) b -= step;
      else w[j] -= step;
    }
  }
  const weights = new Map<string, number>();
  for (const [name, id] of index) weights.set(name, w[id]);
  return { bias: b, weights };
}
