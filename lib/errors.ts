import { summarizeFields } from "./messages";

// The closed list of error codes Verity returns, each with its HTTP status.
export const ERROR_STATUS = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  /** Extra JSON merged into the error body (e.g. the current claim on a 409). */
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, opts: { fields?: Record<string, string>; details?: Record<string, unknown> } = {}) {
    super(message);
    this.name = "AppError";
    this.code = code;
    this.fields = opts.fields;
    this.details = opts.details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what = "Record") => new AppError("not_found", `${what} not found`);
export const forbidden = (message = "You are not allowed to do this") => new AppError("forbidden", message);

/**
 * A 400 naming each bad field. `fields` keep the reasons as given (a public
 * contract: keys and reasons); the summary message reads in plain words
 * (lib/messages.ts): "Check the highlighted fields: Source 2: title is required".
 */
export function invalidInput(fields: Record<string, string>, message?: string): AppError {
  return new AppError("invalid_input", message ?? summarizeFields(fields), { fields });
}

export function errorBody(err: AppError) {
  return {
    error: {
      code: err.code,
      message: err.message,
      ...(err.fields ? { fields: err.fields } : {}),
    },
    ...(err.details ?? {}),
  };
}
