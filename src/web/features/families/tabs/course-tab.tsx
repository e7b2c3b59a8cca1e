import { QueryState } from "../../../components/query-state.js";
import { CoursePanel } from "../course-panel.js";
import { useCourse } from "../family-queries.js";
import type { FamilyTabProps } from "../family-tab-types.js";

/** "Forløb": the course's state and steps, the case team and the history. */
export function FamilyCourseTab({ course }: FamilyTabProps) {
  const detail = useCourse(course?.id ?? null);
  return (
    <QueryState query={detail}>
      {(c) => <CoursePanel course={c} onReload={() => detail.refetch()} />}
    </QueryState>
  );
}
