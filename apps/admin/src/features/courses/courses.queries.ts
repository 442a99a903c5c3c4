import type { Course, CourseListQuery, CreateCourseBody, UpdateCourseBody } from '@swigs/schema';
import type { Page } from '@swigs/sdk';
import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { statsKeys } from '../dashboard/stats.queries';

export const courseKeys = {
  all: (siteId: string) => ['sites', siteId, 'courses'] as const,
  lists: (siteId: string) => [...courseKeys.all(siteId), 'list'] as const,
  list: (siteId: string, query: CourseListQuery) => [...courseKeys.lists(siteId), query] as const,
  details: (siteId: string) => [...courseKeys.all(siteId), 'detail'] as const,
  detail: (siteId: string, courseId: string) => [...courseKeys.details(siteId), courseId] as const,
};

export const coursesListQuery = (siteId: string, query: CourseListQuery) =>
  queryOptions({
    queryKey: courseKeys.list(siteId, query),
    queryFn: () => api.courses.list(siteId, query),
    placeholderData: keepPreviousData,
  });

export const courseQuery = (siteId: string, courseId: string) =>
  queryOptions({
    queryKey: courseKeys.detail(siteId, courseId),
    queryFn: () => api.courses.get(siteId, courseId),
  });

function useInvalidateCourses(siteId: string) {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: courseKeys.lists(siteId) });
    void queryClient.invalidateQueries({ queryKey: statsKeys.site(siteId) });
  };
}

export function useCreateCourse(siteId: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateCourses(siteId);
  return useMutation({
    mutationFn: (body: CreateCourseBody) => api.courses.create(siteId, body),
    onSuccess: (course) => {
      queryClient.setQueryData(courseKeys.detail(siteId, course.id), course);
      invalidate();
    },
  });
}

export function useUpdateCourse(siteId: string, courseId: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateCourses(siteId);
  return useMutation({
    mutationFn: (body: UpdateCourseBody) => api.courses.update(siteId, courseId, body),
    onSuccess: (course) => {
      queryClient.setQueryData(courseKeys.detail(siteId, course.id), course);
      invalidate();
    },
  });
}

export function useDeleteCourse(siteId: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateCourses(siteId);
  return useMutation({
    mutationFn: (courseId: string) => api.courses.delete(siteId, courseId),
    onSuccess: (_result, courseId) => {
      queryClient.removeQueries({ queryKey: courseKeys.detail(siteId, courseId) });
      invalidate();
    },
  });
}

/**
 * Saves a new display order. The list is reordered in the cache at once (the row stays where it
 * was dropped) and put back if the server refuses.
 */
export function useReorderCourses(siteId: string, query: CourseListQuery) {
  const queryClient = useQueryClient();
  const key = courseKeys.list(siteId, query);
  return useMutation({
    mutationFn: (ids: string[]) => api.courses.reorder(siteId, ids),
    onMutate: async (ids) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Page<Course>>(key);
      if (previous) {
        const byId = new Map(previous.data.map((course) => [course.id, course]));
        const data = ids.map((id) => byId.get(id)).filter((course): course is Course => Boolean(course));
        queryClient.setQueryData<Page<Course>>(key, { ...previous, data });
      }
      return { previous };
    },
    onError: (_error, _ids, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: courseKeys.lists(siteId) });
    },
  });
}
