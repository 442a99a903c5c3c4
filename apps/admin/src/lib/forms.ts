import { ApiError } from '@swigs/sdk';
import type { TFunction } from 'i18next';
import {
  type FieldError,
  type FieldErrors,
  type FieldValues,
  type Path,
  type Resolver,
  type UseFormSetError,
  useForm,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { translateSchemaMessage } from '../i18n/schema-messages';

/** zod issues the schemas leave generic, worded by the catalogue in the user's language. */
export function zodErrorMap(t: TFunction) {
  return (issue: {
    code?: string;
    input?: unknown;
    origin?: string;
    minimum?: unknown;
    maximum?: unknown;
    format?: string;
  }) => {
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined || issue.input === null || issue.input === ''
          ? t('validation.required')
          : t('validation.invalid');
      case 'too_small':
        if (issue.origin === 'string')
          return Number(issue.minimum) <= 1
            ? t('validation.required')
            : t('validation.tooShort', { count: Number(issue.minimum) });
        if (issue.origin === 'array') return t('validation.tooFew', { count: Number(issue.minimum) });
        return t('validation.min', { min: String(issue.minimum) });
      case 'too_big':
        if (issue.origin === 'string') return t('validation.tooLong', { count: Number(issue.maximum) });
        if (issue.origin === 'array') return t('validation.tooMany', { count: Number(issue.maximum) });
        return t('validation.max', { max: String(issue.maximum) });
      case 'invalid_format':
        if (issue.format === 'email') return t('validation.email');
        if (issue.format === 'url') return t('validation.url');
        return t('validation.format');
      case 'invalid_value':
        return t('validation.invalid');
      default:
        return undefined;
    }
  };
}

/** A message of the API or of a schema, in the user's language when the catalogue knows it. */
export function translateFieldMessage(
  t: TFunction,
  language: string,
  message: string,
  code?: string,
): string {
  const known = translateSchemaMessage(language, message);
  if (known) return known;
  if (language === 'en') return message;
  switch (code) {
    case 'too_small':
      return t('validation.tooSmallGeneric');
    case 'too_big':
      return t('validation.tooBigGeneric');
    case 'invalid_format':
    case 'invalid_string':
      return t('validation.format');
    case 'invalid_type':
      return t('validation.invalid');
    default:
      return message;
  }
}

/**
 * Builds react-hook-form's error tree from zod issues: `aliases.1` becomes
 * `{ aliases: { 1: { type, message } } }`. The first issue of a field wins.
 */
export function issuesToFieldErrors(
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; code: string; message: string }>,
): FieldErrors {
  const root: Record<string, unknown> = {};
  for (const issue of issues) {
    const path = issue.path.map(String);
    if (path.length === 0) path.push('root');
    let node = root;
    for (const key of path.slice(0, -1)) {
      if (!node[key]) node[key] = {};
      node = node[key] as Record<string, unknown>;
    }
    const last = path.at(-1)!;
    if (!node[last] || !(node[last] as FieldError).message) {
      node[last] = { ...(node[last] as object), type: issue.code, message: issue.message };
    }
  }
  return root as FieldErrors;
}

/**
 * react-hook-form validated by the API's own zod schema (from @swigs/schema), with messages in
 * the user's language. The form holds the schema's input type and submits its output.
 *
 * The resolver is ours (a dozen lines) rather than @hookform/resolvers, which bundles support for
 * zod 3 as well and would weigh more than every form of the admin together.
 */
export function useZodForm<S extends z.ZodType<unknown, FieldValues>>(
  schema: S,
  options: Omit<
    Parameters<typeof useForm<z.input<S> & FieldValues, unknown, z.output<S> & FieldValues>>[0],
    'resolver'
  > = {},
) {
  const { t, i18n } = useTranslation();
  const resolver: Resolver<z.input<S> & FieldValues, unknown, z.output<S> & FieldValues> = async (values) => {
    const result = await schema.safeParseAsync(values, { error: zodErrorMap(t) as never });
    if (result.success) return { values: result.data as z.output<S> & FieldValues, errors: {} };
    const issues = result.error.issues.map((issue) => ({
      ...issue,
      // Generic issues are already worded by zodErrorMap; the schemas' own English sentences are looked up.
      message: translateSchemaMessage(i18n.language, issue.message) ?? issue.message,
    }));
    return { values: {}, errors: issuesToFieldErrors(issues) as FieldErrors<z.input<S> & FieldValues> };
  };
  return useForm<z.input<S> & FieldValues, unknown, z.output<S> & FieldValues>({
    mode: 'onTouched',
    ...options,
    resolver,
  });
}

/**
 * Shows the API's per-field errors inline on the form. Returns true when at least one field
 * error was placed; the caller then shows a summary toast instead of the raw problem.
 */
export function applyApiFieldErrors<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  t: TFunction,
  language: string,
  fieldNames?: readonly string[],
): boolean {
  if (!(error instanceof ApiError) || !error.problem.errors?.length) return false;
  let placed = false;
  for (const fieldError of error.problem.errors) {
    const name = fieldError.field;
    if (fieldNames && !fieldNames.some((known) => name === known || name.startsWith(`${known}.`))) continue;
    setError(
      name as Path<T>,
      { type: 'server', message: translateFieldMessage(t, language, fieldError.message, fieldError.code) },
      { shouldFocus: !placed },
    );
    placed = true;
  }
  return placed;
}
