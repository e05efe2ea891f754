import { describe, expect, it } from "vitest";
import { seededRandom, seededShuffle } from "@/lib/random";
import { trainLogistic, type Example } from "./train";

function toyData(): Example[] {
  // "f:number" marks the positives, "u:hello" the negatives, "u:the" is everywhere; 1 positive to 9 negatives.
  const out: Example[] = [];
  for (let i = 0; i < 200; i++) {
    const positive = i % 10 === 0;
    out.push({ names: positive ? ["f:number", "u:the"] : i % 2 ? ["u:hello", "u:the"] : ["u:the"], label: positive ? 1 : 0 });
  }
  return out;
}

describe("trainLogistic", () => {
  it("learns which features mark the positives despite the imbalance", () => {
    const m = trainLogistic(toyData(), { l2: 1e-3 });
    expect(m.weights.get("f:number")!).toBeGreaterThan(1);
    expect(m.weights.get("u:hello")!).toBeLessThan(0);
    const score = (names: string[]) => names.reduce((z, n) => z + (m.weights.get(n) ?? 0), m.bias);
    expect(score(["f:number", "u:the"])).toBeGreaterThan(0);
    expect(score(["u:the"])).toBeLessThan(0);
  });

  it("shrinks weights as L2 grows", () => {
    const weak = trainLogistic(toyData(), { l2: 1e-4 }).weights.get("f:number")!;
    const strong = trainLogistic(toyData(), { l2: 1e-1 }).weights.get("f:number")!;
    expect(Math.abs(strong)).toBeLessThan(Math.abs(weak));
  });

  it("is deterministic", () => {
    const a = trainLogistic(toyData(), { l2: 1e-3 });
    const b = trainLogistic(toyData(), { l2: 1e-3 });
    expect(b.bias).toBe(a.bias);
    expect([...b.weights]).toEqual([...a.weights]);
  });
});

describe("seeded randomness", () => {
  it("repeats for a seed and differs between seeds", () => {
    const a = seededRandom(1);
    const b = seededRandom(1);
    expect([a(), a(), a()]).toEqual([b(), b(), b()]);
    expect(seededShuffle([1, 2, 3, 4, 5, 6, 7, 8], 1)).toEqual(seededShuffle([1, 2, 3, 4, 5, 6, 7, 8], 1));
    expect(seededShuffle([1, 2, 3, 4, 5, 6, 7, 8], 1)).not.toEqual(seededShuffle([1, 2, 3, 4, 5, 6, 7, 8], 2));
    expect(seededShuffle([1, 2, 3, 4, 5, 6, 7, 8], 3).sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });
});
