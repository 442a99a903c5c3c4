import { ContactForm, type ContactFormProps } from '../components/ContactForm';
import { Island } from '../components/Island';
import { contentKeys } from '../contents';
import type { SiteContext } from '../context';

/** The contact page: the form (an island, hydrated in the browser) and the site's contact details. */
export function ContactPage({ context, form }: { context: SiteContext; form: ContactFormProps }) {
  const { site, t } = context;
  const intro = context.contents.text(contentKeys.contactIntro) ?? t.contact.intro;
  const { email, phone, address } = site.contact;
  return (
    <>
      <div className="wrap page-title">
        <h1>{t.contact.title}</h1>
        <p className="lead">{intro}</p>
      </div>
      <div className="wrap split section">
        <div>
          <Island name="contact-form" id="contact-form" props={form}>
            <ContactForm {...form} />
          </Island>
        </div>
        {email || phone || address ? (
          <aside className="panel" aria-labelledby="contact-details">
            <h2 id="contact-details">{t.contact.details}</h2>
            <ul className="contact-list">
              {address ? (
                <li>
                  <address>{address}</address>
                </li>
              ) : null}
              {phone ? (
                <li>
                  {t.contact.phone}
                  {t.colon}
                  <a href={`tel:${phone.replace(/[^+\d]/g, '')}`}>{phone}</a>
                </li>
              ) : null}
              {email ? (
                <li>
                  {t.contact.email}
                  {t.colon}
                  <a href={`mailto:${email}`}>{email}</a>
                </li>
              ) : null}
            </ul>
          </aside>
        ) : null}
      </div>
    </>
  );
}
