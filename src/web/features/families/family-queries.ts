import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import type { User } from "../../../contracts/admin.js";
import { caseTeamRoleOf } from "../../../domain/access/index.js";
import type { ConsentPurpose } from "../../../domain/casework/consent.js";
import { api, type Page } from "../../lib/api-client.js";
import { useCurrentMe } from "../../lib/use-me.js";
import type {
  CourseDetail,
  DuplicateWarning,
  FamilyDetail,
  FamilySummary,
  NewMemberInput,
  TeamCandidate,
  TeamMember,
} from "./casework-types.js";

/** The family list's query (GET /api/families). */
export interface FamilyListQuery {
  q?: string;
  projectId?: string;
  trackId?: string;
  state?: string;
  caseworkerId?: string;
  overdue?: boolean;
  limit: number;
  offset: number;
}

export const caseworkKeys = {
  all: ["casework"] as const,
  families: (query: FamilyListQuery) => [...caseworkKeys.all, "families", query] as const,
  family: (id: string) => [...caseworkKeys.all, "family", id] as const,
  course: (id: string) => [...caseworkKeys.all, "course", id] as const,
  teamCandidates: (id: string) => [...caseworkKeys.all, "team-candidates", id] as const,
  referrals: (filter: Record<string, unknown>) => [...caseworkKeys.all, "referrals", filter] as const,
  referral: (id: string) => [...caseworkKeys.all, "referral", id] as const,
  caseworkers: (organisationId: string) => [...caseworkKeys.all, "caseworkers", organisationId] as const,
  consultants: (organisationId: string) => [...caseworkKeys.all, "consultants", organisationId] as const,
};

const familyPath = (id: string, rest = "") => `/families/${encodeURIComponent(id)}${rest}`;
const coursePath = (id: string, rest = "") => `/courses/${encodeURIComponent(id)}${rest}`;

/**
 * After a write, everything about families, courses and referrals is read again: a state shown in
 * one list (the family's course) often changes through another record (the referral).
 */
export function invalidateCasework(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: caseworkKeys.all });
}

/** GET /api/families: a page of the families the user may read. */
export function useFamilies(query: FamilyListQuery) {
  return useQuery({
    queryKey: caseworkKeys.families(query),
    queryFn: ({ signal }) =>
      api.get<Page<FamilySummary>>("/families", {
        signal,
        query: { ...query, overdue: query.overdue ? "true" : undefined },
      }),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/families/:id: members (CPR masked), consents, referrals and courses. */
export function useFamily(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: caseworkKeys.family(id),
    queryFn: ({ signal }) => api.get<FamilyDetail>(familyPath(id), { signal }),
    enabled: options.enabled ?? true,
  });
}

/** POST /api/families/:id/members: a new person (409 on a possible duplicate) moves in. */
export function useAddMember(familyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewMemberInput) => api.post<FamilyDetail>(familyPath(familyId, "/members"), input),
    onSuccess: () => invalidateCasework(queryClient),
  });
}

/** POST /api/families/:id/members/:membershipId/end: the person moved out (last day). */
export function useEndMembership(familyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ membershipId, toOn }: { membershipId: string; toOn: string }) =>
      api.post<FamilyDetail>(familyPath(familyId, `/members/${encodeURIComponent(membershipId)}/end`), {
        toOn,
      }),
    onSuccess: () => invalidateCasework(queryClient),
  });
}

export interface ConsentRecordInput {
  purposes: ConsentPurpose[];
  personId?: string;
  isGiven: boolean;
  recordedOn: string;
  note: string;
}

/** POST /api/families/:id/consents, once per purpose (the records are append-only). */
export function useRecordConsents(familyId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ purposes, ...rest }: ConsentRecordInput) => {
      let family: FamilyDetail | null = null;
      for (const purpose of purposes) {
        family = await api.post<FamilyDetail>(familyPath(familyId, "/consents"), { ...rest, purpose });
      }
      return family;
    },
    onSettled: () => invalidateCasework(queryClient),
  });
}

/** POST /api/persons/duplicate-check: warnings when a new person may already be known. */
export async function checkDuplicates(input: {
  firstName: string;
  lastName: string;
  birthDate: string;
  cpr?: string;
}): Promise<DuplicateWarning[]> {
  const answer = await api.post<{ warnings: DuplicateWarning[] }>("/persons/duplicate-check", input);
  return answer.warnings;
}

