// Every validation message a person can read, in plain words, from one place.
// The API's `fields` keep their machine keys (`sources.1.url`, `verdict`: a
// public contract); their values, and the summary `message` of a 400, read as
// sentences naming the field as the form shows it ("Source 2: the URL must
// start with http:// or https://"), never as enum lists or JSON paths.
// Pure and isomorphic: schemas, the route wrapper and the forms all use it.

/** What each field is called on screen, by the last part of its key. */
const LABELS: Record<string, string> = {
  assigneeId: "Assignee",
  claimId: "Claim",
  claimText: "Claim",
  verdict: "Verdict",
  rationale: "Rationale",
  sources: "Sources",
  url: "URL",
  title: "Title",
  publisher: "Publisher",
  stance: "Stance",
  archivedUrl: "Archived copy URL",
  excerpt: "Excerpt",
  selector: "Quote",
  exact: "Quote",
  prefix: "Text before the quote",
  suffix: "Text after the quote",
  start: "Quote start",
  end: "Quote end",
  version: "Version",
  comment: "Comment",
  decision: "Decision",
  email: "Email",
  name: "Name",
  role: "Role",
  active: "Active",
  password: "Password",
  currentPassword: "Current password",
  newPassword: "New password",
  token: "Setup link",
  expiresInDays: "Expiry",
  text: "Text",
  html: "HTML",
  sourceUrl: "Source URL",
  author: "Author",
  publishedAt: "Published date",
  language: "Language",
  note: "Note",
  q: "Search",
  status: "Status",
  page: "Page",
  pageSize: "Page size",
  feedUrl: "Feed URL",
  files: "Files",
  items: "Items",
  item: "Item",
  body: "Request",
};

/** Lists whose items a form numbers for people ("Source 2"). */
const ITEM_NAMES: Record<string, string> = { sources: "Source", items: "Item" };

export const VERDICT_CHOICES = "True, Mostly true, Mixed, Mostly false, False, Misleading, Outdated or Unverifiable";

/** The schemas' messages: sentences for what a form asks, so the words live here, once. */
export const MSG = {
  claimRequired: "Enter the claim",
  verdictRequired: `Choose a verdict: ${VERDICT_CHOICES}`,
  stanceRequired: "Choose a stance: Supports, Refutes or Context",
  sourceTitleRequired: "Enter the source title",
  sourceUrlRequired: "Enter the source URL",
  urlScheme: "The URL must start with http:// or https://",
  archivedUrlScheme: "The archived copy URL must start with http:// or https://",
  emailRequired: "Enter an email address",
  emailFormat: "Enter an email address like name@example.org",
  nameRequired: "Enter a name",
  roleRequired: "Choose a role: Reviewer, Editor or Admin",
  passwordRequired: "Enter a password",
  tokenNameRequired: "Enter a name for the token",
  tokenExpiry: (max: number) => `Choose when the token expires: a whole number of days from 1 to ${max}`,
  titleRequired: "Enter a title",
  decisionRequired: "Choose a decision: Approve, Request changes or Reject",
  commentRequiredUnlessApproving: "Write a comment for the reviewer: it is needed unless approving",
  commentRequired: "Write a comment",
  articleStatus: "Choose a status: Open, Published or Archived",
  languageTag: "Enter a language code such as en or pt-BR",
  changeSomething: (what: string) => `Change at least one of ${what}`,
  tooLong: (max: number) => `must be at most ${max} characters`,
} as const;

const isUpper = (c: string | undefined) => !!c && c !== c.toLowerCase() && c === c.toUpperCase();

/** Lower-cases a sentence's first letter to follow a colon, unless it starts an acronym ("URL"). */
function lowerFirst(s: string): string {
  return isUpper(s[0]) && !isUpper(s[1]) ? s[0].toLowerCase() + s.slice(1) : s;
}

const upperFirst = (s: string) => (s ? s[0].toUpperCase() + s.slice(1) : s);

/** "MOSTLY_TRUE" → "Mostly true": how an enum value reads when no label is known. */
export function humanize(value: string): string {
  return upperFirst(value.toLowerCase().replace(/_/g, " "));
}

/** How a field key reads on screen: "sources.1.url" → "Source 2 URL", "claimText" → "Claim". */
export function fieldLabel(key: string): string {
  const { prefix, rest } = splitItem(key);
  const last = rest.split(".").filter((p) => !/^\d+$/.test(p)).pop() ?? rest;
  const label = LABELS[last] ?? humanize(last.replace(/([a-z])([A-Z])/g, "$1_$2"));
  return prefix ? `${prefix} ${label}` : label;
}

/** "sources.1.url" → { prefix: "Source 2", rest: "url" }; other keys have no prefix. */
function splitItem(key: string): { prefix: string; rest: string } {
  const m = /^(?:.*\.)?(\w+)\.(\d+)(?:\.(.+))?$/.exec(key);
  if (m && ITEM_NAMES[m[1]] && m[3]) return { prefix: `${ITEM_NAMES[m[1]]} ${Number(m[2]) + 1}`, rest: m[3] };
  return { prefix: "", rest: key };
}

