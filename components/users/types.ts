import type { Role } from "@/lib/auth/permissions";

// What the admin page hands its client components: dates as ISO strings, as the API returns them.

export type UserRowDto = {
  id: string;
  email: string;
  name: string;
  role: Role;
  active: boolean;
  lastLoginAt: string | null;
  mustChangePassword: boolean;
  demoPassword: boolean;
};

export type TokenRowDto = {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  expiresAt: string | null;
  /** Past its expiry when the page was rendered. */
  expired: boolean;
  user: { id: string; name: string; email: string };
};