/** POST /api/persons/:id/cpr-reveal: the full number (audited with the reason). Never cached. */
export async function revealCpr(personId: string, reason: string): Promise<string> {
  const answer = await api.post<{ cpr: string }>(`/persons/${encodeURIComponent(personId)}/cpr-reveal`, {
    reason,
  });
  return answer.cpr;
}

/** GET /api/courses/:id: state, history, allowed events and the case team. */
export function useCourse(id: string | null) {
  return useQuery({
    queryKey: caseworkKeys.course(id ?? ""),
    queryFn: ({ signal }) => api.get<CourseDetail>(coursePath(id ?? ""), { signal }),
    enabled: Boolean(id),
  });
}

/** POST /api/courses/:id/transitions with the version that was read. */
export function useCourseTransition(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { event: string; on: string; reason?: string; version: number }) =>
      api.post<CourseDetail>(coursePath(courseId, "/transitions"), input),
    onSuccess: (course) => {
      queryClient.setQueryData(caseworkKeys.course(courseId), course);
      return invalidateCasework(queryClient);
    },
  });
}

/** GET /api/courses/:id/team-candidates. */
export function useTeamCandidates(courseId: string, enabled: boolean) {
  return useQuery({
    queryKey: caseworkKeys.teamCandidates(courseId),
    queryFn: ({ signal }) =>
      api.get<{ items: TeamCandidate[] }>(coursePath(courseId, "/team-candidates"), { signal }),
    enabled,
  });
}

/** POST /api/courses/:id/team (409 when over the hard caseload limit without an override). */
export function useAddTeamMember(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { userId: string; role: string; fromOn: string; overrideReason?: string }) =>
      api.post<{ team: TeamMember[] }>(coursePath(courseId, "/team"), input),
    onSuccess: () => invalidateCasework(queryClient),
  });
}

/** POST /api/courses/:id/team/:memberId/end (the last day on the team). */
export function useEndTeamMember(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ memberId, toOn }: { memberId: string; toOn: string }) =>
      api.post<{ team: TeamMember[] }>(coursePath(courseId, `/team/${encodeURIComponent(memberId)}/end`), {
        toOn,
      }),
    onSuccess: () => invalidateCasework(queryClient),
  });
}

/** The municipality the user works for (the first municipal membership), if any. */
export function useMyMunicipality(): { id: string; name: string } | null {
  const me = useCurrentMe();
  const m = me.memberships.find((membership) => membership.organisationKind === "municipality");
  return m ? { id: m.organisationId, name: m.organisationName } : null;
}

/**
 * The active caseworkers and team leaders of an organisation (GET /api/users, which only answers
 * with the users the caller may see: an empty list for anyone outside the organisation).
 */
export function useCaseworkers(organisationId: string | null) {
  return useQuery({
    queryKey: caseworkKeys.caseworkers(organisationId ?? ""),
    queryFn: async ({ signal }) => {
      const page = await api.get<Page<User>>("/users", {
        signal,
        query: { organisationId: organisationId ?? "", limit: 500 },
      });
      return page.items
        .filter(
          (u) =>
            u.isActive &&
            u.memberships.some(
              (m) => m.organisationId === organisationId && caseTeamRoleOf(m.role) === "caseworker",
            ),
        )
        .map((u) => ({ id: u.id, name: u.displayName }));
    },
    enabled: Boolean(organisationId),
    staleTime: 5 * 60_000,
  });
}

/** The provider's family consultants the user may see (often none for a municipal caseworker). */
export function useConsultants(providerId: string | null) {
  return useQuery({
    queryKey: caseworkKeys.consultants(providerId ?? ""),
    queryFn: async ({ signal }) => {
      const page = await api.get<Page<User>>("/users", {
        signal,
        query: { organisationId: providerId ?? "", limit: 500 },
      });
      return page.items
        .filter(
          (u) =>
            u.isActive &&
            u.memberships.some(
              (m) => m.organisationId === providerId && caseTeamRoleOf(m.role) === "consultant",
            ),
        )
        .map((u) => ({ id: u.id, name: u.displayName }));
    },
    enabled: Boolean(providerId),
    staleTime: 5 * 60_000,
  });
}
