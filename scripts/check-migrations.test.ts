import { describe, expect, it } from "vitest";
import { findMigrationDrift } from "./check-migrations.js";

describe("migrations", () => {
  it("the committed migrations match the Drizzle schema (no drift)", () => {
    expect(findMigrationDrift()).toEqual([]);
  }, 60_000);
});
