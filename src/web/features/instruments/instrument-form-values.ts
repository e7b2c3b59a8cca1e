import type { FormErrors } from "@mantine/form";
import { z } from "zod";
import type { InstrumentCreate, InstrumentVersionInput } from "../../../contracts/progression.js";
import {
  InstrumentSchema,
  type InstrumentVersion,
  InstrumentVersionSchema,
  type MemberRole,
  type Respondent,
  type SubjectKind,
} from "../../../domain/progression/index.js";
import { zodFormValidator } from "../../lib/zod-form-validator.js";

/*
 * The instrument form's values and their conversion to and from the domain's `InstrumentVersion`. The
 * values mirror the definition's shape (`items.1.scale.max`), so the domain's messages — from the
 * browser's own check or from the server (`definition.items.1.scale.max`, `versions.0.items…`) — land
 * at the field that caused them. Numbers are what Mantine's NumberInput gives ("" when empty); blank
 * optional texts are left out.
 */

export const SCALE_KINDS = ["numeric-range", "ordered-categories", "percentage", "hours"] as const;
export type ScaleKind = (typeof SCALE_KINDS)[number];
export const SCORE_KINDS = ["item", "sum", "mean"] as const;
export type ScoreKind = (typeof SCORE_KINDS)[number];
export const DIRECTIONS = ["higher-is-better", "lower-is-better"] as const;
export type DirectionValue = (typeof DIRECTIONS)[number];

/** What a NumberInput holds: a number, "" when empty, or a half-typed string. */
export type NumberValue = number | string;

export interface CategoryValues {
  key: string;
  code: string;
  label: string;
  labelEn: string;
  value: NumberValue;
}

/** Every scale kind's fields at once, so switching kind keeps what was typed; `max` serves range and hours. */
export interface ScaleValues {
  kind: ScaleKind;
  min: NumberValue;
  max: NumberValue;
  step: NumberValue;
  minLabel: string;
  maxLabel: string;
  unit: string;
  categories: CategoryValues[];
  decimals: NumberValue;
  per: "week" | "month";
}

export interface ItemValues {
  key: string;
  code: string;
  label: string;
  labelEn: string;
  help: string;
  scale: ScaleValues;
  direction: DirectionValue;
  isRequired: boolean;
  /** Empty: everyone who may answer the version. */
  respondents: Respondent[];
}

export interface CutOffValues {
  key: string;
  fromValue: NumberValue;
  code: string;
  label: string;
}

export interface ScoreValues {
  key: string;
  kind: ScoreKind;
  code: string;
  label: string;
  labelEn: string;
  /** For `item`: the item passed through. */
  item: string;
  /** For `sum` and `mean`. */
  items: string[];
  minAnswered: NumberValue;
  direction: DirectionValue;
  meaningfulChange: { kind: "absolute" | "relative-pct"; value: NumberValue };
  cutOffs: CutOffValues[];
}

export interface InstrumentFormValues {
  /** Only asked when the instrument is created. */
  code: string;
  name: string;
  nameEn: string;
  description: string;
  subjects: SubjectKind[];
  /** Empty: every member role. */
  memberRoles: MemberRole[];
  respondents: Respondent[];
  isPerGoal: boolean;
  periodNote: string;
  items: ItemValues[];
  scores: ScoreValues[];
  /** Kept as they were (not edited in the form): the goal-attainment family score, the first day of use. */
  familyAggregate?: InstrumentVersion["familyAggregate"];
  validFrom?: string;
}

let keyCounter = 0;
/** A key for a list entry (React keys; never sent). */
export const newKey = () => `k${++keyCounter}`;

const blankScale = (): ScaleValues => ({
  kind: "numeric-range",
  min: 1,
  max: 10,
  step: 1,
  minLabel: "",
  maxLabel: "",
  unit: "",
  categories: [],
  decimals: 1,
  per: "week",
});

/** A new item: a question on a 1–10 scale where higher is better. */
export function newItemValues(code = ""): ItemValues {
  return {
    key: newKey(),
    code,
    label: "",
    labelEn: "",
    help: "",
    scale: blankScale(),
    direction: "higher-is-better",
    isRequired: true,
    respondents: [],
  };
}

export function newCategoryValues(value: number): CategoryValues {
  return { key: newKey(), code: "", label: "", labelEn: "", value };
}

export function newCutOffValues(): CutOffValues {
  return { key: newKey(), fromValue: "", code: "", label: "" };
}

