// DATA_DIR holds the session-signing secret (auth-secret), the embedded
// database's password and URL, and the cluster. Anyone who can write the folder
// can swap auth-secret for one they know and forge a session for any user, so
// `npm start` checks it before reading anything: a folder of ours that others
// may write is repaired (write bits removed), anything it cannot safely repair is
// refused with what to do. Node only; no Next, no Prisma.
import fs from "node:fs";
import path from "node:path";

/** Files in DATA_DIR that must be ours and readable by us alone. */
export const SECRET_FILES = ["auth-secret", "postgres.json", "database-url"] as const;

export class DataDirError extends Error {}

const myUid = () => (typeof process.getuid === "function" ? process.getuid() : null);
const octal = (mode: number) => (mode & 0o7777).toString(8).padStart(3, "0");

/**
 * Checks (and where safe repairs) `dir` and its secret files. Returns what it
 * repaired, one line each, for the start-up log; throws DataDirError when it
 * must refuse.
 */
export function secureDataDir(dir: string): string[] {
  const repaired: string[] = [];
  const uid = myUid();
  const abs = path.resolve(dir);
  fs.mkdirSync(abs, { recursive: true, mode: 0o755 });

  // A folder above that others may write (without the sticky bit) lets them
  // rename DATA_DIR away and put their own in its place.
  for (let p = path.dirname(abs); ; p = path.dirname(p)) {
    const st = fs.statSync(p);
    if ((st.mode & 0o002) !== 0 && (st.mode & 0o1000) === 0) {
      throw new DataDirError(`${p}, above DATA_DIR ${abs}, can be written by every user (mode ${octal(st.mode)}), so anyone could replace DATA_DIR. Choose a DATA_DIR elsewhere, or: chmod o-w ${p}`);
    }
    if (path.dirname(p) === p) break;
  }

  const st = fs.lstatSync(abs);
  if (st.isSymbolicLink() || !st.isDirectory()) throw new DataDirError(`DATA_DIR ${abs} must be a folder, not a link or a file`);
  if (uid !== null && st.uid !== uid) {
    throw new DataDirError(`DATA_DIR ${abs} belongs to another user (uid ${st.uid}); Verity runs as uid ${uid} and must own it. Choose another DATA_DIR or: chown ${uid} ${abs}`);
  }
  if ((st.mode & 0o022) !== 0) {
    if ((st.mode & 0o1000) !== 0) {
      // A shared scratch folder such as /tmp: not ours to tighten.
      throw new DataDirError(`DATA_DIR ${abs} is a shared folder every user may write (mode ${octal(st.mode)}). Give Verity a folder of its own, e.g. DATA_DIR=${path.join(abs, "verity")}`);
    }
    fs.chmodSync(abs, st.mode & 0o755);
    repaired.push(`DATA_DIR ${abs} could be written by other users (mode ${octal(st.mode)}); now ${octal(st.mode & 0o755)}`);
  }

  for (const name of SECRET_FILES) {
    const file = path.join(abs, name);
    let fst: fs.Stats;
    try {
      fst = fs.lstatSync(file);
    } catch {
      continue; // not written yet
    }
    if (fst.isSymbolicLink() || !fst.isFile()) throw new DataDirError(`${file} must be a plain file, not a link; remove it and start again`);
    if (uid !== null && fst.uid !== uid) throw new DataDirError(`${file} belongs to another user (uid ${fst.uid}); remove it and start again`);
    if ((fst.mode & 0o077) !== 0) {
      fs.chmodSync(file, 0o600);
      repaired.push(`${file} could be read or written by other users (mode ${octal(fst.mode)}); now 600`);
    }
  }
  return repaired;
}
