import { type SiteSocial, socialNetworks } from '@swigs/schema';
import type { ReactNode } from 'react';
import { contentKeys } from '../contents';
import type { SiteContext } from '../context';
import type { PageKind, Route } from '../renderer/routes';
import { pageExists } from '../seo/sitemap';

export interface LayoutProps {
  context: SiteContext;
  /** The page shown, to mark its menu entry; undefined on error pages. */
  current?: PageKind | undefined;
  children: ReactNode;
}

const menu: PageKind[] = ['home', 'courses', 'about', 'contact'];

function socialLinks(social: SiteSocial) {
  return socialNetworks
    .filter((network) => social[network])
    .map((network) => [network, social[network]] as const);
}

/** Header with logo and menu, the page, and a footer with the site's contact details and links. */
export function Layout({ context, current, children }: LayoutProps) {
  const { site, t } = context;
  const isCurrent = (kind: PageKind) => kind === current || (kind === 'courses' && current === 'course');
  const entries = menu.filter((kind) => pageExists(context, { kind } as Route));
  const links = socialLinks(site.social);
  const legalPages = (['legal', 'privacy'] as const).filter((kind) => pageExists(context, { kind }));
  const footerText = context.contents.text(contentKeys.footerText);
  const { email, phone, address } = site.contact;

  return (
    <>
      <a className="skip" href="#main">
        {t.skipToContent}
      </a>
      <header className="site-header">
        <div className="wrap">
          <a className="brand" href={context.href({ kind: 'home' })}>
            {site.logo ? (
              <img
                src={site.logo.url}
                alt={t.logoAlt(site.name)}
                width={site.logo.width ?? undefined}
                height={site.logo.height ?? undefined}
              />
            ) : null}
            <span>{site.name}</span>
          </a>
          <nav className="nav" aria-label={t.nav.label}>
            <ul>
              {entries.map((kind) => (
                <li key={kind}>
                  <a
                    href={context.href({ kind } as Route)}
                    aria-current={isCurrent(kind) ? 'page' : undefined}
                  >
                    {t.nav[kind as keyof typeof t.nav]}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </div>
      </header>
      <main id="main">{children}</main>
      <footer className="site-footer">
        <div className="wrap">
          <div>
            <h2>{site.name}</h2>
            {footerText ? <p>{footerText}</p> : site.description ? <p>{site.description}</p> : null}
          </div>
          {email || phone || address ? (
            <div>
              <h2>{t.footer.contact}</h2>
              <ul>
                {address ? (
                  <li>
                    <address>{address}</address>
                  </li>
                ) : null}
                {phone ? (
                  <li>
                    <a href={`tel:${phone.replace(/[^+\d]/g, '')}`}>{phone}</a>
                  </li>
                ) : null}
                {email ? (
                  <li>
                    <a href={`mailto:${email}`}>{email}</a>
                  </li>
                ) : null}
              </ul>
            </div>
          ) : null}
          {links.length > 0 ? (
            <div>
              <h2>{t.footer.follow}</h2>
              <ul>
                {links.map(([network, url]) => (
                  <li key={network}>
                    <a href={url} rel="noopener me">
                      {t.social[network]}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <div>
            <h2>{t.footer.legal}</h2>
            <ul>
              <li>
                <a href={context.href({ kind: 'contact' })}>{t.nav.contact}</a>
              </li>
              {legalPages.map((kind) => (
                <li key={kind}>
                  <a href={context.href({ kind })}>{t.nav[kind]}</a>
                </li>
              ))}
            </ul>
            <p className="powered">{t.footer.poweredBy}</p>
          </div>
        </div>
      </footer>
    </>
  );
}
