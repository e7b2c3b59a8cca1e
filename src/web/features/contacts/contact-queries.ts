import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { Contact, ContactInput, Note, NoteInput } from "../../../contracts/casework-plan.js";
import { api } from "../../lib/api-client.js";
import { caseworkKeys } from "../families/family-queries.js";

/** The API's answers (types only: no schema code in the bundle). */
export type { Contact, ContactInput, Note, NoteInput };

/** Under caseworkKeys.all, so that any case-work write (and invalidateCasework) reads them again. */
export const contactKeys = {
  contacts: (courseId: string) => [...caseworkKeys.all, "contacts", courseId] as const,
  notes: (courseId: string) => [...caseworkKeys.all, "notes", courseId] as const,
  timelines: [...caseworkKeys.all, "timeline"] as const,
};

const coursePath = (id: string, rest: string) => `/courses/${encodeURIComponent(id)}${rest}`;

/** GET /api/courses/:id/contacts: newest first, each with its notes. */
export function useContacts(courseId: string) {
  return useQuery({
    queryKey: contactKeys.contacts(courseId),
    queryFn: ({ signal }) => api.get<{ items: Contact[] }>(coursePath(courseId, "/contacts"), { signal }),
  });
}

/** GET /api/courses/:id/notes: every note of the course, newest first, with its correction state. */
export function useCourseNotes(courseId: string) {
  return useQuery({
    queryKey: contactKeys.notes(courseId),
    queryFn: ({ signal }) => api.get<{ items: Note[] }>(coursePath(courseId, "/notes"), { signal }),
  });
}

/** After a contact or a note: the contact list, the notes and the family's timeline are read again. */
function useRefreshContacts(courseId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: contactKeys.contacts(courseId) }),
      queryClient.invalidateQueries({ queryKey: contactKeys.notes(courseId) }),
      queryClient.invalidateQueries({ queryKey: contactKeys.timelines }),
    ]);
}

/** POST /api/courses/:id/contacts (out of hours is computed by the server unless forced). */
export function useLogContact(courseId: string) {
  const refresh = useRefreshContacts(courseId);
  return useMutation({
    mutationFn: (input: ContactInput) => api.post<Contact>(coursePath(courseId, "/contacts"), input),
    onSuccess: refresh,
  });
}

/** POST /api/courses/:id/notes: a new note, or a correction (notes are never changed). */
export function useAddNote(courseId: string) {
  const refresh = useRefreshContacts(courseId);
  return useMutation({
    mutationFn: (input: NoteInput) => api.post<Note>(coursePath(courseId, "/notes"), input),
    onSuccess: refresh,
  });
}
