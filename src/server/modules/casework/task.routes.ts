import type { OpenAPIHono } from "@hono/zod-openapi";
import {
  CaseTaskPageSchema,
  CaseTaskSchema,
  CourseTaskListQuerySchema,
  TaskListQuerySchema,
} from "../../../contracts/casework-tasks.js";
import { IdParamSchema } from "../../../contracts/common.js";
import type { ActorContext } from "../../context.js";
import type { AppEnv } from "../../http/app-env.js";
import { defineRoute } from "../../http/define-route.js";
import { errorJson, json } from "../../http/openapi-helpers.js";
import { completeTask, listCourseTasks, listMyTasks } from "./task.service.js";

const actx = (c: { get(k: "ctx"): unknown }) => c.get("ctx") as ActorContext;
const tags = ["Case work: tasks"];

export function registerTaskRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/tasks/mine",
      tags,
      summary: "Tasks of the courses you are on (team leaders: scope=organisation), overdue first",
      permission: "family.read",
      request: { query: TaskListQuerySchema },
      responses: { 200: json(CaseTaskPageSchema, "A page of tasks") },
    }),
    async (c) => c.json(await listMyTasks(actx(c), c.req.valid("query")), 200),
  );
  app.openapi(
    defineRoute({
      method: "get",
      path: "/api/courses/{id}/tasks",
      tags,
      summary: "The tasks of one course",
      permission: "family.read",
      request: { params: IdParamSchema, query: CourseTaskListQuerySchema },
      responses: { 200: json(CaseTaskPageSchema, "The course's tasks"), 404: errorJson("Not found") },
    }),
    async (c) =>
      c.json(await listCourseTasks(actx(c), c.req.valid("param").id, c.req.valid("query").status), 200),
  );
  app.openapi(
    defineRoute({
      method: "post",
      path: "/api/tasks/{id}/complete",
      tags,
      summary: "Mark a task as done (no body needed; a task is completed once)",
      permission: "family.write",
      request: { params: IdParamSchema },
      responses: {
        200: json(CaseTaskSchema, "The completed task"),
        404: errorJson("Not found"),
        409: errorJson("Already done"),
      },
    }),
    async (c) => c.json(await completeTask(actx(c), c.req.valid("param").id), 200),
  );
}
