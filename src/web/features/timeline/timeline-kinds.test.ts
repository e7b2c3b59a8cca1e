import { describe, expect, it } from "vitest";
import { danishDayOf, groupByMonth } from "./timeline-kinds.js";

describe("the timeline's months", () => {
  it("reads an instant on the Danish clock: 23:30 UTC on 31 January is already February in Denmark", () => {
    expect(danishDayOf("2026-01-31T23:30:00.000Z")).toBe("2026-02-01");
    expect(danishDayOf("2026-01-31")).toBe("2026-01-31");
  });

  it("groups items month by month in the order they came", () => {
    const groups = groupByMonth([
      { id: "a", at: "2026-03-02" },
      { id: "b", at: "2026-02-20T10:00:00.000Z" },
      { id: "c", at: "2026-02-01" },
      { id: "d", at: "2025-12-24T18:00:00.000Z" },
    ]);
    expect(groups.map((g) => [g.month, g.items.map((i) => i.id)])).toEqual([
      ["2026-03", ["a"]],
      ["2026-02", ["b", "c"]],
      ["2025-12", ["d"]],
    ]);
  });
});
