import type { TFunction } from "i18next";

/** The text keys of the contract form's fields, by the part of the path after the last row index. */
const FIELD_LABELS = {
  title: "contracts.form.title",
  validFrom: "contracts.form.validFrom",
  investmentKr: "contracts.form.investment",
  disbursements: "contracts.form.disbursements",
  date: "contracts.terms.date",
  amountKr: "contracts.terms.amount",
  riskPremium: "contracts.terms.riskPremium",
  "riskPremium.ratePct": "contracts.form.premiumRate",
  "riskPremium.amountKr": "contracts.form.premiumAmount",
  capKr: "contracts.form.cap",
  floorKr: "contracts.form.floor",
  serviceWindow: "contracts.terms.serviceWindow",
  "serviceWindow.from": "contracts.form.serviceFrom",
  "serviceWindow.to": "contracts.form.serviceTo",
  followUpWindow: "contracts.terms.followUpWindow",
  "followUpWindow.from": "contracts.form.followUpFrom",
  "followUpWindow.to": "contracts.form.followUpTo",
  mechanism: "contracts.terms.mechanism",
  "mechanism.kind": "contracts.terms.mechanism",
  "mechanism.notMeasurable": "contracts.terms.notMeasurable",
  "mechanism.weighting": "contracts.terms.weighting",
  rounding: "contracts.terms.rounding",
  "rounding.mode": "contracts.form.roundingMode",
  "rounding.unitOre": "contracts.form.roundingUnit",
  tracks: "contracts.form.tracks",
  code: "contracts.form.trackCode",
  name: "contracts.form.name",
  expectedFamilies: "contracts.form.expectedFamilies",
  budgetSharePct: "contracts.form.budgetShare",
  familyCapKr: "contracts.form.familyCap",
  goals: "contracts.form.goals",
  rule: "contracts.terms.rule",
  measurementPoint: "contracts.terms.measurementPoint",
  "payment.weightPct": "contracts.form.weight",
  "payment.thresholdPct": "contracts.form.threshold",
  "payment.targetPct": "contracts.form.target",
  "payment.priceKr": "contracts.form.price",
  "payment.pricePerDayKr": "contracts.form.pricePerDay",
  "payment.kind": "contracts.form.paymentKind",
  reason: "contracts.amend.reason",
} as const;

/** The row label keys of the lists in the form. */
const ROW_LABELS = {
  disbursements: "contracts.form.disbursementLegend",
  tracks: "contracts.form.trackLegend",
  goals: "contracts.form.goalLegend",
} as const;

/**
 * Where a problem is, in words, for the error summary: `tracks.1.goals.0.payment.weightPct` →
 * "Spor 2 › Mål 1 › Vægt (%)"; "" → "Kontrakten".
 */
export function labelOfFormPath(path: string, t: TFunction): string {
  const parts = path === "" ? [] : path.split(".");
  const labels: string[] = [];
  let rest: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? "";
    const next = parts[i + 1];
    if (part in ROW_LABELS && next !== undefined && /^\d+$/.test(next)) {
      labels.push(t(ROW_LABELS[part as keyof typeof ROW_LABELS], { number: Number(next) + 1 }));
      rest = [];
      i++;
    } else {
      rest.push(part);
    }
  }
  if (rest.length > 0) {
    const key = rest.join(".");
    labels.push(key in FIELD_LABELS ? t(FIELD_LABELS[key as keyof typeof FIELD_LABELS]) : key);
  }
  return labels.length > 0 ? labels.join(" › ") : t("contracts.form.wholeContract");
}