/** A new score passing one item through (by default under the item's code), with a change of 1 as the threshold. */
export function newScoreValues(item = "", code = item): ScoreValues {
  return {
    key: newKey(),
    kind: "item",
    code,
    label: "",
    labelEn: "",
    item,
    items: [],
    minAnswered: "",
    direction: "higher-is-better",
    meaningfulChange: { kind: "absolute", value: 1 },
    cutOffs: [],
  };
}

/** An empty form for a new instrument: one question about each member, one score. */
export function newInstrumentValues(): InstrumentFormValues {
  return {
    code: "",
    name: "",
    nameEn: "",
    description: "",
    subjects: ["person"],
    memberRoles: [],
    respondents: ["consultant"],
    isPerGoal: false,
    periodNote: "",
    items: [newItemValues()],
    scores: [newScoreValues()],
  };
}

/** The form prefilled from a version (for a new version, or to edit an unused one). */
export function valuesFromVersion(
  instrument: { code: string; name: string; nameEn: string | null; description: string },
  version: InstrumentVersion,
): InstrumentFormValues {
  return {
    code: instrument.code,
    name: instrument.name,
    nameEn: instrument.nameEn ?? "",
    description: instrument.description,
    subjects: [...version.subjects],
    memberRoles: [...(version.memberRoles ?? [])],
    respondents: [...version.respondents],
    isPerGoal: version.isPerGoal,
    periodNote: version.periodNote ?? "",
    items: version.items.map((item) => {
      const scale = blankScale();
      const s = item.scale;
      if (s.kind === "numeric-range") {
        Object.assign(scale, {
          min: s.min,
          max: s.max,
          step: s.step,
          minLabel: s.minLabel ?? "",
          maxLabel: s.maxLabel ?? "",
          unit: s.unit ?? "",
        });
      } else if (s.kind === "ordered-categories") {
        scale.categories = s.categories.map((c) => ({
          key: newKey(),
          code: c.code,
          label: c.label,
          labelEn: c.labelEn ?? "",
          value: c.value,
        }));
      } else if (s.kind === "percentage") {
        scale.decimals = s.decimals;
      } else {
        Object.assign(scale, { per: s.per, max: s.max });
      }
      scale.kind = s.kind;
      return {
        key: newKey(),
        code: item.code,
        label: item.label,
        labelEn: item.labelEn ?? "",
        help: item.help ?? "",
        scale,
        direction: item.direction,
        isRequired: item.isRequired,
        respondents: [...(item.respondents ?? [])],
      };
    }),
    scores: version.scores.map((score) => ({
      key: newKey(),
      kind: score.kind,
      code: score.code,
      label: score.label,
      labelEn: score.labelEn ?? "",
      item: score.kind === "item" ? score.item : "",
      items: score.kind === "item" ? [] : [...score.items],
      minAnswered: score.kind === "item" ? "" : (score.minAnswered ?? ""),
      direction: score.direction,
      meaningfulChange: { ...score.meaningfulChange },
      cutOffs: (score.cutOffs ?? []).map((c) => ({
        key: newKey(),
        fromValue: c.fromValue,
        code: c.code,
        label: c.label,
      })),
    })),
    ...(version.familyAggregate ? { familyAggregate: version.familyAggregate } : {}),
    ...(version.validFrom ? { validFrom: version.validFrom } : {}),
  };
}

/** A typed number, undefined when empty; text that is no number is passed on for the schema to refuse. */
function numberOf(value: NumberValue): number | string | undefined {
  if (typeof value === "number") return value;
  const text = value.trim();
  if (text === "") return undefined;
  const n = Number(text.replace(",", "."));
  return Number.isFinite(n) ? n : text;
}

const optionalText = (value: string) => (value.trim() === "" ? undefined : value.trim());

function scaleOf(scale: ScaleValues): unknown {
  switch (scale.kind) {
    case "numeric-range":
      return {
        kind: scale.kind,
        min: numberOf(scale.min),
        max: numberOf(scale.max),
        step: numberOf(scale.step) ?? 1,
        minLabel: optionalText(scale.minLabel),
        maxLabel: optionalText(scale.maxLabel),
        unit: optionalText(scale.unit),
      };
    case "ordered-categories":
      return {
        kind: scale.kind,
        categories: scale.categories.map((c) => ({
          code: c.code.trim(),
          label: c.label,
          labelEn: optionalText(c.labelEn),
          value: numberOf(c.value),
        })),
      };
    case "percentage":
      return { kind: scale.kind, decimals: numberOf(scale.decimals) ?? 1 };
    case "hours":
      return { kind: scale.kind, per: scale.per, max: numberOf(scale.max) ?? 168 };
  }
}

