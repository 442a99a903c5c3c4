CREATE TABLE "retired_course_slugs" (
	"site_id" uuid NOT NULL,
	"slug" text NOT NULL,
	"course_id" uuid,
	"retired_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "retired_course_slugs_site_id_slug_pk" PRIMARY KEY("site_id","slug")
);
--> statement-breakpoint
ALTER TABLE "retired_course_slugs" ADD CONSTRAINT "retired_course_slugs_site_id_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "public"."sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "retired_course_slugs" ADD CONSTRAINT "retired_course_slugs_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "retired_course_slugs_course_id_index" ON "retired_course_slugs" USING btree ("course_id");