import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type {
  CourseMeasurements,
  DueSlot,
  MeasurementCorrection,
  MeasurementInput,
  MeasurementRecord,
} from "../../../contracts/progression.js";
import { api } from "../../lib/api-client.js";
import { caseworkKeys, invalidateCasework } from "../families/family-queries.js";

/** The API's answers (types only: no schema code in the bundle). */
export type { CourseMeasurements, DueSlot, MeasurementCorrection, MeasurementInput, MeasurementRecord };

/** Under caseworkKeys.all, so that a case-work write (a new member, a plan goal) reads them again. */
export const measurementKeys = {
  course: (courseId: string) => [...caseworkKeys.all, "measurements", courseId] as const,
};

const measurementsPath = (courseId: string, rest = "") =>
  `/courses/${encodeURIComponent(courseId)}/measurements${rest}`;

/** GET /api/courses/:id/measurements: instruments, members, goals, every measurement and the due slots. */
export function useCourseMeasurements(courseId: string) {
  return useQuery({
    queryKey: measurementKeys.course(courseId),
    queryFn: ({ signal }) => api.get<CourseMeasurements>(measurementsPath(courseId), { signal }),
    enabled: courseId !== "",
  });
}

/**
 * POST /api/courses/:id/measurements. Afterwards everything of case work is read again: the due slots
 * and the course's measurement tasks change with it.
 */
export function useRecordMeasurement(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MeasurementInput) => api.post<MeasurementRecord>(measurementsPath(courseId), input),
    onSuccess: () => invalidateCasework(queryClient),
  });
}

/** POST /api/courses/:id/measurements/:measurementId/corrections: a new record replaces the old one. */
export function useCorrectMeasurement(courseId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ measurementId, input }: { measurementId: string; input: MeasurementCorrection }) =>
      api.post<MeasurementRecord>(
        measurementsPath(courseId, `/${encodeURIComponent(measurementId)}/corrections`),
        input,
      ),
    onSuccess: () => invalidateCasework(queryClient),
  });
}
