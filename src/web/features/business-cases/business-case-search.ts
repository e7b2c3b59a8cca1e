import { z } from "zod";

export const STUDIO_TABS = ["editor", "results", "uncertainty", "versions"] as const;
export type StudioTab = (typeof STUDIO_TABS)[number];

const optionalText = z.string().trim().max(200).optional().catch(undefined);

/** The studio's tab and the variant whose results are shown, kept in the address. */
export const StudioSearchSchema = z.object({
  tab: z.enum(STUDIO_TABS).optional().catch(undefined),
  variant: optionalText,
});
export type StudioSearch = z.infer<typeof StudioSearchSchema>;

/** The print view: which saved version (default the current one) and variant. */
export const PrintSearchSchema = z.object({
  version: z.coerce.number().int().min(1).optional().catch(undefined),
  variant: optionalText,
});

/** The list can be narrowed to one project. */
export const BusinessCaseListSearchSchema = z.object({ projectId: optionalText });

/**
 * The compare page: 2–4 items, each `<business case id>:<version or "current">:<variant id or "">`,
 * comma-separated in `items`.
 */
export const CompareSearchSchema = z.object({ items: z.string().max(2000).optional().catch(undefined) });

/** One scenario on the compare page. */
export interface CompareItem {
  businessCaseId: string;
  /** A saved version, or null for the current one. */
  version: number | null;
  /** A variant id, or null for the scenario itself. */
  variantId: string | null;
}

/** Reads the compare page's `items` (bad entries are skipped; at most 4). */
export function parseCompareItems(items: string | undefined): CompareItem[] {
  if (!items) return [];
  return items
    .split(",")
    .map((entry) => {
      const [businessCaseId = "", version = "", variantId = ""] = entry.split(":").map(decodeURIComponent);
      const n = Number(version);
      return {
        businessCaseId,
        version: Number.isSafeInteger(n) && n > 0 ? n : null,
        variantId: variantId || null,
      };
    })
    .filter((item) => /^[\w-]{1,64}$/.test(item.businessCaseId))
    .filter(
      (item, index, all) =>
        all.findIndex((other) => compareItemKey(other) === compareItemKey(item)) === index,
    )
    .slice(0, 4);
}

/** A stable key of an item (business case, version, variant). */
export function compareItemKey(item: CompareItem): string {
  return `${item.businessCaseId}:${item.version ?? "current"}:${item.variantId ?? ""}`;
}

/** Writes the compare page's `items`. */
export function formatCompareItems(items: readonly CompareItem[]): string {
  return items
    .map((item) =>
      [item.businessCaseId, item.version ?? "current", item.variantId ?? ""]
        .map((p) => encodeURIComponent(String(p)))
        .join(":"),
    )
    .join(",");
}
