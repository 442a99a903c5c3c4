import { load } from 'cheerio';
import { beforeEach, describe, expect, it } from 'vitest';
import { type FakeState, fakeApi, fakeAssets, fakeState } from '../../test/fixtures';
import { createSiteRenderer, type SiteRenderer } from './renderer';

let state: FakeState;
let renderer: SiteRenderer;

beforeEach(() => {
  state = fakeState();
  renderer = createSiteRenderer({ api: () => fakeApi(state), assets: fakeAssets() });
});

const valid = {
  name: 'Léa Rochat',
  email: 'lea@example.ch',
  phone: '',
  subject: 'Cours',
  message: 'Bonjour, reste-t-il des places ?',
};

function post(fields: Record<string, string>, url = '/contact') {
  return renderer.handle({
    method: 'POST',
    host: 'ecole-du-lac.ch',
    url,
    ip: '203.0.113.9',
    form: new URLSearchParams(fields),
  });
}

describe('contact form without JavaScript', () => {
  it('shows a form with a fresh token, a hidden honeypot and the island props', async () => {
    const response = await renderer.handle({
      method: 'GET',
      host: 'ecole-du-lac.ch',
      url: '/contact',
      ip: '203.0.113.9',
    });
    expect(response.headers['cache-control']).toBe('no-store');
    const $ = load(response.body!.toString());
    expect($('form').attr('method')).toBe('post');
    expect($('form').attr('action')).toBe('/contact');
    expect($('input[name=formToken]').val()).toBe('token-1');
    expect($('.trap input[name=website]').attr('tabindex')).toBe('-1');
    expect($('.trap').attr('aria-hidden')).toBe('true');
    const props = JSON.parse($('#contact-form-props').text());
    expect(props).toMatchObject({
      endpoint: '/api/v1/public/sites/ecole-du-lac/contact',
      token: 'token-1',
      language: 'fr',
    });
  });

  it('sends a valid message with its token and honeypot, then redirects to the confirmation', async () => {
    const response = await post({ ...valid, website: '', formToken: 'token-from-page' });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/contact?sent=1');
    expect(state.sent).toEqual([{ ...valid, website: '', formToken: 'token-from-page' }]);

    const confirmation = load(
      (
        await renderer.handle({
          method: 'GET',
          host: 'ecole-du-lac.ch',
          url: '/contact?sent=1',
          ip: '1.1.1.1',
        })
      ).body!.toString(),
    );
    expect(confirmation('[role=status] h2').text()).toBe('Merci, votre message est bien arrivé');
    expect(confirmation('form').length).toBe(0);
  });

  it('keeps everything typed and explains each error when fields are missing or wrong', async () => {
    const response = await post({
      ...valid,
      name: '',
      email: 'pas-une-adresse',
      formToken: 'token-from-page',
    });
    expect(response.status).toBe(400);
    expect(state.sent).toEqual([]);
    const $ = load(response.body!.toString());
    expect($('#contact-name').attr('aria-invalid')).toBe('true');
    expect($('#contact-name-error').text()).toBe('Ce champ est obligatoire.');
    expect($('#contact-email').val()).toBe('pas-une-adresse');
    expect($('#contact-email-error').text()).toContain('adresse e-mail valide');
    expect($('#contact-message').text()).toBe(valid.message);
    expect($('#contact-subject').val()).toBe('Cours');
    expect($('[role=alert] li').length).toBe(2);
    expect($('input[name=formToken]').val()).toBe('token-from-page');
  });

  it('shows the API’s field errors and its rate limit in the visitor’s language', async () => {
    state.contactProblem = {
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: [
        { field: 'message', message: 'Too big: expected string to have <=5000 characters', code: 'too_big' },
      ],
    };
    const refused = load((await post({ ...valid, formToken: 't' })).body!.toString());
    expect(refused('#contact-message-error').text()).toBe('5000 caractères au maximum.');

    state.contactProblem = { status: 429, code: 'RATE_LIMITED' };
    const limited = await post({ ...valid, formToken: 't' });
    expect(limited.status).toBe(429);
    const $ = load(limited.body!.toString());
    expect($('[role=alert]').text()).toContain('Trop de messages');
    expect($('#contact-name').val()).toBe(valid.name);
  });

  it('keeps the text when the API fails', async () => {
    state.contactProblem = { status: 500, code: 'INTERNAL_ERROR' };
    const response = await post({ ...valid, formToken: 't' });
    expect(response.status).toBe(503);
    const $ = load(response.body!.toString());
    expect($('[role=alert]').text()).toContain('votre texte est conservé');
    expect($('#contact-message').text()).toBe(valid.message);
  });

  it('refuses a post anywhere else', async () => {
    expect((await post(valid, '/formations')).status).toBe(405);
  });
});
