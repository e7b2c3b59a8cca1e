/** A cell with an amount or a count: right-aligned, on one line, digits of equal width. */
export const numeric = {
  textAlign: "right",
  whiteSpace: "nowrap",
  fontVariantNumeric: "tabular-nums",
} as const;

/** A header over numbers: right-aligned, and allowed to wrap so that the amounts keep their room. */
export const numberHeader = { textAlign: "right", verticalAlign: "bottom" } as const;
