import type { OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import {
  ContactInputSchema,
  ContactSchema,
  NoteInputSchema,
  NoteSchema,
  TimelineSchema,
} from "../../../contracts/casework-plan.js";
import { IdParamSchema } from "../../../contracts/common.js";
import type { ActorContext } from "../../context.js";
import type { AppEnv } from "../../http/app-env.js";
import { defineRoute } from "../../http/define-route.js";
import { body, errorJson, json } from "../../http/openapi-helpers.js";
import { addNote, listContacts, listNotes, logContact } from "./contact.service.js";
import { getFamilyTimeline } from "./timeline.service.js";

const actx = (c: { get(k: "ctx"): unknown }) => c.get("ctx") as ActorContext;
const tags = ["Contacts and notes"];
const notFound = { 404: errorJson("The course does not exist or is hidden from you") };

/** The contact log, the notes of a course, and a family's timeline. */
export function registerContactRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/courses/{id}/contacts",
      tags,
      summary: "Contacts with the family, newest first, with their notes",
      permission: "family.read",
      request: { params: IdParamSchema },
      responses: { 200: json(z.object({ items: z.array(ContactSchema) }), "Contacts"), ...notFound },
    }),
    async (c) => c.json(await listContacts(actx(c), c.req.valid("param").id), 200),
  );
  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/courses/{id}/contacts",
      tags,
      summary: "Log a contact (out of hours is computed in Danish time unless you set it true)",
      permission: "family.write",
      request: { params: IdParamSchema, ...body(ContactInputSchema) },
      responses: { 201: json(ContactSchema, "Logged"), ...notFound },
    }),
    async (c) => c.json(await logContact(actx(c), c.req.valid("param").id, c.req.valid("json")), 201),
  );
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/courses/{id}/notes",
      tags,
      summary: "Notes of the course, newest first; each says whether and by which note it was corrected",
      permission: "family.read",
      request: { params: IdParamSchema },
      responses: { 200: json(z.object({ items: z.array(NoteSchema) }), "Notes"), ...notFound },
    }),
    async (c) => c.json(await listNotes(actx(c), c.req.valid("param").id), 200),
  );
  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/courses/{id}/notes",
      tags,
      summary: "Add a note (append-only: correct a note by adding one with correctsNoteId)",
      permission: "family.write",
      request: { params: IdParamSchema, ...body(NoteInputSchema) },
      responses: { 201: json(NoteSchema, "Added"), ...notFound },
    }),
    async (c) => c.json(await addNote(actx(c), c.req.valid("param").id, c.req.valid("json")), 201),
  );
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/families/{id}/timeline",
      tags: ["Families"],
      summary: "Everything around the family, newest first (only the courses you may read)",
      permission: "family.read",
      request: { params: IdParamSchema },
      responses: {
        200: json(TimelineSchema, "The timeline"),
        404: errorJson("The family does not exist or is hidden from you"),
      },
    }),
    async (c) => c.json(await getFamilyTimeline(actx(c), c.req.valid("param").id), 200),
  );
}
