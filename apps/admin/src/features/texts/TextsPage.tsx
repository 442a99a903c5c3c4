import {
  type Content,
  type ContentType,
  contentKey,
  contentTypes,
  type ThemeContentBlock,
  type ThemePage,
  themeContentBlocks,
  themePages,
} from '@swigs/schema';
import { useQuery } from '@tanstack/react-query';
import { ExternalLink, Plus } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { z } from 'zod';
import { Button } from '../../components/ui/Button';
import { Dialog } from '../../components/ui/Dialog';
import { Field } from '../../components/ui/Field';
import { Alert, PageHeader, SkeletonRows } from '../../components/ui/feedback';
import { Input, Select } from '../../components/ui/inputs';
import { apiErrorMessage } from '../../lib/api-errors';
import { cn } from '../../lib/cn';
import { previewUrl } from '../../lib/config';
import { useZodForm } from '../../lib/forms';
import { pathOfSeoPage, siteLanguage } from '../seo/seo-pages';
import { useCurrentSite } from '../sites/SiteLayout';
import { ContentBlockForm } from './ContentBlockForm';
import { contentsListQuery } from './texts.queries';

/** `home.hero.title` → `home_hero_title`, the block's entry in the catalogue. */
const catalogueId = (block: ThemeContentBlock) => block.key.replaceAll('.', '_') as CatalogueId;
type Underscored<S extends string> = S extends `${infer A}.${infer B}` ? `${A}_${Underscored<B>}` : S;
type CatalogueId = Underscored<ThemeContentBlock['key']>;

/** Where a theme page is on the public site (the footer is on every page: shown on the home page). */
function publicPathOf(page: ThemePage, locale: string): string {
  switch (page) {
    case 'home':
    case 'footer':
      return '/';
    case 'privacy':
      return siteLanguage(locale) === 'en' ? '/privacy' : '/protection-des-donnees';
    default:
      return pathOfSeoPage(page, locale);
  }
}

const themeKeys = new Set<string>(themeContentBlocks.map((block) => block.key));

/**
 * Page texts: the content blocks the public site's pages read (hero, about page, legal notice,
 * footer…), listed by page with what each is for, and any other block the site holds. Pick one on
 * the left, write it on the right; a block not written yet shows the site's default.
 */
