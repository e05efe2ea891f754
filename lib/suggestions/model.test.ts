import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { defaultModel, loadModel, logit, logitOf, sigmoid } from "./model";

describe("loadModel", () => {
  it("reads names and values into a map and bounds the tagged features", () => {
    const m = loadModel({ version: 1, bias: -1, names: ["f:person", "f:place", "f:number", "u:tax"], values: [0.5, -0.2, 1, 0.3], meta: { x: 1 } });
    expect(m.weights.get("u:tax")).toBe(0.3);
    expect(m.taggedBound).toBeCloseTo(0.5, 12); // person counts, place is negative, number is not tagged
    expect(logit(m, ["f:number", "u:tax", "u:unknown"])).toBeCloseTo(0.3, 12);
    expect(m.meta).toEqual({ x: 1 });
  });

  it.each([
    ["not an object", null],
    ["wrong version", { version: 2, bias: 0, names: [], values: [] }],
    ["lengths differ", { version: 1, bias: 0, names: ["a"], values: [] }],
    ["not a number", { version: 1, bias: 0, names: ["a"], values: ["x"] }],
    ["not finite", { version: 1, bias: 0, names: ["a"], values: [Infinity] }],
  ])("refuses %s", (_name, json) => {
    expect(() => loadModel(json)).toThrow(/suggestions weights/);
  });

  it("loads the committed weights, trained with debates held out and small enough to ship", () => {
    const m = defaultModel();
    expect(m.weights.size).toBeGreaterThan(1000);
    expect(m.weights.get("f:number")).toBeGreaterThan(0);
    expect(m.meta.heldOutDebates).toHaveLength(4);
    expect(m.meta.vocabularySize).toBeGreaterThan(1000);
    expect(fs.statSync(path.join(process.cwd(), "lib/suggestions/weights.json")).size).toBeLessThan(400 * 1024);
    expect(defaultModel()).toBe(m);
  });
});

describe("sigmoid and logitOf", () => {
  it("invert each other", () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(sigmoid(logitOf(0.8))).toBeCloseTo(0.8, 12);
    expect(logitOf(0)).toBe(-Infinity);
    expect(logitOf(1)).toBe(Infinity);
  });
});
