import { describe, expect, it } from "vitest";
import { handlesOf, mentionedUsers, parseMentions } from "./mentions";

describe("parseMentions", () => {
  it.each([
    ["@reviewer please look", ["reviewer"]],
    ["cc @Reviewer and @EdnaEditor.", ["reviewer", "ednaeditor"]],
    ["@reviewer, @REVIEWER and @reviewer again", ["reviewer"]],
    ["(@ana.silva) said so", ["ana.silva"]],
    ["Thanks @ana's team", ["ana"]],
    ["ask @josé!", ["josé"]],
    ["@first.last-2+news: see above", ["first.last-2+news"]],
    ["line one\n@reviewer on line two", ["reviewer"]],
    ["“@reviewer” quoted", ["reviewer"]],
  ])("%j mentions %j", (text, expected) => {
    expect(parseMentions(text)).toEqual(expected);
  });

  it.each([
    ["write to reviewer@example.org"],
    ["see https://social.example/@reviewer for the thread"],
    ["see www.example.org/@reviewer"],
    ["mailto:reviewer@example.org"],
    ["path/@reviewer"],
    ["@ alone"],
    ["@a is too short"],
    ["a@@reviewer"],
    ["no mentions here"],
  ])("%j mentions nobody", (text) => {
    expect(parseMentions(text)).toEqual([]);
  });
});

describe("handlesOf and mentionedUsers", () => {
  const rita = { id: "1", email: "reviewer@example.org", name: "Rita Reviewer" };
  const edna = { id: "2", email: "edna.e@example.org", name: "Edna Editor" };
  const other = { id: "3", email: "someone@example.org", name: "Some One" };

  it("answers to the e-mail local part and the name without spaces", () => {
    expect(handlesOf(rita)).toEqual(["reviewer", "ritareviewer"]);
    expect(handlesOf(edna)).toEqual(["edna.e", "ednaeditor"]);
  });

  it.each([
    ["@reviewer please look", ["1"]],
    ["@RitaReviewer and @ednaeditor", ["1", "2"]],
    ["@edna.e twice @EdnaEditor", ["2"]],
    ["reviewer@example.org is no mention", []],
    ["@rita is not a handle", []],
  ])("%j → %j", (text, ids) => {
    expect(mentionedUsers(text, [rita, edna, other]).map((u) => u.id)).toEqual(ids);
  });
});
