// @ts-check
const isDev = process.env.NODE_ENV !== "production";

// Next's own inline bootstrap scripts need 'unsafe-inline' without per-request
// nonces; 'unsafe-eval' is only for the dev server's hot reloading.
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${isDev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  experimental: {
    authInterrupts: true,
    // proxy.ts runs before every route, so Next buffers each request body for
    // it, by default only the first 10 MB: a 15 MB upload reached
    // POST /api/imports cut short ("malformed multipart/form-data"). Imports take
    // up to 20 MB (IMPORT_MAX_BYTES); a little more is buffered so that route
    // still sees an over-limit upload as one and answers 413.
    proxyClientMaxBodySize: "21mb",
  },
  serverExternalPackages: ["sanitize-html", "linkedom", "pg", "bcryptjs"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: csp },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

module.exports = nextConfig;
