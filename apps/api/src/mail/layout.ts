/**
 * The one layout every email shares: a header with the sender's name (and logo when it is an image
 * mail programs display), a body of paragraphs and labelled fields, an optional button, a footer.
 * Each mail has an HTML part and a plain-text part built from the same blocks, so they never differ.
 * Everything interpolated is escaped: contact messages are written by strangers.
 */

export type MailLocale = 'fr' | 'en';

/** Only French and English templates exist; a site's locale picks one, French by default. */
export function mailLocaleOf(locale: string | undefined | null): MailLocale {
  return locale?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

export interface MailBrand {
  name: string;
  /** Absolute URL of a PNG, JPEG or GIF logo (SVG and WebP are skipped: many mail programs cannot show them). */
  logoUrl?: string | undefined;
}

export type MailBlock =
  | { type: 'paragraph'; text: string }
  | { type: 'fields'; fields: { label: string; value: string }[] }
  | { type: 'quote'; text: string }
  | { type: 'action'; label: string; url: string };

export interface MailContent {
  locale: MailLocale;
  brand: MailBrand;
  subject: string;
  blocks: MailBlock[];
  footer: string;
}

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/** Keeps line breaks of user text visible in HTML. */
function multiline(value: string): string {
  return escapeHtml(value).replace(/\r?\n/g, '<br>');
}

/** A subject line never carries a line break (header injection) and stays readable. */
export function subjectLine(value: string): string {
  return value
    .replace(/[\r\n\t]+/g, ' ')
    .trim()
    .slice(0, 200);
}

function blockHtml(block: MailBlock): string {
  switch (block.type) {
    case 'paragraph':
      return `<p style="margin:0 0 16px">${multiline(block.text)}</p>`;
    case 'fields':
      return `<table role="presentation" style="border-collapse:collapse;margin:0 0 16px">${block.fields
        .map(
          (f) =>
            `<tr><td style="padding:4px 12px 4px 0;color:#64748b;vertical-align:top">${escapeHtml(f.label)}</td>` +
            `<td style="padding:4px 0">${multiline(f.value)}</td></tr>`,
        )
        .join('')}</table>`;
    case 'quote':
      return `<blockquote style="margin:0 0 16px;padding:12px 16px;border-left:4px solid #cbd5e1;background:#f8fafc">${multiline(block.text)}</blockquote>`;
    case 'action':
      return `<p style="margin:24px 0"><a href="${escapeHtml(block.url)}" style="background:#1d4ed8;color:#ffffff;padding:12px 20px;border-radius:6px;text-decoration:none;display:inline-block">${escapeHtml(block.label)}</a></p><p style="margin:0 0 16px;font-size:13px;color:#64748b;word-break:break-all">${escapeHtml(block.url)}</p>`;
  }
}

function blockText(block: MailBlock): string {
  switch (block.type) {
    case 'paragraph':
      return block.text;
    case 'fields':
      return block.fields.map((f) => `${f.label}: ${f.value}`).join('\n');
    case 'quote':
      return block.text
        .split(/\r?\n/)
        .map((line) => `> ${line}`)
        .join('\n');
    case 'action':
      return `${block.label}\n${block.url}`;
  }
}

export function renderMail(content: MailContent): { subject: string; html: string; text: string } {
  const { brand } = content;
  const header = brand.logoUrl
    ? `<img src="${escapeHtml(brand.logoUrl)}" alt="${escapeHtml(brand.name)}" style="max-height:48px;max-width:200px">`
    : `<strong style="font-size:18px">${escapeHtml(brand.name)}</strong>`;
  const html = `<!doctype html>
<html lang="${content.locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(content.subject)}</title></head>
<body style="margin:0;padding:0;background:#f1f5f9;font-family:Arial,Helvetica,sans-serif;color:#0f172a;line-height:1.5">
<div style="max-width:600px;margin:0 auto;padding:24px">
<div style="padding:0 0 16px">${header}</div>
<div style="background:#ffffff;border-radius:8px;padding:24px">
${content.blocks.map(blockHtml).join('\n')}
</div>
<p style="font-size:12px;color:#64748b;padding:16px 0 0">${multiline(content.footer)}</p>
</div>
</body></html>`;
  const text = [
    brand.name,
    '',
    ...content.blocks.map(blockText).flatMap((t) => [t, '']),
    '--',
    content.footer,
  ]
    .join('\n')
    .trim();
  return { subject: subjectLine(content.subject), html, text: `${text}\n` };
}
