// DATA_DIR holds the session secret: others must not be able to write or swap it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DataDirError, secureDataDir } from "@/lib/database/data-dir";

const made: string[] = [];
function tempDir(mode = 0o755): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "verity-datadir-"));
  fs.chmodSync(d, mode);
  made.push(d);
  return d;
}
afterEach(() => {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
const mode = (p: string) => fs.statSync(p).mode & 0o7777;

describe("secureDataDir", () => {
  it("repairs a DATA_DIR of ours that others could write, and secret files others could read", () => {
    const dir = path.join(tempDir(), "data");
    fs.mkdirSync(dir);
    fs.chmodSync(dir, 0o777);
    fs.writeFileSync(path.join(dir, "auth-secret"), "s3cret");
    fs.chmodSync(path.join(dir, "auth-secret"), 0o666);
    const repaired = secureDataDir(dir);
    expect(mode(dir)).toBe(0o755);
    expect(mode(path.join(dir, "auth-secret"))).toBe(0o600);
    expect(repaired.join("\n")).toMatch(/could be written by other users \(mode 777\); now 755/);
    expect(repaired.join("\n")).toMatch(/auth-secret could be read or written by other users \(mode 666\); now 600/);
    // Nothing to do the second time.
    expect(secureDataDir(dir)).toEqual([]);
  });

  it("creates a missing DATA_DIR as 755", () => {
    const dir = path.join(tempDir(), "new", "data");
    expect(secureDataDir(dir)).toEqual([]);
    expect(mode(dir)).toBe(0o755);
  });

  it.each([
    ["a folder above that anyone may write (not sticky)", (root: string) => { const open = path.join(root, "open"); fs.mkdirSync(open); fs.chmodSync(open, 0o777); return path.join(open, "data"); }, /can be written by every user/],
    ["a shared sticky folder used as DATA_DIR itself", (root: string) => { const shared = path.join(root, "shared"); fs.mkdirSync(shared); fs.chmodSync(shared, 0o1777); return shared; }, /shared folder every user may write/],
    ["an auth-secret that is a link", (root: string) => { const d = path.join(root, "data"); fs.mkdirSync(d); fs.symlinkSync("/etc/hostname", path.join(d, "auth-secret")); return d; }, /must be a plain file, not a link/],
    ["a DATA_DIR that is a link", (root: string) => { const real = path.join(root, "real"); fs.mkdirSync(real); fs.symlinkSync(real, path.join(root, "data")); return path.join(root, "data"); }, /must be a folder, not a link/],
  ])("refuses %s", (_label, make, message) => {
    const dir = make(tempDir());
    expect(() => secureDataDir(dir)).toThrow(DataDirError);
    expect(() => secureDataDir(dir)).toThrow(message);
  });
});
