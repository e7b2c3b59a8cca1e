import { randomId } from "@mantine/hooks";
import type { Project, ProjectCreateInput, ProjectUpdateInput } from "../../../contracts/admin.js";
import type { ProjectPart } from "../../../domain/access/index.js";

export interface TrackFormValues {
  /** React key only; never sent. */
  key: string;
  code: string;
  name: string;
  capacityFamilies: number | string;
  caseloadWeightPct: number | string;
  reviewIntervalMonths: number | string;
}

export interface PartyFormValues {
  key: string;
  organisationId: string;
  part: ProjectPart | "";
}

export interface ProjectFormValues {
  organisationId: string;
  name: string;
  description: string;
  startsOn: string;
  endsOn: string;
  status: Project["status"];
  tracks: TrackFormValues[];
  parties: PartyFormValues[];
}

export function newTrack(): TrackFormValues {
  return {
    key: randomId(),
    code: "",
    name: "",
    capacityFamilies: "",
    caseloadWeightPct: 100,
    reviewIntervalMonths: 12,
  };
}

export function newParty(): PartyFormValues {
  return { key: randomId(), organisationId: "", part: "" };
}

export function emptyProjectForm(organisationId: string): ProjectFormValues {
  return {
    organisationId,
    name: "",
    description: "",
    startsOn: "",
    endsOn: "",
    status: "planned",
    tracks: [newTrack()],
    parties: [],
  };
}

export function projectFormOf(project: Project): ProjectFormValues {
  return {
    organisationId: project.organisationId,
    name: project.name,
    description: project.description,
    startsOn: project.startsOn,
    endsOn: project.endsOn,
    status: project.status,
    tracks: project.tracks.map((track) => ({
      key: randomId(),
      code: track.code,
      name: track.name,
      capacityFamilies: track.capacityFamilies,
      caseloadWeightPct: track.caseloadWeightPct,
      reviewIntervalMonths: track.reviewIntervalMonths,
    })),
    parties: project.parties.map((party) => ({
      key: randomId(),
      organisationId: party.organisationId,
      part: party.part,
    })),
  };
}

/** The create body; empty number fields stay "" so that validation says "Udfyld feltet". */
export function toProjectCreateInput(values: ProjectFormValues): ProjectCreateInput {
  return {
    organisationId: values.organisationId,
    name: values.name,
    description: values.description,
    // Checked by the form's validator (CalendarDateSchema) before this body is sent.
    startsOn: values.startsOn as ProjectCreateInput["startsOn"],
    endsOn: values.endsOn as ProjectCreateInput["endsOn"],
    status: values.status,
    tracks: values.tracks.map(({ key: _key, ...track }) => track) as ProjectCreateInput["tracks"],
    parties: values.parties.map(({ key: _key, ...party }) => party) as ProjectCreateInput["parties"],
  };
}

/** The update body: every field, with the version that was read. */
export function toProjectUpdateInput(values: ProjectFormValues, version: number): ProjectUpdateInput {
  const { organisationId: _owner, ...fields } = toProjectCreateInput(values);
  return { ...fields, version };
}
