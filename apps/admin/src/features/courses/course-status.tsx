import type { CourseStatus } from '@swigs/schema';
import { useTranslation } from 'react-i18next';
import { Badge, type BadgeTone } from '../../components/ui/feedback';

const tones: Record<CourseStatus, BadgeTone> = {
  active: 'green',
  full: 'amber',
  cancelled: 'red',
  finished: 'neutral',
};

export function CourseStatusBadge({ status }: { status: CourseStatus }) {
  const { t } = useTranslation();
  return <Badge tone={tones[status]}>{t(`courses.status.${status}`)}</Badge>;
}
