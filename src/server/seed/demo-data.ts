import type { Role } from "../../domain/access/index.js";

/** The demo password of every demo user (demo mode only; printed at start). */
export const DEMO_PASSWORD = "bundlinje-demo";

export const DEMO_ORGANISATIONS = [
  { key: "platform", name: "Bundlinje platform", kind: "platform", externalCode: null },
  { key: "vejle", name: "Vejle Kommune", kind: "municipality", externalCode: "630" },
  { key: "rodovre", name: "Rødovre Kommune", kind: "municipality", externalCode: "175" },
  { key: "provider", name: "Familiebehandling på Modersmål", kind: "provider", externalCode: null },
  { key: "investor", name: "Social Investeringsfond (demo)", kind: "investor", externalCode: null },
  { key: "evaluator", name: "Evalueringsinstituttet (demo)", kind: "evaluator", externalCode: null },
] as const;
export type DemoOrgKey = (typeof DEMO_ORGANISATIONS)[number]["key"];

export const DEMO_PROJECTS = [
  {
    key: "vejle",
    owner: "vejle",
    name: "Familiebehandling på modersmål – Vejle",
    description:
      "Resultatbaseret familiebehandling på familiens eget sprog: 25 familier over to år (20 almindelige, 5 intensive), forfinansieret af en social investor.",
    startsOn: "2022-01-01",
    endsOn: "2026-12-31",
    status: "active",
    tracks: [
      {
        code: "ordinary",
        name: "Almindelig familiebehandling",
        capacityFamilies: 20,
        caseloadWeightPct: 100,
        reviewIntervalMonths: 12,
      },
      {
        code: "intensive",
        name: "Intensiv familiebehandling",
        capacityFamilies: 5,
        caseloadWeightPct: 150,
        reviewIntervalMonths: 12,
      },
    ],
    parties: [
      { org: "provider", part: "provider" },
      { org: "investor", part: "investor" },
      { org: "evaluator", part: "evaluator" },
    ],
  },
  {
    key: "rodovre",
    owner: "rodovre",
    name: "Invester før det sker – Rødovre",
    description:
      "Intensiv, koordineret indsats for familier, hvor en forælder (25–40 år) modtager kontanthjælp: 4 ekstra rådgivere i par på tværs af forvaltninger, 40 familier ad gangen.",
    startsOn: "2024-01-01",
    endsOn: "2028-12-31",
    status: "active",
    tracks: [
      {
        code: "intensive",
        name: "Koordineret familieindsats",
        capacityFamilies: 40,
        caseloadWeightPct: 100,
        reviewIntervalMonths: 12,
      },
    ],
    parties: [],
  },
] as const;

export const DEMO_USERS: { email: string; displayName: string; org: DemoOrgKey; role: Role }[] = [
  { email: "admin@bundlinje.demo", displayName: "Anne Admin", org: "platform", role: "platform_admin" },
  { email: "sagsbehandler@vejle.demo", displayName: "Sara Sagsbehandler", org: "vejle", role: "caseworker" },
  { email: "sagsbehandler2@vejle.demo", displayName: "Jonas Holm", org: "vejle", role: "caseworker" },
  { email: "leder@vejle.demo", displayName: "Lars Leder", org: "vejle", role: "team_leader" },
  {
    email: "projektleder@vejle.demo",
    displayName: "Pia Projektleder",
    org: "vejle",
    role: "project_manager",
  },
  { email: "okonomi@vejle.demo", displayName: "Ole Økonomi", org: "vejle", role: "finance_controller" },
  {
    email: "konsulent@modersmaal.demo",
    displayName: "Kamal Konsulent",
    org: "provider",
    role: "family_consultant",
  },
  { email: "investor@fond.demo", displayName: "Ida Investor", org: "investor", role: "investor" },
  { email: "evaluator@evaluering.demo", displayName: "Erik Evaluator", org: "evaluator", role: "evaluator" },
  { email: "sagsbehandler@rodovre.demo", displayName: "Rasmus Rådgiver", org: "rodovre", role: "caseworker" },
];
