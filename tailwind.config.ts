// Tailwind 4 reads its configuration from CSS; app/globals.css loads this file
// with @config so theme tokens shared with TypeScript live in one place.
import type { Config } from "tailwindcss";

const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        brand: { DEFAULT: "#1d4ed8", dark: "#1e3a8a" },
      },
    },
  },
};

export default config;
