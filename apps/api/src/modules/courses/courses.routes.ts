import {
  course,
  courseListQuery,
  coursePosition,
  createCourseBody,
  dataOf,
  id,
  listOf,
  reorderCoursesBody,
  updateCourseBody,
} from '@swigs/schema';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { versionFromIfMatch } from '../../lib/if-match';
import { principalOf } from '../../plugins/auth';
import { actorOf } from '../audit/audit-actor';
import type { CoursesService } from './courses.service';

const tags = ['courses'];
const siteParams = z.object({ siteId: id });
const courseParams = z.object({ siteId: id, courseId: id });

export function registerCoursesRoutes(app: FastifyInstance, service: CoursesService) {
  const routes = app.withTypeProvider<ZodTypeProvider>();

  routes.get(
    '/sites/:siteId/courses',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'List the courses of a site (filter by status, search, sort, paginate)',
        params: siteParams,
        querystring: courseListQuery,
        response: { 200: listOf(course) },
      },
    },
    async (request) => service.listCourses(request.params.siteId, request.query),
  );

  routes.post(
    '/sites/:siteId/courses',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Create a course (slug generated from the title unless given)',
        params: siteParams,
        body: createCourseBody,
        response: { 201: dataOf(course) },
      },
    },
    async (request, reply) => {
      const created = await service.createCourse(
        actorOf(principalOf(request)),
        request.params.siteId,
        request.body,
      );
      return reply.code(201).header('etag', `"${created.version}"`).send({ data: created });
    },
  );

  routes.post(
    '/sites/:siteId/courses/reorder',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Set the display order of the courses in one transaction',
        params: siteParams,
        body: reorderCoursesBody,
        response: { 200: dataOf(z.array(coursePosition)) },
      },
    },
    async (request) => ({
      data: await service.reorderCourses(
        actorOf(principalOf(request)),
        request.params.siteId,
        request.body.ids,
      ),
    }),
  );

  routes.get(
    '/sites/:siteId/courses/:courseId',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'Get a course', params: courseParams, response: { 200: dataOf(course) } },
    },
    async (request, reply) => {
      const found = await service.getCourse(request.params.siteId, request.params.courseId);
      return reply.header('etag', `"${found.version}"`).send({ data: found });
    },
  );

  routes.patch(
    '/sites/:siteId/courses/:courseId',
    {
      config: { access: 'user' },
      schema: {
        tags,
        summary: 'Update a course (send the version you loaded, in the body or If-Match)',
        params: courseParams,
        body: updateCourseBody,
        response: { 200: dataOf(course) },
      },
    },
    async (request, reply) => {
      const updated = await service.updateCourse(
        actorOf(principalOf(request)),
        request.params.siteId,
        request.params.courseId,
        request.body,
        versionFromIfMatch(request.headers['if-match']),
      );
      return reply.header('etag', `"${updated.version}"`).send({ data: updated });
    },
  );

  routes.delete(
    '/sites/:siteId/courses/:courseId',
    {
      config: { access: 'user' },
      schema: { tags, summary: 'Delete a course', params: courseParams, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await service.deleteCourse(
        actorOf(principalOf(request)),
        request.params.siteId,
        request.params.courseId,
      );
      return reply.code(204).send(null);
    },
  );
}
