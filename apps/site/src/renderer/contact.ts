import { type ContactFormBody, contactHoneypotField } from '@swigs/schema';
import { ApiError, type PublicClient } from '@swigs/sdk';
import type { ContactFormProps } from '../components/ContactForm';
import {
  type ContactValues,
  contactValuesFrom,
  emptyContactValues,
  errorsFromProblem,
  validateContact,
} from '../components/contact-form-model';
import type { SiteContext } from '../context';

/** The calls of the SDK's public client the contact form uses. */
export type ContactApi = Pick<PublicClient, 'contact'>;

/**
 * Where the hydrated form posts, in the browser: the public contact endpoint, on the page's own
 * origin. The slug, not the host, so the same path works on the site's domain and under /preview/.
 */
export function contactEndpoint(slug: string): string {
  return `/api/v1/public/sites/${encodeURIComponent(slug)}/contact`;
}

/** Name of the hidden field that carries the signed form token. */
export const formTokenField = 'formToken' satisfies keyof ContactFormBody;

interface ContactInput {
  context: SiteContext;
  api: ContactApi;
  /** The site as the public API knows it for this request (host name or slug). */
  key: string;
}

/** The form as the contact page shows it: empty (or the confirmation after a sent message). */
export async function contactFormFor(input: ContactInput & { sent: boolean }): Promise<ContactFormProps> {
  return formProps(input, {
    values: emptyContactValues,
    sent: input.sent,
    token: input.sent ? '' : (await input.api.contact.formToken(input.key)).token,
  });
}

function formProps(
  { context, key }: Omit<ContactInput, 'api'>,
  state: Partial<ContactFormProps> & { values: ContactValues; sent: boolean; token: string },
): ContactFormProps {
  return {
    language: context.language,
    action: context.href({ kind: 'contact' }),
    endpoint: contactEndpoint(context.site.slug || key),
    honeypotName: contactHoneypotField,
    tokenName: formTokenField,
    errors: {},
    ...state,
  };
}

export type ContactPostResult = { redirect: string } | { status: number; form: ContactFormProps };

/**
 * A contact form posted without JavaScript. Accepted: 303 to the page's confirmation (so a reload
 * does not send it twice). Refused: the form again, with everything the visitor typed and the
 * reasons beside the fields — nothing is lost.
 */
export async function handleContactPost(
  input: ContactInput & { form: URLSearchParams },
): Promise<ContactPostResult> {
  const { context, api, key, form } = input;
  const t = context.t.contact;
  const values = contactValuesFrom(form);
  const postedToken = form.get(formTokenField) ?? '';
  const token = postedToken || (await api.contact.formToken(key)).token;
  const again = (
    status: number,
    errors: ContactFormProps['errors'],
    formError?: string,
  ): ContactPostResult => ({
    status,
    form: formProps(input, { values, sent: false, token, errors, formError }),
  });

  const errors = validateContact(values, t);
  if (Object.keys(errors).length > 0) return again(400, errors);
  try {
    await api.contact.send(key, {
      ...values,
      [contactHoneypotField]: form.get(contactHoneypotField) ?? '',
      [formTokenField]: postedToken,
    });
  } catch (error) {
    if (!(error instanceof ApiError) || error.status >= 500) return again(503, {}, t.failed);
    const mapped = errorsFromProblem(error.problem, error.status, t);
    return again(error.status, mapped.fields, mapped.form);
  }
  return { redirect: `${context.href({ kind: 'contact' })}?sent=1` };
}
