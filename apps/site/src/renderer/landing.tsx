import { renderToString } from 'react-dom/server';
import { escapeHtml } from '../text';
import { renderDocument } from './document';

/** A site as the installation's landing page lists it. */
export interface LandingSite {
  slug: string;
  name: string;
  domain: string;
}

export interface LandingOptions {
  language: 'fr' | 'en';
  adminPath: string;
  /** Undefined when listing the sites is not allowed (production). */
  sites?: LandingSite[] | undefined;
  /** Port the visitor used, to build `http://<domain>:<port>/` links for `*.localhost` domains. */
  port?: string | undefined;
}

const texts = {
  fr: {
    title: 'SWIGS CMS est en service',
    intro:
      'Cette adresse est celle du serveur, pas celle d’un site. Les sites publics répondent sur leur propre nom de domaine.',
    admin: 'Ouvrir l’administration',
    sites: 'Sites',
    preview: 'aperçu',
    noSites: 'Aucun site pour l’instant : créez-en un dans l’administration.',
    unknownTitle: 'Aucun site à cette adresse',
    unknownText: (host: string) =>
      `Aucun site n’est configuré pour « ${host} ». Si c’est le vôtre, ajoutez ce nom de domaine (ou un alias) dans les paramètres du site.`,
  },
  en: {
    title: 'SWIGS CMS is running',
    intro: 'This is the server’s address, not a site’s. Public sites answer on their own domain names.',
    admin: 'Open the administration',
    sites: 'Sites',
    preview: 'preview',
    noSites: 'No site yet: create one in the administration.',
    unknownTitle: 'No site at this address',
    unknownText: (host: string) =>
      `No site is configured for “${host}”. If it is yours, add this domain name (or an alias) in the site’s settings.`,
  },
};

/** `http://demo.localhost:3000/` for local names that resolve without DNS; nothing otherwise. */
function localLink(domain: string, port: string | undefined): string | undefined {
  if (domain !== 'localhost' && !domain.endsWith('.localhost')) return undefined;
  return `http://${domain}${port ? `:${port}` : ''}/`;
}

function page(language: 'fr' | 'en', title: string, css: string, body: string): string {
  return renderDocument({
    lang: language,
    headTags: `<title>${escapeHtml(title)}</title><meta name="robots" content="noindex">`,
    css,
    body,
  });
}

/**
 * The page at `/` on the installation's own address (127.0.0.1:3000 for a newcomer): not a dead
 * end, but the way to the admin panel and, outside production, to every site's preview.
 */
export function renderLanding(options: LandingOptions, css: string): string {
  const t = texts[options.language];
  const body = renderToString(
    <main className="landing">
      <h1>{t.title}</h1>
      <p>{t.intro}</p>
      <p>
        <a className="button" href={options.adminPath}>
          {t.admin}
        </a>
      </p>
      {options.sites ? (
        <>
          <h2>{t.sites}</h2>
          {options.sites.length > 0 ? (
            <ul>
              {options.sites.map((site) => {
                const local = localLink(site.domain, options.port);
                return (
                  <li key={site.slug}>
                    <a href={`/preview/${site.slug}`}>{site.name}</a> ({t.preview})
                    {local ? (
                      <>
                        {' · '}
                        <a href={local}>{local}</a>
                      </>
                    ) : (
                      ` · ${site.domain}`
                    )}
                  </li>
                );
              })}
            </ul>
          ) : (
            <p>{t.noSites}</p>
          )}
        </>
      ) : null}
    </main>,
  );
  return page(options.language, t.title, css, body);
}

/** 404 for a host name no site claims. */
export function renderUnknownHost(language: 'fr' | 'en', host: string, css: string): string {
  const t = texts[language];
  const body = renderToString(
    <main className="landing">
      <h1>{t.unknownTitle}</h1>
      <p>{t.unknownText(host)}</p>
    </main>,
  );
  return page(language, t.unknownTitle, css, body);
}
