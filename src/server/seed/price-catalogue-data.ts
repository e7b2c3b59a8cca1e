/**
 * The shared national catalogue as seeded: the cited figures from DOMAIN.md with their sources; prices
 * not from a source (fitted to a published business case, or illustrative) are marked as examples.
 */
export const NATIONAL_UNIT_PRICES = [
  {
    code: "foster-family-child-year",
    name: "Barn anbragt i plejefamilie (pr. år)",
    unit: "per-child-year",
    amountOre: 470_000_00,
    priceYear: 2019,
    sourceText: "Landsgennemsnit 2019, Benchmarkingenheden",
    sourceUrl: null,
    isExample: false,
  },
  {
    code: "residential-institution-child-year",
    name: "Barn anbragt på døgninstitution (pr. år)",
    unit: "per-child-year",
    amountOre: 1_160_000_00,
    priceYear: 2019,
    sourceText: "Landsgennemsnit 2019, Benchmarkingenheden",
    sourceUrl: null,
    isExample: false,
  },
  {
    code: "cash-benefit-to-work-year",
    name: "Borger fra kontanthjælp til ufaglært arbejde, kommunal gevinst (pr. år)",
    unit: "per-person-year",
    amountOre: 100_000_00,
    priceYear: 2010,
    sourceText: "CASA 2010, som anvendt i en kommunes businesscase (Rødovre)",
    sourceUrl: null,
    isExample: false,
  },
  {
    code: "foster-care-child-year-fit",
    name: "Barn i familiepleje, forebygget spædbørnsanbringelse (pr. år)",
    unit: "per-child-year",
    amountOre: 500_000_00,
    priceYear: 2024,
    sourceText: "Eksempel: tilpasset Rødovres publicerede businesscase (DOMAIN.md, afsnit B)",
    sourceUrl: null,
    isExample: true,
  },
  {
    code: "family-support-course-year",
    name: "Udskudt lettere familiestøtteforløb (pr. år)",
    unit: "per-family-year",
    amountOre: 180_000_00,
    priceYear: 2024,
    sourceText: "Eksempel: tilpasset Rødovres publicerede businesscase (DOMAIN.md, afsnit B)",
    sourceUrl: null,
    isExample: true,
  },
  {
    code: "caseworker-year",
    name: "Rådgiver/sagsbehandler, lønudgift (pr. år)",
    unit: "per-person-year",
    amountOre: 500_000_00,
    priceYear: 2024,
    sourceText: "Eksempel: Rødovres businesscase (4 rådgivere ≈ 2 mio. kr.)",
    sourceUrl: null,
    isExample: true,
  },
  {
    code: "support-hour",
    name: "Støttetime i hjemmet (pr. time)",
    unit: "per-hour",
    amountOre: 450_00,
    priceYear: 2024,
    sourceText: "Eksempel: illustrativ timepris for praktisk-pædagogisk støtte",
    sourceUrl: null,
    isExample: true,
  },
] as const;

/**
 * An illustrative net price index (2024 = 100). Replace with the official PL-index (Danmarks
 * Statistik / Finansministeriet) in the catalogue page; marked as an example in the docs.
 */
export const NATIONAL_PRICE_INDEX = [
  { year: 2010, indexValue: 78.4 },
  { year: 2015, indexValue: 83.1 },
  { year: 2019, indexValue: 87.6 },
  { year: 2020, indexValue: 88.9 },
  { year: 2021, indexValue: 90.8 },
  { year: 2022, indexValue: 95.6 },
  { year: 2023, indexValue: 98.1 },
  { year: 2024, indexValue: 100.0 },
  { year: 2025, indexValue: 102.2 },
  { year: 2026, indexValue: 104.4 },
];
