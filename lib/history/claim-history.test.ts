import { describe, expect, it } from "vitest";
import { buildClaimHistory, type AuditLike } from "./claim-history";

let n = 0;
const ev = (action: string, changes: Record<string, unknown> = {}, actor = "Rita Reviewer"): AuditLike => ({
  id: `e${++n}`,
  action,
  changes,
  createdAt: new Date(Date.UTC(2026, 0, 1, 12, n)),
  actor: { name: actor },
});

// The audit events of one claim's life as the mutations write them (lib/claims, lib/reviews).
const LIFE: AuditLike[] = [
  ev("claim.create", { claimText: "The sky was green.", verdict: "FALSE", sources: ["REFUTES https://a.example/1"] }),
  ev("claim.submit", { status: { from: "DRAFT", to: "SUBMITTED" } }),
  ev("claim.review.request_changes", { reviewId: "r1", decision: "REQUEST_CHANGES", comment: "Cite the archive.", reviewedVersion: 2, status: { from: "SUBMITTED", to: "CHANGES_REQUESTED" } }, "Ed Editor"),
  ev("claim.update", { rationale: { from: "Photos show a blue sky.", to: "Photos from the archive show a clear blue sky." }, version: { from: 3, to: 4 } }),
  ev("claim.comment", { commentId: "c1", body: "Added the archive." }),
  ev("claim.submit", { status: { from: "CHANGES_REQUESTED", to: "SUBMITTED" } }),
  ev("claim.reanchor", { start: { from: 10, to: 90 }, end: { from: 20, to: 100 }, version: { from: 5, to: 6 } }, "Admin"),
  ev("claim.review.request_changes", { reviewId: "r2", decision: "REQUEST_CHANGES", comment: "Softer verdict.", reviewedVersion: 6, status: { from: "SUBMITTED", to: "CHANGES_REQUESTED" }, verdict: { from: "FALSE", to: "MOSTLY_FALSE" } }, "Ed Editor"),
  ev("claim.update", { claimText: { from: "The sky was green.", to: "The sky was green in 2007." }, sources: { from: ["REFUTES https://a.example/1"], to: ["REFUTES https://a.example/1", "CONTEXT https://b.example/2"] }, version: { from: 7, to: 8 } }),
];

describe("buildClaimHistory", () => {
  const { entries, revision } = buildClaimHistory(LIFE);

  it("numbers revisions 1, 2, 3… by changes of content only, whatever the version counter did", () => {
    expect(entries.map((e) => [e.action, e.revision])).toEqual([
      ["claim.create", 1],
      ["claim.submit", null],
      ["claim.review.request_changes", null],
      ["claim.update", 2],
      ["claim.comment", null],
      ["claim.submit", null],
      ["claim.reanchor", null],
      ["claim.review.request_changes", 3],
      ["claim.update", 4],
    ]);
    expect(revision).toBe(4);
  });

  it("says which revision each submission and decision was about", () => {
    expect(entries.filter((e) => e.about !== null).map((e) => [e.action, e.about])).toEqual([
      ["claim.submit", 1],
      ["claim.review.request_changes", 1],
      ["claim.submit", 2],
      ["claim.review.request_changes", 2],
    ]);
  });

  it("shows edited texts as word differences, not cut-off before/after strings", () => {
    const edit = entries[3];
    expect(edit.textChanges).toHaveLength(1);
    expect(edit.textChanges[0].label).toBe("Rationale");
    const seg = edit.textChanges[0].segments;
    expect(seg.filter((s) => s.kind === "added").map((s) => ("text" in s ? s.text.trim() : ""))).toEqual(["from the archive", "clear"]);
    expect(seg.filter((s) => s.kind === "removed")).toEqual([]);
    const claimEdit = entries[8].textChanges[0];
    expect(claimEdit.label).toBe("Claim");
    expect(claimEdit.segments.find((s) => s.kind === "added")).toMatchObject({ text: expect.stringContaining("in 2007") });
  });

  it("puts other changes in plain words and hides the bookkeeping", () => {
    expect(entries[0].details).toEqual(["Verdict: False", "1 source"]);
    expect(entries[7].details).toEqual(["Verdict: False → Mostly false"]);
    expect(entries[8].details).toEqual(["Source added: https://b.example/2 (context)"]);
    const all = entries.flatMap((e) => e.details).join(" ");
    expect(all).not.toMatch(/version|reviewId|commentId|start|end/);
  });

  it("keeps the words people wrote: review comments and discussion comments", () => {
    expect(entries.map((e) => e.note).filter(Boolean)).toEqual(["Cite the archive.", "Added the archive.", "Softer verdict."]);
    expect(entries[1].summary).toBe("submitted it for review");
    expect(entries[2].actor).toBe("Ed Editor");
  });

  it.each<[string, AuditLike[], Array<number | null>, number]>([
    ["a claim whose creation was not recorded starts at revision 1", [ev("claim.update", { verdict: { from: "TRUE", to: "MIXED" } })], [2], 2],
    ["an edit that changed nothing a reader sees makes no revision", [ev("claim.create"), ev("claim.update", { version: { from: 1, to: 2 } })], [1, null], 1],
    ["re-attaching to other words is a revision", [ev("claim.create"), ev("claim.reattach", { exact: { from: "green", to: "sky was green" }, start: { from: 5, to: 1 } })], [1, 2], 2],
    ["an approval without edits is not", [ev("claim.create"), ev("claim.review.approve", { decision: "APPROVE", status: { from: "SUBMITTED", to: "APPROVED" } })], [1, null], 1],
  ])("%s", (_label, events, revisions, current) => {
    const got = buildClaimHistory(events);
    expect(got.entries.map((e) => e.revision)).toEqual(revisions);
    expect(got.revision).toBe(current);
  });

  it("says when only the spacing of a text changed instead of showing it with nothing marked", () => {
    const [e] = buildClaimHistory([ev("claim.update", { rationale: { from: "One.\n\nTwo.", to: "One.\nTwo." } })]).entries;
    expect(e.textChanges).toEqual([]);
    expect(e.details).toEqual(["Rationale: only spacing or line breaks changed"]);
    expect(e.revision).toBe(2);
  });

  it("reports a reopened approved claim's status change and an unknown field as it is", () => {
    const [e] = buildClaimHistory([ev("claim.update", { rationale: { from: "a", to: "b" }, status: { from: "APPROVED", to: "SUBMITTED" }, colour: { from: "red", to: "blue" } })]).entries;
    expect(e.details).toEqual(["Status: Approved → Submitted", "colour: red → blue"]);
  });
});
