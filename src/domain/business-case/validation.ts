/**
 * Field-level validation shared by the scenario, sensitivity and Monte Carlo inputs: errors are Danish
 * messages keyed by the field's path (`"effects.1.lagYears"`), so that the API can return them as they
 * are and the UI can show each one at its field.
 */

/** Danish error messages keyed by field path (dot-separated, array indexes as numbers). */
export type FieldErrors = Record<string, string>;

/** Thrown by the engine's entry points when their input is invalid; `errors` holds one message per field. */
export class BusinessCaseInputError extends Error {
  override name = "BusinessCaseInputError";
  /** Danish messages keyed by field path. */
  readonly errors: FieldErrors;

  /** @param errors at least one message keyed by field path. */
  constructor(errors: FieldErrors) {
    const first = Object.entries(errors)[0];
    super(first ? `Ugyldigt input – ${first[0]}: ${first[1]}` : "Ugyldigt input");
    this.errors = errors;
  }
}

/** Rules for one numeric field. */
export interface NumberRule {
  /** Smallest allowed value (inclusive unless `isMinExclusive`). */
  min?: number;
  /** Largest allowed value (inclusive). */
  max?: number;
  /** When true, the value must be strictly greater than `min`. */
  isMinExclusive?: boolean;
  /** When true, the value must be a whole number. */
  isInteger?: boolean;
  /** Message to use when the value is out of range (instead of the generic one). */
  rangeMessage?: string;
}

/**
 * Collects errors while reading an untrusted value field by field. The first error for a path wins.
 * Reading methods never throw; they return `undefined` for an invalid field.
 */
export class FieldValidator {
  /** Errors collected so far. */
  readonly errors: FieldErrors = {};

  /** Records `message` for `path` unless the path already has an error. */
  fail(path: string, message: string): void {
    if (!(path in this.errors)) this.errors[path] = message;
  }

  /** True when no error has been recorded. */
  get isValid(): boolean {
    return Object.keys(this.errors).length === 0;
  }

  /** Reads a required number. @returns the number, or undefined after recording an error. */
  number(path: string, value: unknown, rule: NumberRule = {}): number | undefined {
    if (value === undefined || value === null || value === "") {
      this.fail(path, "Skal udfyldes");
      return undefined;
    }
    if (typeof value !== "number" || !Number.isFinite(value)) {
      this.fail(path, "Skal være et tal");
      return undefined;
    }
    if (rule.isInteger && !Number.isSafeInteger(value)) {
      this.fail(path, "Skal være et helt tal");
      return undefined;
    }
    const { min } = rule;
    const max = rule.max === Number.POSITIVE_INFINITY ? undefined : rule.max;
    const isBelow = min !== undefined && (rule.isMinExclusive ? value <= min : value < min);
    const isAbove = max !== undefined && value > max;
    if (isBelow || isAbove) {
      this.fail(path, rule.rangeMessage ?? describeRange(rule));
      return undefined;
    }
    return value;
  }

  /** Reads an optional number: `undefined`/`null` give `fallback`, anything else must satisfy `rule`. */
  optionalNumber<T extends number | undefined>(
    path: string,
    value: unknown,
    fallback: T,
    rule: NumberRule = {},
  ): number | T {
    if (value === undefined || value === null) return fallback;
    return this.number(path, value, rule) ?? fallback;
  }

  /** Reads a required, non-blank string (trimmed). */
  text(path: string, value: unknown): string | undefined {
    if (value === undefined || value === null) {
      this.fail(path, "Skal udfyldes");
      return undefined;
    }
    if (typeof value !== "string") {
      this.fail(path, "Skal være tekst");
      return undefined;
    }
    const trimmed = value.trim();
    if (trimmed === "") {
      this.fail(path, "Skal udfyldes");
      return undefined;
    }
    return trimmed;
  }

  /** Reads one of a fixed set of strings. */
  oneOf<T extends string>(
    path: string,
    value: unknown,
    allowed: readonly T[],
    message: string,
  ): T | undefined {
    if (typeof value === "string" && (allowed as readonly string[]).includes(value)) return value as T;
    this.fail(path, value === undefined || value === null ? "Skal udfyldes" : message);
    return undefined;
  }

  /** Reads an array (possibly empty). */
  array(path: string, value: unknown): unknown[] | undefined {
    if (Array.isArray(value)) return value;
    this.fail(path, value === undefined || value === null ? "Skal udfyldes" : "Skal være en liste");
    return undefined;
  }

  /** Reads an object (not an array). */
  object(path: string, value: unknown): Record<string, unknown> | undefined {
    if (typeof value === "object" && value !== null && !Array.isArray(value))
      return value as Record<string, unknown>;
    this.fail(path, value === undefined || value === null ? "Skal udfyldes" : "Skal være et objekt");
    return undefined;
  }
}

function describeRange(rule: NumberRule): string {
  const { min } = rule;
  const max = rule.max === Number.POSITIVE_INFINITY ? undefined : rule.max;
  if (min !== undefined && max !== undefined)
    return `Skal være mellem ${formatNumber(min)} og ${formatNumber(max)}`;
  if (min !== undefined) {
    return rule.isMinExclusive
      ? `Skal være større end ${formatNumber(min)}`
      : `Må ikke være under ${formatNumber(min)}`;
  }
  if (max !== undefined) return `Må ikke være over ${formatNumber(max)}`;
  return "Ugyldig værdi";
}

function formatNumber(n: number): string {
  return String(n).replace(".", ",");
}

/** Joins a path and a key: `joinPath("effects.1", "lagYears")` → `"effects.1.lagYears"`. */
export function joinPath(path: string, key: string | number): string {
  return path === "" ? String(key) : `${path}.${key}`;
}
