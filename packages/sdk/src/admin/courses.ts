import {
  type CourseListQuery,
  type CreateCourseBody,
  course,
  coursePosition,
  dataOf,
  listOf,
  type UpdateCourseBody,
} from '@swigs/schema';
import { z } from 'zod';
import type { Query, Requester } from '../http';
import { ifMatch, v1 } from './shared';

// Built once: a schema built per call would be compiled by zod on every call.
const coursePositionList = z.array(coursePosition);

export function createCoursesApi(request: Requester) {
  const base = (siteId: string) => `${v1}/sites/${siteId}/courses`;
  return {
    list: (siteId: string, query: CourseListQuery = {}) =>
      request('GET', base(siteId), { query: query as Query, schema: listOf(course) }),
    get: async (siteId: string, courseId: string) =>
      (await request('GET', `${base(siteId)}/${courseId}`, { schema: dataOf(course) })).data,
    create: async (siteId: string, body: CreateCourseBody) =>
      (await request('POST', base(siteId), { body, schema: dataOf(course) })).data,
    update: async (siteId: string, courseId: string, body: UpdateCourseBody) =>
      (
        await request('PATCH', `${base(siteId)}/${courseId}`, {
          body,
          schema: dataOf(course),
          headers: ifMatch(body.version),
        })
      ).data,
    delete: (siteId: string, courseId: string) => request('DELETE', `${base(siteId)}/${courseId}`),
    /** Sets the display order in one request: `ids` first, in this order. */
    reorder: async (siteId: string, ids: string[]) =>
      (
        await request('POST', `${base(siteId)}/reorder`, {
          body: { ids },
          schema: dataOf(coursePositionList),
        })
      ).data,
  };
}
