import { type CSSVariablesResolver, createTheme, type MantineColorsTuple } from "@mantine/core";

/**
 * A calm public-sector blue. Mantine's default blue fails WCAG AA on white (3.55:1); shade 8 of this
 * palette is 8.3:1, shade 9 on shade 1 (light buttons, badges) 7.6:1.
 */
const bundlinje: MantineColorsTuple = [
  "#e8f1fa",
  "#d0e2f3",
  "#a3c4e6",
  "#72a4d9",
  "#4a89cd",
  "#2f77c5",
  "#1f6bbd",
  "#155ca6",
  "#0e4f91",
  "#05427d",
];

// Status colours darkened so that white on shade 8 and shade 9 on shade 1 both pass AA (≥ 5.9:1).
const green: MantineColorsTuple = [
  "#e9f7ee",
  "#d3efdc",
  "#a7dfb9",
  "#78cd94",
  "#4fbb73",
  "#34a85d",
  "#23964d",
  "#1a7f40",
  "#136b35",
  "#0b5529",
];
const red: MantineColorsTuple = [
  "#fdecec",
  "#f9d6d6",
  "#f0aaaa",
  "#e67d7d",
  "#dc5555",
  "#d33b3b",
  "#c92a2a",
  "#b12222",
  "#9b1c1c",
  "#7f1515",
];
const orange: MantineColorsTuple = [
  "#fff4e5",
  "#ffe8c7",
  "#fbd08e",
  "#f6b452",
  "#f09a2a",
  "#e0800f",
  "#c76a06",
  "#a85605",
  "#8a4604",
  "#6b3603",
];

export const theme = createTheme({
  primaryColor: "bundlinje",
  primaryShade: 8,
  colors: { bundlinje, green, red, orange },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif',
  defaultRadius: "sm",
  focusRing: "auto",
  cursorType: "pointer",
  headings: {
    fontWeight: "650",
    sizes: {
      h1: { fontSize: "1.75rem", lineHeight: "1.3" },
      h2: { fontSize: "1.375rem", lineHeight: "1.35" },
      h3: { fontSize: "1.125rem", lineHeight: "1.4" },
      h4: { fontSize: "1.0625rem", lineHeight: "1.4" },
    },
  },
  components: {
    Table: { defaultProps: { verticalSpacing: "sm", horizontalSpacing: "md" } },
    // Underlined links are told apart from text without relying on colour (WCAG 1.4.1).
    Anchor: { defaultProps: { underline: "always" } },
    Badge: {
      styles: { root: { textTransform: "none", fontWeight: 600, flexShrink: 0, overflow: "visible" } },
    },
    // Section legends inside forms ("Spor", "Deltagende organisationer") read as sub-headings.
    Fieldset: {
      styles: (_theme: unknown, props: { variant?: string }) =>
        props.variant === "unstyled"
          ? {
              legend: {
                fontWeight: 650,
                fontSize: "var(--mantine-font-size-lg)",
                marginBottom: "var(--mantine-spacing-sm)",
              },
            }
          : { legend: { fontWeight: 600 } },
    },
  },
});

/** Text colours that Mantine takes from too light a shade for WCAG AA (dimmed, error, placeholder). */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    "--mantine-color-dimmed": "var(--mantine-color-gray-7)",
    "--mantine-color-error": "var(--mantine-color-red-9)",
    "--mantine-color-placeholder": "var(--mantine-color-gray-6)",
    "--mantine-color-anchor": "var(--mantine-color-bundlinje-8)",
  },
  dark: {},
});
