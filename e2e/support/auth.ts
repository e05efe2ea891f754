import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = process.env.DEMO_PASSWORD || "verity-demo";
export const DEMO = {
  admin: "admin@example.org",
  editor: "editor@example.org",
  reviewer: "reviewer@example.org",
} as const;

/** Signs in over HTTP (next-auth's credentials endpoint), for specs whose subject is not the sign-in form. */
export async function signInOverHttp(page: Page, email: string, password = DEMO_PASSWORD) {
  const { csrfToken } = await (await page.request.get("/api/auth/csrf")).json();
  const res = await page.request.post("/api/auth/callback/credentials", {
    form: { csrfToken, email, password, json: "true", callbackUrl: "/" },
  });
  expect(res.ok(), `sign-in as ${email}`).toBe(true);
}