export function TextsPage() {
  const { t } = useTranslation();
  const site = useCurrentSite();
  const [params, setParams] = useSearchParams();
  const blocks = useQuery(contentsListQuery(site.id));
  const [creating, setCreating] = useState(false);
  // A block named in "Add a block" but not saved yet.
  const [draft, setDraft] = useState<{ key: string; type: ContentType } | null>(null);

  const byKey = new Map((blocks.data?.data ?? []).map((block) => [block.key, block]));
  const otherKeys = [
    ...new Set([
      ...(blocks.data?.data ?? []).map((block) => block.key).filter((key) => !themeKeys.has(key)),
      ...(draft && !themeKeys.has(draft.key) ? [draft.key] : []),
    ]),
  ].sort();
  const selectedKey = params.get('key') ?? themeContentBlocks[0].key;
  const select = (key: string) => setParams({ key }, { replace: true });
  const themeBlock = themeContentBlocks.find((block) => block.key === selectedKey);
  const stored = byKey.get(selectedKey);

  const itemClass = (key: string) =>
    cn(
      'flex w-full items-center justify-between gap-2 rounded-md px-3 py-2 text-left text-sm',
      key === selectedKey
        ? 'bg-brand-50 font-medium text-brand-800 dark:bg-brand-800/30 dark:text-brand-100'
        : 'hover:bg-zinc-100 dark:hover:bg-zinc-800',
    );
  const defaultMark = (
    <span className="shrink-0 text-xs font-normal text-zinc-600 dark:text-zinc-400">
      {t('texts.default')}
    </span>
  );

  return (
    <div className="mx-auto max-w-7xl">
      <PageHeader
        title={t('nav.texts')}
        description={t('texts.description')}
        actions={
          <Button onClick={() => setCreating(true)}>
            <Plus className="h-4 w-4" aria-hidden="true" />
            {t('texts.add')}
          </Button>
        }
      />
      {blocks.isPending ? (
        <SkeletonRows label={t('common.loading')} />
      ) : blocks.isError ? (
        <Alert title={apiErrorMessage(t, blocks.error)} />
      ) : (
        <div className="grid gap-6 lg:grid-cols-[16rem_minmax(0,1fr)]">
          <nav aria-label={t('texts.blocksList')} className="space-y-4">
            {themePages.map((page) => (
              <section key={page} aria-labelledby={`texts-page-${page}`}>
                <h2
                  id={`texts-page-${page}`}
                  className="px-3 pb-1 text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400"
                >
                  {t(`texts.pages.${page}`)}
                </h2>
                <ul className="space-y-0.5">
                  {themeContentBlocks
                    .filter((block) => block.page === page)
                    .map((block) => (
                      <li key={block.key}>
                        <button
                          type="button"
                          aria-current={block.key === selectedKey ? 'page' : undefined}
                          onClick={() => select(block.key)}
                          className={itemClass(block.key)}
                        >
                          <span>{t(`texts.blocks.${catalogueId(block)}.label`)}</span>
                          {byKey.has(block.key) ? null : defaultMark}
                        </button>
                      </li>
                    ))}
                </ul>
              </section>
            ))}
            {otherKeys.length > 0 ? (
              <section aria-labelledby="texts-page-other">
                <h2
                  id="texts-page-other"
                  className="px-3 pb-1 text-xs font-semibold uppercase tracking-wide text-zinc-600 dark:text-zinc-400"
                >
                  {t('texts.pages.other')}
                </h2>
                <ul className="space-y-0.5">
                  {otherKeys.map((key) => (
                    <li key={key}>
                      <button
                        type="button"
                        aria-current={key === selectedKey ? 'page' : undefined}
                        onClick={() => select(key)}
                        className={cn(itemClass(key), 'font-mono')}
                      >
                        <span className="truncate">{key}</span>
                        {byKey.has(key) ? null : <span className="text-xs">{t('texts.unsaved')}</span>}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
          </nav>
          <div className="min-w-0 space-y-4">
            <SelectedBlock
              key={`${selectedKey}:${stored?.id ?? 'new'}`}
              siteId={site.id}
              siteSlug={site.slug}
              siteLocale={site.locale}
              selectedKey={selectedKey}
              themeBlock={themeBlock}
              stored={stored}
              draftType={draft?.key === selectedKey ? draft.type : undefined}
            />
          </div>
        </div>
      )}
      <NewBlockDialog
        open={creating}
        existing={(key) => byKey.has(key) || themeKeys.has(key)}
        onClose={() => setCreating(false)}
        onExisting={(key) => {
          setCreating(false);
          select(key);
        }}
        onCreate={(key, type) => {
          setCreating(false);
          setDraft({ key, type });
          select(key);
        }}
      />
    </div>
  );
}

function SelectedBlock({
  siteId,
  siteSlug,
  siteLocale,
  selectedKey,
  themeBlock,
  stored,
  draftType,
}: {
  siteId: string;
  siteSlug: string;
  siteLocale: string;
  selectedKey: string;
  themeBlock: ThemeContentBlock | undefined;
  stored: Content | undefined;
  draftType: ContentType | undefined;
}) {
  const { t } = useTranslation();
  if (themeBlock) {
    const id = catalogueId(themeBlock);
    return (
      <>
        <div className="flex flex-wrap items-center justify-end gap-2">
          <a
            href={previewUrl(siteSlug, publicPathOf(themeBlock.page, siteLocale))}
            target="_blank"
            rel="noopener"
            className="inline-flex items-center gap-1 text-sm text-brand-700 hover:underline dark:text-brand-500"
          >
            <ExternalLink className="h-4 w-4" aria-hidden="true" />
            {t('texts.viewPage', { page: t(`texts.pages.${themeBlock.page}`) })}
            <span className="sr-only">{t('nav.newTab')}</span>
          </a>
        </div>
        {stored && stored.type !== themeBlock.type ? (
          <Alert tone="amber" title={t('texts.wrongType.title')}>
            <p>
              {t('texts.wrongType.description', {
                stored: t(`texts.types.${stored.type}`),
                expected: t(`texts.types.${themeBlock.type}`),
              })}
            </p>
          </Alert>
        ) : null}
        <ContentBlockForm
          siteId={siteId}
          blockKey={themeBlock.key}
          type={themeBlock.type}
          block={stored}
          title={t(`texts.blocks.${id}.label`)}
          help={t(`texts.blocks.${id}.help`)}
          resetLabel={t('texts.resetToDefault')}
        />
      </>
    );
  }
  const type = stored?.type ?? draftType;
  if (!type) return <Alert title={t('texts.notFound', { key: selectedKey })} />;
  return (
    <ContentBlockForm
      siteId={siteId}
      blockKey={selectedKey}
      type={type}
      block={stored}
      title={selectedKey}
      resetLabel={t('texts.delete')}
    />
  );
}

const newBlockForm = z.object({ key: contentKey, type: z.enum(contentTypes) });

function NewBlockDialog({
  open,
  existing,
  onClose,
  onExisting,
  onCreate,
}: {
  open: boolean;
  existing(key: string): boolean;
  onClose(): void;
  onExisting(key: string): void;
  onCreate(key: string, type: ContentType): void;
}) {
  const { t } = useTranslation();
  const form = useZodForm(newBlockForm, { defaultValues: { key: '', type: 'text' } });
  const onSubmit = form.handleSubmit(({ key, type }) => {
    form.reset();
    if (existing(key)) onExisting(key);
    else onCreate(key, type);
  });
  return (
    <Dialog open={open} onClose={onClose} title={t('texts.add')} description={t('texts.addHelp')}>
      <form onSubmit={onSubmit} noValidate className="space-y-4">
        <Field label={t('texts.fields.key')} error={form.formState.errors.key?.message} required>
          <Input spellCheck={false} placeholder="home.banner" {...form.register('key')} />
        </Field>
        <Field label={t('texts.fields.type')} error={form.formState.errors.type?.message}>
          <Select {...form.register('type')}>
            {contentTypes.map((type) => (
              <option key={type} value={type}>
                {t(`texts.types.${type}`)}
              </option>
            ))}
          </Select>
        </Field>
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button type="submit" variant="primary">
            {t('texts.continue')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
