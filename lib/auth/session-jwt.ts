import { hkdf, randomUUID } from "node:crypto";
import { EncryptJWT, jwtDecrypt } from "jose";
import type { JWT, JWTDecodeParams, JWTEncodeParams } from "next-auth/jwt";

// next-auth's session token (a JWE, "dir" + A256GCM) with the encryption key
// derived once per secret instead of on every request: next-auth's own
// encode/decode run HKDF each time, which a profile of the claim write showed
// as ~3 % of the server's CPU. Same format, same key derivation (next-auth
// 4.24, jwt/index.js), so either side reads the other's tokens.

const keys = new Map<string, Promise<Uint8Array>>();

const secretId = (secret: string | Buffer, salt: string) => `${salt}\u0000${typeof secret === "string" ? `s:${secret}` : `b:${secret.toString("base64")}`}`;

function derivedKey(secret: string | Buffer, salt: string): Promise<Uint8Array> {
  const id = secretId(secret, salt);
  let key = keys.get(id);
  if (!key) {
    key = new Promise<Uint8Array>((resolve, reject) =>
      hkdf("sha256", secret, salt, `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ""}`, 32, (err, bytes) => (err ? reject(err) : resolve(new Uint8Array(bytes)))),
    );
    // A handful of secrets at most (one per process, two while rotating); never unbounded.
    if (keys.size > 8) keys.clear();
    keys.set(id, key);
  }
  return key;
}

export async function encodeSessionToken(params: JWTEncodeParams): Promise<string> {
  const { token = {}, secret, maxAge = 30 * 24 * 60 * 60, salt = "" } = params;
  const key = await derivedKey(secret, salt);
  return new EncryptJWT(token)
    .setProtectedHeader({ alg: "dir", enc: "A256GCM" })
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + maxAge)
    .setJti(randomUUID())
    .encrypt(key);
}

const CLOCK_TOLERANCE_S = 15;

// Tokens decrypted lately, by secret, salt and the token itself: a browser sends
// the same cookie with every request, and decrypting it (AES-GCM, base64 and JSON,
// and jose's checks) was ~3 % of the claim write's CPU. Only tokens that decrypted
// are kept, for at most a minute and never past their expiry; what a token says is
// still checked against the user's row on every request (current-user.ts), so
// sign-out, deactivation and role changes take effect as before.
const DECODED_TTL_MS = 60_000;
const DECODED_MAX = 2_000;
const decoded = new Map<string, { payload: JWT; until: number }>();

export async function decodeSessionToken(params: JWTDecodeParams): Promise<JWT | null> {
  const { token, secret, salt = "" } = params;
  if (!token) return null;
  const id = `${secretId(secret, salt)}\u0000${token}`;
  const now = Date.now();
  const hit = decoded.get(id);
  if (hit && hit.until > now) return { ...hit.payload };
  if (hit) decoded.delete(id);
  const { payload } = await jwtDecrypt(token, await derivedKey(secret, salt), { clockTolerance: CLOCK_TOLERANCE_S });
  const exp = typeof payload.exp === "number" ? (payload.exp + CLOCK_TOLERANCE_S) * 1000 : Infinity;
  if (decoded.size >= DECODED_MAX) decoded.clear();
  decoded.set(id, { payload: payload as JWT, until: Math.min(now + DECODED_TTL_MS, exp) });
  return { ...(payload as JWT) };
}
