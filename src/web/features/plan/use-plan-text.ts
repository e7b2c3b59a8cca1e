import { useTranslation } from "react-i18next";
import { useFormatters } from "../../lib/use-formatters.js";
import type { CourseDetail, FamilyDetail } from "../families/casework-types.js";
import type { Goal, Measure } from "./plan-types.js";

/** How the plan names the people and things it refers to by id: members, users, goals, intensity. */
export interface PlanText {
  subject(subject: Goal["subject"]): string;
  /** A member's name by person id ("" subject ids are the family). */
  memberName(personId: string): string;
  userName(userId: string): string;
  responsible(measure: Pick<Measure, "responsibleUserId" | "responsibleName">): string;
  department(measure: Pick<Measure, "department" | "departmentOther">): string;
  intensity(intensity: Measure["intensity"]): string;
}

/** Names from the family (members, also those who moved out) and the case team (users). */
export function usePlanText(family: FamilyDetail, team: CourseDetail["team"] | undefined): PlanText {
  const { t } = useTranslation();
  const format = useFormatters();
  const memberName = (personId: string) => {
    const m = family.members.find((x) => x.person.id === personId);
    return m ? `${m.person.firstName} ${m.person.lastName}` : t("plan.goals.unknownMember");
  };
  const userName = (userId: string) =>
    team?.find((m) => m.userId === userId)?.name ?? t("plan.measures.userResponsible");
  return {
    subject: (subject) => (subject.kind === "family" ? t("plan.goals.family") : memberName(subject.personId)),
    memberName,
    userName,
    responsible: (m) =>
      [m.responsibleUserId ? userName(m.responsibleUserId) : null, m.responsibleName ?? null]
        .filter((x): x is string => Boolean(x))
        .join(" · "),
    department: (m) =>
      m.department === "other" && m.departmentOther
        ? m.departmentOther
        : t(`plan.departments.${m.department}`),
    intensity: (intensity) => {
      if (!intensity) return t("plan.measures.noIntensity");
      if (intensity.kind === "hours-per-week") {
        return t("plan.measures.hoursPerWeek", { hours: format.number(intensity.hoursPerWeek) });
      }
      return t("plan.measures.frequency", { count: intensity.times, per: t(`plan.per.${intensity.per}`) });
    },
  };
}
