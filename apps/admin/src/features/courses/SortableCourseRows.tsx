import {
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from '@dnd-kit/core';
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import type { Course } from '@swigs/schema';
import { GripVertical } from 'lucide-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { cn } from '../../lib/cn';

export interface SortableCourseRowsProps {
  courses: Course[];
  /** False while a filter or search is active: a partial list cannot be reordered. */
  enabled: boolean;
  onReorder(ids: string[]): void;
  renderCells(course: Course): ReactNode;
}

function SortableRow({
  course,
  enabled,
  children,
}: {
  course: Course;
  enabled: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } =
    useSortable({ id: course.id, disabled: !enabled });
  return (
    <tr
      ref={setNodeRef}
      data-course-id={course.id}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      className={cn(
        'bg-white dark:bg-zinc-900',
        isDragging
          ? 'relative z-10 shadow-lg ring-2 ring-brand-600'
          : 'hover:bg-zinc-50 dark:hover:bg-zinc-800/50',
      )}
    >
      <td className="w-10 border-b border-zinc-100 px-1 dark:border-zinc-800/70">
        {enabled ? (
          <button
            type="button"
            ref={setActivatorNodeRef}
            {...attributes}
            {...listeners}
            aria-label={t('courses.reorder.handle', { title: course.title })}
            className="flex h-9 w-9 cursor-grab touch-none items-center justify-center rounded text-zinc-500 hover:bg-zinc-200 active:cursor-grabbing dark:text-zinc-400 dark:hover:bg-zinc-700"
          >
            <GripVertical className="h-4 w-4" aria-hidden="true" />
          </button>
        ) : null}
      </td>
      {children}
    </tr>
  );
}

/**
 * Rows reorderable by mouse, touch and keyboard (focus a handle, Space to lift, arrows to move,
 * Space to drop, Escape to cancel), with every step announced to screen readers.
 */
export function SortableCourseRows({ courses, enabled, onReorder, renderCells }: SortableCourseRowsProps) {
  const { t } = useTranslation();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const titleOf = (id: string | number) => courses.find((course) => course.id === id)?.title ?? '';
  const positionOf = (id: string | number) => courses.findIndex((course) => course.id === id) + 1;

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    const from = courses.findIndex((course) => course.id === active.id);
    const to = courses.findIndex((course) => course.id === over.id);
    onReorder(arrayMove(courses, from, to).map((course) => course.id));
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{
        screenReaderInstructions: { draggable: t('courses.reorder.instructions') },
        announcements: {
          onDragStart: ({ active }) =>
            t('courses.reorder.picked', { title: titleOf(active.id), position: positionOf(active.id) }),
          onDragOver: ({ active, over }) =>
            over
              ? t('courses.reorder.over', { title: titleOf(active.id), position: positionOf(over.id) })
              : undefined,
          onDragEnd: ({ active, over }) =>
            over
              ? t('courses.reorder.dropped', { title: titleOf(active.id), position: positionOf(over.id) })
              : t('courses.reorder.cancelled', { title: titleOf(active.id) }),
          onDragCancel: ({ active }) => t('courses.reorder.cancelled', { title: titleOf(active.id) }),
        },
      }}
    >
      <SortableContext items={courses.map((course) => course.id)} strategy={verticalListSortingStrategy}>
        <tbody>
          {courses.map((course) => (
            <SortableRow key={course.id} course={course} enabled={enabled}>
              {renderCells(course)}
            </SortableRow>
          ))}
        </tbody>
      </SortableContext>
    </DndContext>
  );
}
