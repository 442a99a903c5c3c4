import { useQuery } from '@tanstack/react-query';
import { Mail, MailOpen, Reply, ShieldAlert, Trash2 } from 'lucide-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { Button } from '../../components/ui/Button';
import { ConfirmDialog } from '../../components/ui/ConfirmDialog';
import { Alert, Badge, Card, PageHeader, SkeletonRows } from '../../components/ui/feedback';
import { useConfirmedAction } from '../../components/useConfirmedAction';
import { apiErrorMessage } from '../../lib/api-errors';
import { formatDateTime, formatLocale } from '../../lib/format';
import { toast } from '../../lib/toast';
import { useCurrentSite } from '../sites/SiteLayout';
import { contactQuery, useDeleteContact, useMarkContact, useMarkSpam } from './contacts.queries';

/** One message. Opening it marks it read; it can be marked unread again, flagged or deleted. */
export function ContactDetail() {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.language);
  const site = useCurrentSite();
  const navigate = useNavigate();
  const { contactId = '' } = useParams();
  const contact = useQuery(contactQuery(site.id, contactId));
  const mark = useMarkContact(site.id);
  const spam = useMarkSpam(site.id);
  const remove = useDeleteContact(site.id);
  const markedOnOpen = useRef(false);
  const inbox = `/sites/${site.id}/contacts`;
  const deletion = useConfirmedAction(remove, {
    variables: (target: { id: string }) => target.id,
    onDone: () => {
      toast.success(t('contacts.deleted'));
      navigate(inbox);
    },
  });

  useEffect(() => {
    if (contact.data && !contact.data.read && !markedOnOpen.current) {
      markedOnOpen.current = true;
      mark.mutate({ id: contact.data.id, read: true });
    }
  }, [contact.data, mark]);

  const back = (
    <Link to={inbox} className="mb-2 inline-block text-sm text-brand-700 hover:underline dark:text-brand-500">
      ← {t('nav.contacts')}
    </Link>
  );
  if (contact.isPending) return <SkeletonRows label={t('common.loading')} />;
  if (contact.isError)
    return (
      <div className="mx-auto max-w-3xl">
        {back}
        <Alert title={apiErrorMessage(t, contact.error)} />
      </div>
    );
  const message = contact.data;
  const read = mark.isPending ? true : message.read;
  const reply = `mailto:${encodeURIComponent(message.email)}?subject=${encodeURIComponent(`Re: ${message.subject || site.name}`)}`;

  return (
    <div className="mx-auto max-w-3xl">
      {back}
      <PageHeader
        title={message.subject || t('contacts.noSubject')}
        description={formatDateTime(message.receivedAt, locale, site.timeZone)}
        actions={
          <>
            <a
              href={reply}
              className="inline-flex h-10 items-center gap-2 rounded-md bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800 dark:bg-brand-600"
            >
              <Reply className="h-4 w-4" aria-hidden="true" />
              {t('contacts.reply')}
            </a>
            <Button
              onClick={() =>
                mark.mutate(
                  { id: message.id, read: !read },
                  // Marked unread: back to the inbox, where it shows as unread again.
                  { onSuccess: () => (read ? navigate(inbox) : undefined) },
                )
              }
            >
              {read ? (
                <Mail className="h-4 w-4" aria-hidden="true" />
              ) : (
                <MailOpen className="h-4 w-4" aria-hidden="true" />
              )}
              {read ? t('contacts.markUnread') : t('contacts.markRead')}
            </Button>
            <Button
              onClick={() =>
                spam.mutate(
                  { id: message.id, spam: !message.spam },
                  {
                    onSuccess: () =>
                      toast.success(message.spam ? t('contacts.movedToInbox') : t('contacts.movedToSpam')),
                  },
                )
              }
            >
              <ShieldAlert className="h-4 w-4" aria-hidden="true" />
              {message.spam ? t('contacts.markNotSpam') : t('contacts.markSpam')}
            </Button>
            <Button variant="danger" onClick={() => deletion.ask(message)}>
              <Trash2 className="h-4 w-4" aria-hidden="true" />
              {t('common.delete')}
            </Button>
          </>
        }
      />
      {message.spam ? (
        <div className="mb-4">
          <Alert tone="amber" title={t('contacts.suspectedSpam')}>
            <p>{message.spamSignals.join(', ')}</p>
          </Alert>
        </div>
      ) : null}
      <Card>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-zinc-600 dark:text-zinc-400">{t('contacts.name')}</dt>
          <dd className="font-medium">{message.name}</dd>
          <dt className="text-zinc-600 dark:text-zinc-400">{t('contacts.email')}</dt>
          <dd>
            <a href={`mailto:${message.email}`} className="text-brand-700 underline dark:text-brand-500">
              {message.email}
            </a>
          </dd>
          {message.phone ? (
            <>
              <dt className="text-zinc-600 dark:text-zinc-400">{t('contacts.phone')}</dt>
              <dd>
                <a href={`tel:${message.phone}`} className="text-brand-700 underline dark:text-brand-500">
                  {message.phone}
                </a>
              </dd>
            </>
          ) : null}
          <dt className="text-zinc-600 dark:text-zinc-400">{t('contacts.status')}</dt>
          <dd>
            <Badge tone={read ? 'neutral' : 'blue'}>{read ? t('contacts.read') : t('contacts.unread')}</Badge>
          </dd>
        </dl>
        <p className="mt-5 whitespace-pre-wrap border-t border-zinc-200 pt-4 text-sm leading-relaxed dark:border-zinc-800">
          {message.message}
        </p>
      </Card>
      <ConfirmDialog
        {...deletion.dialog}
        danger
        title={t('contacts.deleteTitle', { name: message.name })}
        description={t('contacts.deleteDescription')}
        confirmLabel={t('common.delete')}
      />
    </div>
  );
}
