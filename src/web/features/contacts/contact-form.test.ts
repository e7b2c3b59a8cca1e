import { describe, expect, it } from "vitest";
import { ContactInputSchema } from "../../../contracts/casework-plan.js";
import {
  type ContactFormValues,
  computedOutOfHours,
  formFieldOfApiPath,
  toContactInput,
  validateContactForm,
} from "./contact-form.js";

const NOW = new Date("2026-01-15T12:00:00Z");
const valid: ContactFormValues = {
  date: "2026-01-14",
  time: "19:30",
  kind: "home-visit",
  personIds: ["7d3c4a43-8f57-4b8e-9b2c-0a0c8f1f2a11"],
  userIds: [],
  others: [" Tolk ", ""],
  language: "so",
  interpreterUsed: true,
  durationMinutes: 90,
  isOutOfHours: false,
  note: "  Godt besøg.  ",
};

describe("the contact form", () => {
  it("accepts a complete contact and sends what the API's schema parses, in Danish time", () => {
    expect(validateContactForm(valid, NOW)).toEqual({});
    const input = toContactInput(valid);
    expect(input).toMatchObject({
      occurredAt: "2026-01-14T18:30:00.000Z",
      participants: { others: ["Tolk"] },
      durationMinutes: 90,
      note: "Godt besøg.",
    });
    expect(input).not.toHaveProperty("isOutOfHours");
    expect(ContactInputSchema.safeParse(input).success).toBe(true);
  });

  it("refuses an empty, zero, fractional or over-long duration with its own message", () => {
    const durationError = (durationMinutes: number | string) =>
      validateContactForm({ ...valid, durationMinutes }, NOW).durationMinutes;
    expect(durationError("")).toBe("durationRequired");
    expect(durationError(0)).toBe("durationMin");
    expect(durationError(12.5)).toBe("durationWhole");
    expect(durationError(1441)).toBe("durationMax");
    expect(durationError(1440)).toBeUndefined();
  });

  it("refuses a time in the future, a missing kind and a missing language", () => {
    const errors = validateContactForm(
      { ...valid, date: "2026-01-15", time: "13:30", kind: "", language: "" },
      NOW,
    );
    expect(errors).toEqual({ time: "future", kind: "kind", language: "language" });
  });

  it("says the contact is out of hours in the evening or when it runs past 17:00, not at midday", () => {
    expect(computedOutOfHours(valid)).toBe(true);
    expect(computedOutOfHours({ ...valid, time: "10:00", durationMinutes: 60 })).toBe(false);
    expect(computedOutOfHours({ ...valid, time: "16:30", durationMinutes: 45 })).toBe(true);
    expect(computedOutOfHours({ ...valid, durationMinutes: "" })).toBeNull();
  });

  it("sends a forced out-of-hours flag only when it is ticked", () => {
    expect(toContactInput({ ...valid, time: "10:00", isOutOfHours: true }).isOutOfHours).toBe(true);
  });

  it("puts the server's problems at the right fields", () => {
    expect(formFieldOfApiPath("occurredAt")).toBe("time");
    expect(formFieldOfApiPath("participants.personIds.0")).toBe("personIds");
    expect(formFieldOfApiPath("body.durationMinutes")).toBe("durationMinutes");
    expect(formFieldOfApiPath("somethingElse")).toBeNull();
  });
});
