import { describe, expect, it } from "vitest";
import { isRead } from "./department-fetcher.js";

const body = (query: string, extra: Record<string, unknown> = {}) => JSON.stringify({ query, variables: {}, ...extra });

describe("isRead", () => {
  it("tells a query from a mutation by the start of the body, as Apollo writes it", () => {
    expect(isRead(body("query X($representations: [_Any!]!) { _entities(representations: $representations) { __typename } }"))).toBe(true);
    expect(isRead(body("\n  { a }"))).toBe(true);
    expect(isRead(body("mutation M { a }"))).toBe(false);
    expect(isRead(body("subscription S { a }"))).toBe(false);
  });

  it("reads the whole body when the query is not its first member", () => {
    expect(isRead(JSON.stringify({ variables: {}, query: "query Q { a }" }))).toBe(true);
    expect(isRead(JSON.stringify({ variables: {}, query: "mutation M { a }" }))).toBe(false);
    expect(isRead("not json")).toBe(false);
    expect(isRead(undefined)).toBe(false);
  });
});