/** The version the form describes, without its number (the server gives it). */
export function definitionOf(values: InstrumentFormValues): Record<string, unknown> {
  return {
    subjects: values.subjects,
    memberRoles: values.memberRoles.length > 0 ? values.memberRoles : undefined,
    respondents: values.respondents,
    isPerGoal: values.isPerGoal,
    periodNote: optionalText(values.periodNote),
    items: values.items.map((item) => ({
      code: item.code.trim(),
      label: item.label,
      labelEn: optionalText(item.labelEn),
      help: optionalText(item.help),
      scale: scaleOf(item.scale),
      direction: item.direction,
      respondents: item.respondents.length > 0 ? item.respondents : undefined,
      isRequired: item.isRequired,
    })),
    scores: values.scores.map((score) => ({
      kind: score.kind,
      code: score.code.trim(),
      label: score.label,
      labelEn: optionalText(score.labelEn),
      ...(score.kind === "item"
        ? { item: score.item }
        : { items: score.items, minAnswered: numberOf(score.minAnswered) }),
      direction: score.direction,
      meaningfulChange: {
        kind: score.meaningfulChange.kind,
        value: numberOf(score.meaningfulChange.value),
      },
      cutOffs:
        score.cutOffs.length > 0
          ? score.cutOffs.map((c) => ({
              fromValue: numberOf(c.fromValue),
              code: c.code.trim(),
              label: c.label,
            }))
          : undefined,
    })),
    familyAggregate: values.isPerGoal ? values.familyAggregate : undefined,
    validFrom: values.validFrom,
  };
}

/** POST /api/projects/{id}/instruments: the instrument with its version 1. */
export function createInputOf(values: InstrumentFormValues): InstrumentCreate {
  return {
    code: values.code.trim(),
    name: values.name.trim(),
    nameEn: optionalText(values.nameEn),
    description: optionalText(values.description),
    versions: [{ ...definitionOf(values), version: 1 } as InstrumentCreate["versions"][number]],
  };
}

/** POST …/versions or PUT …/versions/{n}: the version and the instrument's texts. */
export function versionInputOf(
  values: InstrumentFormValues,
  basedOnVersion?: number,
): InstrumentVersionInput {
  return {
    definition: definitionOf(values),
    name: values.name.trim(),
    nameEn: values.nameEn.trim(),
    description: values.description.trim(),
    ...(basedOnVersion === undefined ? {} : { basedOnVersion }),
  };
}

/**
 * Error paths as the form's fields know them: without the `definition.` or `versions.0.` prefix, and
 * a problem with one entry of a multi-select (`scores.2.items.1`) at the select.
 */
export function toFormErrors(errors: FormErrors): FormErrors {
  const out: FormErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const field = path
      .replace(/^definition\./, "")
      .replace(/^versions\.0\./, "")
      .replace(/^(scores\.\d+\.items)\.\d+$/, "$1")
      .replace(/^((?:subjects|respondents|memberRoles)|items\.\d+\.respondents)\.\d+$/, "$1");
    if (!out[field]) out[field] = message;
  }
  return out;
}

const TextsSchema = z.object({
  code: InstrumentSchema.shape.code,
  name: InstrumentSchema.shape.name,
  description: InstrumentSchema.shape.description,
});

/** The browser's check of the whole form with the domain's own schemas (the server checks the same). */
export function validateInstrumentForm(values: InstrumentFormValues, isNew: boolean): FormErrors {
  const texts = zodFormValidator<InstrumentFormValues>(TextsSchema, (v) => ({
    code: isNew ? v.code.trim() : "existing",
    name: v.name,
    description: optionalText(v.description),
  }))(values);
  const version = zodFormValidator<InstrumentFormValues>(InstrumentVersionSchema, (v) => ({
    ...definitionOf(v),
    version: 1,
  }))(values);
  return toFormErrors({ ...texts, ...version });
}

/** The indexes of the list entries (`items`, `scores`) that have an error, to open them. */
export function indexesWithErrors(errors: FormErrors, list: "items" | "scores"): number[] {
  const found = new Set<number>();
  for (const path of Object.keys(errors)) {
    const match = new RegExp(`^${list}\\.(\\d+)\\.`).exec(path);
    if (match) found.add(Number(match[1]));
  }
  return [...found];
}
