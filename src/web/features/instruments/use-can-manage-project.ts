import { can } from "../../../domain/access/index.js";
import { useMe } from "../../lib/use-me.js";

/**
 * Whether the signed-in user may change this project's instruments and schedules (`project.manage`
 * on its owner), asked of the same policy the server uses. Only for showing the buttons: the server
 * decides every request.
 */
export function useCanManageProject(project: { id: string; organisationId: string } | undefined): boolean {
  const { data: me } = useMe();
  if (!me || !project) return false;
  return can({ userId: me.user.id, memberships: me.memberships, projectParties: [] }, "project.manage", {
    type: "project",
    organisationIds: [project.organisationId],
    projectIds: [project.id],
  });
}
