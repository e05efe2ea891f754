// @ts-check
const isDev = process.env.NODE_ENV !== "production";

// Pages get their Content-Security-Policy from proxy.ts: a fresh nonce per
// request, and no 'unsafe-inline' for scripts. These fixed headers cover what
// proxy.ts does not shape: API answers and Next's static files, where no inline
// script is ever allowed either. 'unsafe-eval' is only for the dev server.
const fixedCsp = [
  "default-src 'self'",
  `script-src 'self'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const common = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // `npm run typecheck` (part of `npm test`) checks the whole project; the build
  // repeating it cost CI about 24 s of its 20-minute budget.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  experimental: {
    authInterrupts: true,
    // proxy.ts runs before the routes it matches, and Next buffers each request
    // body for it, by default only the first 10 MB: a 15 MB upload once reached
    // POST /api/imports cut short ("malformed multipart/form-data"). API routes
    // are outside its matcher now; the limit stays above IMPORT_MAX_BYTES (20 MB)
    // so that, should a matcher ever take them in again, an upload is not cut.
    proxyClientMaxBodySize: "21mb",
  },
  serverExternalPackages: ["sanitize-html", "linkedom", "pg", "bcryptjs"],
  async headers() {
    return [
      { source: "/:path*", headers: common },
      ...["/api/:path*", "/_next/:path*", "/favicon.ico"].map((source) => ({ source, headers: [{ key: "Content-Security-Policy", value: fixedCsp }] })),
    ];
  },
};

module.exports = nextConfig;
