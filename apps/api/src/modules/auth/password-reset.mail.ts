import { type MailLocale, renderMail } from '../../mail/layout';

const strings = {
  fr: {
    subject: 'Réinitialisation de votre mot de passe',
    greeting: (name: string) => `Bonjour ${name},`,
    intro:
      'Quelqu’un (vous, espérons-le) a demandé à réinitialiser le mot de passe de votre compte. Choisissez un nouveau mot de passe avec le bouton ci-dessous.',
    action: 'Choisir un nouveau mot de passe',
    expiry: (minutes: number) =>
      `Ce lien fonctionne une seule fois, pendant ${minutes} minutes. Vos autres sessions seront fermées.`,
    ignore: 'Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.',
    footer: 'Message automatique, merci de ne pas y répondre.',
  },
  en: {
    subject: 'Reset your password',
    greeting: (name: string) => `Hello ${name},`,
    intro:
      'Someone (hopefully you) asked to reset the password of your account. Choose a new password with the button below.',
    action: 'Choose a new password',
    expiry: (minutes: number) =>
      `This link works once, for ${minutes} minutes. Your other sessions will be ended.`,
    ignore: 'If you did not ask for this, ignore this message: your password stays unchanged.',
    footer: 'Automatic message, please do not reply.',
  },
} satisfies Record<MailLocale, unknown>;

export function renderPasswordResetMail(input: {
  locale: MailLocale;
  productName: string;
  userName: string;
  url: string;
  ttlMinutes: number;
}) {
  const t = strings[input.locale];
  return renderMail({
    locale: input.locale,
    brand: { name: input.productName },
    subject: t.subject,
    blocks: [
      { type: 'paragraph', text: t.greeting(input.userName) },
      { type: 'paragraph', text: t.intro },
      { type: 'action', label: t.action, url: input.url },
      { type: 'paragraph', text: t.expiry(input.ttlMinutes) },
      { type: 'paragraph', text: t.ignore },
    ],
    footer: t.footer,
  });
}
