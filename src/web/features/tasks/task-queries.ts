import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CaseTask,
  CaseTaskKind,
  CourseReview,
  ReviewDecision,
} from "../../../contracts/casework-tasks.js";
import { api, type Page } from "../../lib/api-client.js";
import { caseworkKeys, invalidateCasework } from "../families/family-queries.js";

/** GET /api/tasks/mine's query. */
export interface MyTasksQuery {
  status: "open" | "done" | "all";
  kind?: CaseTaskKind;
  overdue?: boolean;
  limit: number;
  offset: number;
}

/** Under the case-work keys: any case-work write (a plan saved, a course moved) reads the tasks again. */
export const taskKeys = {
  mine: (query: MyTasksQuery) => [...caseworkKeys.all, "tasks", "mine", query] as const,
  course: (courseId: string) => [...caseworkKeys.all, "tasks", "course", courseId] as const,
  reviews: (courseId: string) => [...caseworkKeys.all, "reviews", courseId] as const,
};

const coursePath = (id: string, rest: string) => `/courses/${encodeURIComponent(id)}${rest}`;

/** GET /api/tasks/mine: a page of the user's tasks, overdue first. */
export function useMyTasks(query: MyTasksQuery) {
  return useQuery({
    queryKey: taskKeys.mine(query),
    queryFn: ({ signal }) =>
      api.get<Page<CaseTask>>("/tasks/mine", {
        signal,
        query: { ...query, overdue: query.overdue ? "true" : undefined },
      }),
    placeholderData: keepPreviousData,
  });
}

/** GET /api/courses/:id/tasks: every task of one course, open and done. */
export function useCourseTasks(courseId: string) {
  return useQuery({
    queryKey: taskKeys.course(courseId),
    queryFn: ({ signal }) =>
      api.get<Page<CaseTask>>(coursePath(courseId, "/tasks"), { signal, query: { status: "all" } }),
  });
}

/** POST /api/tasks/:id/complete (409 when someone completed it first). */
export function useCompleteTask() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (taskId: string) => api.post<CaseTask>(`/tasks/${encodeURIComponent(taskId)}/complete`, {}),
    onSettled: () => invalidateCasework(queryClient),
  });
}

/** GET /api/courses/:id/reviews: the reviews held, newest first. */
export function useCourseReviews(courseId: string) {
  return useQuery({
    queryKey: taskKeys.reviews(courseId),
    queryFn: ({ signal }) => api.get<{ items: CourseReview[] }>(coursePath(courseId, "/reviews"), { signal }),
  });
}

/** POST /api/courses/:id/reviews: records the review; the server completes the review task and sets the next. */
export function useRecordReview(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { heldOn: string; decision: ReviewDecision; reasons: string }) =>
      api.post<CourseReview>(coursePath(courseId, "/reviews"), input),
    onSuccess: () => invalidateCasework(queryClient),
  });
}
