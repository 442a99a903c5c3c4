import { type ApiToken, createApiTokenBody } from '@swigs/schema';
import { useQuery } from '@tanstack/react-query';
import { Copy, KeyRound } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button';
import { ConfirmDialog } from '../../components/ui/ConfirmDialog';
import { Dialog } from '../../components/ui/Dialog';
import { Field } from '../../components/ui/Field';
import { Alert, Badge, Card, EmptyState, Skeleton } from '../../components/ui/feedback';
import { Input, Select } from '../../components/ui/inputs';
import { Table, Td, Th } from '../../components/ui/table';
import { useConfirmedAction } from '../../components/useConfirmedAction';
import { apiErrorMessage } from '../../lib/api-errors';
import { formatDate, formatDateTime, formatLocale } from '../../lib/format';
import { applyApiFieldErrors, useZodForm } from '../../lib/forms';
import { toast } from '../../lib/toast';
import { tokensListQuery, useCreateToken, useRevokeToken } from './tokens.queries';

/** Copies text and says so; browsers without the clipboard API get a message instead of silence. */
export async function copyText(text: string, done: string, failed: string) {
  try {
    await navigator.clipboard.writeText(text);
    toast.success(done);
  } catch {
    toast.error(failed);
  }
}

/** API tokens of a site for external front ends: create (secret shown once), list, revoke. */
export function TokensSection({ siteId }: { siteId: string }) {
  const { t, i18n } = useTranslation();
  const locale = formatLocale(i18n.language);
  const tokens = useQuery(tokensListQuery(siteId));
  const revoke = useRevokeToken(siteId);
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<string | null>(null);
  const revocation = useConfirmedAction(revoke, {
    variables: (target: ApiToken) => target.id,
    onDone: () => toast.success(t('tokens.revokedDone')),
  });

  return (
    <Card>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 className="text-base font-semibold">{t('tokens.title')}</h2>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{t('tokens.description')}</p>
        </div>
        <Button onClick={() => setCreating(true)}>
          <KeyRound className="h-4 w-4" aria-hidden="true" />
          {t('tokens.create')}
        </Button>
      </div>
      <div className="mt-4">
        {tokens.isPending ? (
          <Skeleton className="h-24" />
        ) : tokens.isError ? (
          <Alert title={apiErrorMessage(t, tokens.error)} />
        ) : tokens.data.data.length === 0 ? (
          <EmptyState title={t('tokens.empty')} />
        ) : (
          <Table>
            <thead>
              <tr>
                <Th>{t('tokens.fields.name')}</Th>
                <Th>{t('tokens.fields.scope')}</Th>
                <Th className="hidden md:table-cell">{t('tokens.lastUsed')}</Th>
                <Th className="hidden sm:table-cell">{t('tokens.fields.expiresAt')}</Th>
                <Th>
                  <span className="sr-only">{t('common.actions')}</span>
                </Th>
              </tr>
            </thead>
            <tbody>
              {tokens.data.data.map((token) => (
                <tr key={token.id}>
                  <Td>
                    <span className="font-medium">{token.name}</span>
                    <div className="font-mono text-xs text-zinc-600 dark:text-zinc-400">{token.hint}…</div>
                  </Td>
                  <Td>
                    {token.revokedAt ? (
                      <Badge tone="red">{t('tokens.revoked')}</Badge>
                    ) : (
                      <Badge tone={token.scope === 'write' ? 'amber' : 'neutral'}>
                        {t(`tokens.scopes.${token.scope}`)}
                      </Badge>
                    )}
                  </Td>
                  <Td className="hidden md:table-cell">
                    {token.lastUsedAt ? formatDateTime(token.lastUsedAt, locale) : t('users.never')}
                  </Td>
                  <Td className="hidden sm:table-cell">
                    {token.expiresAt ? formatDate(token.expiresAt, locale) : '—'}
                  </Td>
                  <Td className="text-right">
                    {token.revokedAt ? null : (
                      <Button size="sm" variant="ghost" onClick={() => revocation.ask(token)}>
                        {t('tokens.revoke')}
                      </Button>
                    )}
                  </Td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
      </div>
      <CreateTokenDialog
        siteId={siteId}
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(value) => {
          setCreating(false);
          setSecret(value);
        }}
      />
      <Dialog
        open={secret !== null}
        onClose={() => setSecret(null)}
        dismissible={false}
        title={t('tokens.secretTitle')}
        description={t('tokens.secretDescription')}
        footer={
          <Button variant="primary" onClick={() => setSecret(null)}>
            {t('tokens.secretDone')}
          </Button>
        }
      >
        <div className="flex gap-2">
          <Input
            readOnly
            value={secret ?? ''}
            className="font-mono"
            aria-label={t('tokens.secretTitle')}
            onFocus={(e) => e.target.select()}
          />
          <Button
            size="icon"
            aria-label={t('common.copy')}
            onClick={() => void copyText(secret ?? '', t('common.copied'), t('common.copyFailed'))}
          >
            <Copy className="h-4 w-4" />
          </Button>
        </div>
      </Dialog>
      <ConfirmDialog
        {...revocation.dialog}
        danger
        title={t('tokens.revokeTitle', { name: revocation.target?.name ?? '' })}
        description={t('tokens.revokeDescription')}
        confirmLabel={t('tokens.revoke')}
      />
    </Card>
  );
}

function CreateTokenDialog({
  siteId,
  open,
  onClose,
  onCreated,
}: {
  siteId: string;
  open: boolean;
  onClose(): void;
  onCreated(secret: string): void;
}) {
  const { t, i18n } = useTranslation();
  const create = useCreateToken(siteId);
  const form = useZodForm(createApiTokenBody, {
    defaultValues: { name: '', scope: 'read', expiresAt: null },
  });
  const errors = form.formState.errors;
  const onSubmit = form.handleSubmit(async (body) => {
    try {
      const created = await create.mutateAsync(body);
      form.reset();
      onCreated(created.secret);
    } catch (error) {
      if (!applyApiFieldErrors(error, form.setError, t, i18n.language))
        toast.error(apiErrorMessage(t, error));
    }
  });
  return (
    <Dialog open={open} onClose={onClose} title={t('tokens.create')}>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <Field
          label={t('tokens.fields.name')}
          error={errors.name?.message}
          hint={t('tokens.fields.nameHint')}
          required
        >
          <Input {...form.register('name')} />
        </Field>
        <Field label={t('tokens.fields.scope')} error={errors.scope?.message}>
          <Select {...form.register('scope')}>
            <option value="read">{t('tokens.scopes.read')}</option>
            <option value="write">{t('tokens.scopes.write')}</option>
          </Select>
        </Field>
        <Field
          label={t('tokens.fields.expiresAt')}
          error={errors.expiresAt?.message}
          hint={t('tokens.fields.expiresAtHint')}
        >
          <Input
            type="date"
            {...form.register('expiresAt', {
              // A date picked here means "valid until the end of that day", in the user's time zone.
              setValueAs: (value: string) => (value ? new Date(`${value}T23:59:59`).toISOString() : null),
            })}
          />
        </Field>
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary" loading={form.formState.isSubmitting}>
            {t('tokens.create')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
