// `npm start` on a fresh embedded database under the OS temp folder (reachable
// by the postgres user when running as root). Used by the browser tests and the
// benchmark; the folder is removed on exit.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "verity-e2e-"));
fs.chmodSync(dir, 0o755);
process.env.DATA_DIR = dir;
delete process.env.DATABASE_URL;
process.on("exit", () => fs.rmSync(dir, { recursive: true, force: true }));

void import("./start");
