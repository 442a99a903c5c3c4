import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { unreadContactsQuery } from '../features/contacts/contacts.queries';

/** The number of unread messages beside "Contacts" in the navigation. */
export function UnreadBadge({ siteId }: { siteId: string }) {
  const { t } = useTranslation();
  const unread = useQuery(unreadContactsQuery(siteId));
  if (!unread.data) return null;
  return (
    <span
      data-testid="unread-badge"
      className="rounded-full bg-brand-700 px-2 py-0.5 text-xs font-semibold text-white dark:bg-brand-600"
    >
      {unread.data}
      <span className="sr-only"> {t('contacts.unreadCount', { count: unread.data })}</span>
    </span>
  );
}
