import type { OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import {
  CourseDetailSchema,
  CourseTransitionInputSchema,
  EndTeamMemberInputSchema,
  TeamCandidateSchema,
  TeamMemberInputSchema,
  TeamMemberSchema,
} from "../../../contracts/casework.js";
import { IdParamSchema, UuidSchema } from "../../../contracts/common.js";
import type { ActorContext } from "../../context.js";
import type { AppEnv } from "../../http/app-env.js";
import { defineRoute } from "../../http/define-route.js";
import { body, errorJson, json } from "../../http/openapi-helpers.js";
import {
  addTeamMember,
  endTeamMember,
  getCourse,
  listTeamCandidates,
  transitionCourse,
} from "./course.service.js";

const actx = (c: { get(k: "ctx"): unknown }) => c.get("ctx") as ActorContext;
const tags = ["Courses"];
const detail = { 200: json(CourseDetailSchema, "The course"), 404: errorJson("Not found") };
const TeamSchema = z.object({ team: z.array(TeamMemberSchema) }).meta({ id: "CourseTeam" });
const MemberParamSchema = z.object({ id: UuidSchema, memberId: UuidSchema });

export function registerCourseRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/courses/{id}",
      tags,
      summary: "One course: state, history, allowed events, case team (audited)",
      permission: "family.read",
      request: { params: IdParamSchema },
      responses: detail,
    }),
    async (c) => c.json(await getCourse(actx(c), c.req.valid("param").id), 200),
  );
  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/courses/{id}/transitions",
      tags,
      summary:
        "Move the course (baseline, start, review, complete, end early, follow-up, close) with a reason",
      permission: "family.write",
      request: { params: IdParamSchema, ...body(CourseTransitionInputSchema) },
      responses: { ...detail, 409: errorJson("Not allowed from the current state, or stale") },
    }),
    async (c) => c.json(await transitionCourse(actx(c), c.req.valid("param").id, c.req.valid("json")), 200),
  );
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/courses/{id}/team-candidates",
      tags,
      summary: "Who may join the case team",
      permission: "family.read",
      request: { params: IdParamSchema },
      responses: { 200: json(z.object({ items: z.array(TeamCandidateSchema) }), "Candidates") },
    }),
    async (c) => c.json({ items: await listTeamCandidates(actx(c), c.req.valid("param").id) }, 200),
  );
  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/courses/{id}/team",
      tags,
      summary:
        "Put a user on the case team (caseload limits apply; a team leader may override with a reason)",
      permission: "family.write",
      request: { params: IdParamSchema, ...body(TeamMemberInputSchema) },
      responses: {
        200: json(TeamSchema.extend({ caseload: z.record(z.string(), z.unknown()) }), "The team"),
        409: errorJson("Over the hard caseload limit without an override"),
      },
    }),
    async (c) => {
      const out = await addTeamMember(actx(c), c.req.valid("param").id, c.req.valid("json"));
      return c.json({ team: out.team, caseload: { ...out.caseload } }, 200);
    },
  );
  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/courses/{id}/team/{memberId}/end",
      tags,
      summary: "End a place on the case team (last day)",
      permission: "family.write",
      request: { params: MemberParamSchema, ...body(EndTeamMemberInputSchema) },
      responses: { 200: json(TeamSchema, "The team") },
    }),
    async (c) => {
      const p = c.req.valid("param");
      return c.json(await endTeamMember(actx(c), p.id, p.memberId, c.req.valid("json").toOn), 200);
    },
  );
}
