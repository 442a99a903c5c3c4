import { type FormEvent, useEffect, useRef, useState } from 'react';
import { type Language, messagesFor } from '../i18n';
import {
  type ContactErrors,
  type ContactField,
  type ContactValues,
  contactFields,
  contactLimits,
  errorsFromProblem,
  requiredContactFields,
  validateContact,
} from './contact-form-model';

export interface ContactFormProps {
  language: Language;
  /** Where the plain HTML form posts (the contact page itself): works without JavaScript. */
  action: string;
  /** The public contact API, called with fetch once the form is hydrated. */
  endpoint: string;
  /** Name of the honeypot field the API expects empty. */
  honeypotName: string;
  /** Name and value of the signed token that proves the form was shown to a person a moment ago. */
  tokenName: string;
  token: string;
  values: ContactValues;
  errors: ContactErrors;
  /** A message about the whole form (rate limit, server failure). */
  formError?: string | undefined;
  sent: boolean;
}

type Status = 'idle' | 'sending' | 'sent';

/**
 * The contact form. Server-rendered, it is a plain form that posts to the page (the server
 * answers with a confirmation, or the form again with the visitor's text and the errors). Once
 * hydrated, it checks fields as the visitor sends, posts with fetch and shows errors inline —
 * never clearing what was typed.
 */
export function ContactForm(props: ContactFormProps) {
  const messages = messagesFor(props.language);
  const t = messages.contact;
  const [values, setValues] = useState<ContactValues>(props.values);
  const [errors, setErrors] = useState<ContactErrors>(props.errors);
  const [formError, setFormError] = useState<string | undefined>(props.formError);
  const [status, setStatus] = useState<Status>(props.sent ? 'sent' : 'idle');
  const [enhanced, setEnhanced] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const successRef = useRef<HTMLDivElement>(null);

  useEffect(() => setEnhanced(true), []);
  useEffect(() => {
    if (status === 'sent' && enhanced) successRef.current?.focus();
  }, [status, enhanced]);

  const focusFirstError = (found: ContactErrors) => {
    const first = contactFields.find((field) => found[field]);
    if (first) formRef.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (status === 'sending') return;
    const found = validateContact(values, t);
    setErrors(found);
    setFormError(undefined);
    if (Object.keys(found).length > 0) return focusFirstError(found);
    const form = new FormData(event.currentTarget);
    setStatus('sending');
    try {
      const response = await fetch(props.endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({
          ...values,
          [props.honeypotName]: String(form.get(props.honeypotName) ?? ''),
          [props.tokenName]: props.token,
        }),
      });
      if (response.ok) {
        setStatus('sent');
        return;
      }
      const problem = await response.json().catch(() => undefined);
      const mapped = errorsFromProblem(problem, response.status, t);
      setErrors(mapped.fields);
      setFormError(mapped.form);
      focusFirstError(mapped.fields);
    } catch {
      setFormError(t.failed);
    }
    setStatus('idle');
  }

  if (status === 'sent') {
    return (
      <div className="alert alert-success" role="status" tabIndex={-1} ref={successRef}>
        <h2>{t.sentTitle}</h2>
        <p>{t.sentText}</p>
        {enhanced ? (
          <button
            type="button"
            className="button ghost"
            onClick={() => {
              setValues({ name: '', email: '', phone: '', subject: '', message: '' });
              setStatus('idle');
            }}
          >
            {t.sendAnother}
          </button>
        ) : (
          <a className="button ghost" href={props.action}>
            {t.sendAnother}
          </a>
        )}
      </div>
    );
  }

  const errorList = contactFields.filter((field) => errors[field]);
  const field = (
    name: ContactField,
    label: string,
    input: { type?: string; autoComplete: string; multiline?: boolean },
  ) => {
    const id = `contact-${name}`;
    const error = errors[name];
    const required = requiredContactFields.includes(name);
    const common = {
      id,
      name,
      value: values[name],
      maxLength: contactLimits[name],
      required,
      autoComplete: input.autoComplete,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': error ? `${id}-error` : undefined,
      onChange: (event: { target: { value: string } }) => {
        const value = event.target.value;
        setValues((current) => ({ ...current, [name]: value }));
      },
    };
    return (
      <div className="field" key={name}>
        <label htmlFor={id}>
          {label}
          {required ? null : <span className="hint"> ({t.optional})</span>}
        </label>
        {input.multiline ? (
          <textarea {...common} rows={8} />
        ) : (
          <input {...common} type={input.type ?? 'text'} />
        )}
        {error ? (
          <p className="field-error" id={`${id}-error`}>
            {error}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <form
      ref={formRef}
      className="form"
      method="post"
      action={props.action}
      noValidate={enhanced}
      onSubmit={enhanced ? onSubmit : undefined}
    >
      {formError || errorList.length > 0 ? (
        <div className="alert alert-error" role="alert">
          {formError ?? t.errorSummary}
          {errorList.length > 0 ? (
            <ul>
              {errorList.map((name) => (
                <li key={name}>
                  <a href={`#contact-${name}`}>
                    {t[name]}
                    {messages.colon}
                    {errors[name]}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {field('name', t.name, { autoComplete: 'name' })}
      {field('email', t.email, { type: 'email', autoComplete: 'email' })}
      {field('phone', t.phone, { type: 'tel', autoComplete: 'tel' })}
      {field('subject', t.subject, { autoComplete: 'off' })}
      {field('message', t.message, { autoComplete: 'off', multiline: true })}
      <div className="trap" aria-hidden="true">
        <label htmlFor="contact-trap">{t.honeypot}</label>
        <input
          id="contact-trap"
          name={props.honeypotName}
          type="text"
          tabIndex={-1}
          autoComplete="off"
          defaultValue=""
        />
      </div>
      <input type="hidden" name={props.tokenName} value={props.token} />
      <div>
        <button className="button" type="submit" disabled={status === 'sending'}>
          {status === 'sending' ? t.sending : t.send}
        </button>
      </div>
    </form>
  );
}