/** Fragments that read better said another way once the field is known (API reasons stay as they are). */
const REPHRASE: Record<string, string> = {
  "email|must be an email address": MSG.emailFormat,
  "url|must be an http or https URL": MSG.urlScheme,
  "sourceUrl|must be an http or https URL": "The source URL must start with http:// or https://",
  "feedUrl|must be an http or https URL": "The feed URL must start with http:// or https://",
  "archivedUrl|must be an http or https URL": MSG.archivedUrlScheme,
};

/** The verbs a message fragment ("is required", "must be …") starts with. */
const FRAGMENT = /^(is|are|was|must|has|have|had|does|do|did|nests|should|cannot|can't|may|needs|holds|contains)\b/;

/** Zod's own wording, which must never reach a person. */
const ZOD_DEFAULT = /^(Invalid (input|option|string|number|type|format|date|key|element|union)|Too (big|small)|Expected |Unrecognized key|Required$)/i;

/**
 * One field error as a person reads it, given its key and the reason the
 * server or schema gave. Sentences pass through (behind "Source 2: " for an
 * item of a list); fragments ("is required") get the field's label in front.
 * Idempotent: a message already made plain is returned unchanged.
 */
export function plainFieldMessage(key: string, why: string, labels: Record<string, string> = {}): string {
  // A list of enum names from code elsewhere ("must be one of TRUE, MOSTLY_TRUE") reads as labels.
  const text = why
    .trim()
    .replace(/\.$/, "")
    .replace(/\bmust be one of ((?:[A-Z][A-Z0-9_]*)(?:, [A-Z][A-Z0-9_]*)*)/, (_, list: string) => `must be one of: ${list.split(", ").map(humanize).join(", ")}`);
  const { prefix, rest } = splitItem(key);
  if (prefix && text.startsWith(`${prefix}: `)) return text;
  const label = labels[key] ?? fieldLabel(rest);
  const last = rest.split(".").pop() ?? rest;
  let sentence: string;
  if (REPHRASE[`${last}|${text}`]) sentence = REPHRASE[`${last}|${text}`];
  // Only an API client sends a field Verity does not know: name it as sent.
  else if (text === "is not a known field") sentence = `"${last}" is not a known field`;
  else if (ZOD_DEFAULT.test(text) || !text) sentence = `${label} is not valid`;
  else if (FRAGMENT.test(text)) sentence = `${label} ${text}`;
  else if (isUpper(text[0])) sentence = text;
  // A lowercase instruction ("choose at least one file") is a sentence already;
  // anything else ("story.exe: unsupported file type") is left as written.
  else sentence = /^[a-z]+\s/.test(text) ? upperFirst(text) : text;
  if (!prefix) return sentence;
  return `${prefix}: ${lowerFirst(sentence)}`;
}

/** Every field of an error made plain (keys unchanged); `labels` names fields a form calls otherwise ("Token name"). */
export function plainFields(fields: Record<string, string>, labels: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) out[k] = plainFieldMessage(k, v, labels);
  return out;
}

/** The top-level message of a 400: "Check the highlighted fields: Enter the claim; Choose a verdict: …". */
export function summarizeFields(fields: Record<string, string>, lead = "Check the highlighted fields"): string {
  const msgs = Object.entries(fields).map(([k, v]) => plainFieldMessage(k, v));
  return msgs.length ? `${lead}: ${msgs.join("; ")}.` : `${lead}.`;
}

/** A zod issue's plain message when the schema gave none of its own (zod's defaults are developer words). */
export function plainIssue(issue: { code: string; message: string; values?: readonly unknown[]; expected?: string; maximum?: unknown; minimum?: unknown; origin?: string }): string {
  if (!ZOD_DEFAULT.test(issue.message)) return issue.message;
  switch (issue.code) {
    case "invalid_value":
      return issue.values?.length ? `Choose one of: ${issue.values.map((v) => (typeof v === "string" ? humanize(v) : String(v))).join(", ")}` : "has a value Verity does not accept";
    case "invalid_type":
      return issue.expected === "string" ? "must be text" : issue.expected === "number" ? "must be a number" : issue.expected === "boolean" ? "must be true or false" : issue.expected === "array" ? "must be a list" : issue.expected === "object" ? "must be an object" : "has the wrong type";
    case "too_big":
      return issue.origin === "string" ? `must be at most ${issue.maximum} characters` : issue.origin === "array" ? `must have at most ${issue.maximum} items` : `must be at most ${issue.maximum}`;
    case "too_small":
      return issue.origin === "string" ? (Number(issue.minimum) <= 1 ? "is required" : `must be at least ${issue.minimum} characters`) : issue.origin === "array" ? `must have at least ${issue.minimum} items` : `must be at least ${issue.minimum}`;
    case "invalid_format":
      return "is not in the expected format";
    default:
      return "is not valid";
  }
}
