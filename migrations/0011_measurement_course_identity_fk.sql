-- One composite foreign key from a measurement to its course, municipality, project and family
-- (instead of four): consistent by construction, and one check per imported row instead of four.
CREATE UNIQUE INDEX "course_identity_uq" ON "course" USING btree ("id","organisation_id","project_id","family_id");--> statement-breakpoint
ALTER TABLE "measurement" ADD CONSTRAINT "measurement_course_identity_fk" FOREIGN KEY ("course_id","organisation_id","project_id","family_id") REFERENCES "public"."course"("id","organisation_id","project_id","family_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "measurement" DROP CONSTRAINT "measurement_organisation_id_organisation_id_fk";--> statement-breakpoint
ALTER TABLE "measurement" DROP CONSTRAINT "measurement_project_id_project_id_fk";--> statement-breakpoint
ALTER TABLE "measurement" DROP CONSTRAINT "measurement_course_id_course_id_fk";--> statement-breakpoint
ALTER TABLE "measurement" DROP CONSTRAINT "measurement_family_id_family_id_fk";
