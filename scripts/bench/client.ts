// A small HTTP client for the benchmark: signs in like a browser and keeps the cookie.
export class Client {
  private cookie = "";
  constructor(readonly base: string) {}

  /** The session cookie, for load generators that send it themselves. */
  get cookieHeader(): string {
    return this.cookie;
  }

  async signIn(email: string, password: string) {
    const csrfRes = await fetch(`${this.base}/api/auth/csrf`);
    this.keep(csrfRes);
    const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
    const res = await fetch(`${this.base}/api/auth/callback/credentials`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: this.cookie },
      body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
      redirect: "manual",
    });
    this.keep(res);
    if (!this.cookie.includes("session-token")) throw new Error(`sign-in as ${email} failed (${res.status})`);
  }

  private keep(res: Response) {
    const jar = new Map(this.cookie.split("; ").filter(Boolean).map((c) => [c.split("=")[0], c] as const));
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(";")[0];
      jar.set(pair.split("=")[0], pair);
    }
    this.cookie = [...jar.values()].join("; ");
  }

  async json<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      // A browser names its page's origin on every write; Verity refuses cookie-authenticated writes without it.
      headers: { cookie: this.cookie, ...(body === undefined ? {} : { "content-type": "application/json" }), ...(method === "GET" ? {} : { origin: this.base }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  async timeGet(path: string): Promise<{ status: number; ms: number; bytes: number }> {
    const t0 = performance.now();
    const res = await fetch(`${this.base}${path}`, { headers: { cookie: this.cookie } });
    const body = await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - t0, bytes: body.byteLength };
  }
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
