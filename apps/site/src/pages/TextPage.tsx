import type { MediaRef } from '@swigs/schema';
import { Picture } from '../components/Picture';

/** A page of editorial text: about, legal notice, privacy. `html` is rich text sanitised by the API. */
export function TextPage({
  title,
  html,
  image,
}: {
  title: string;
  html: string;
  image?: MediaRef | undefined;
}) {
  return (
    <>
      <div className="wrap page-title">
        <h1>{title}</h1>
      </div>
      <div className="wrap section prose">
        {image ? <Picture image={image} sizes="(min-width: 46rem) 44rem, 100vw" priority /> : null}
        {/* biome-ignore lint/security/noDangerouslySetInnerHtml: rich text, sanitised on the server */}
        <div dangerouslySetInnerHTML={{ __html: html }} />
      </div>
    </>
  );
}

/** 404, 410 and friends: what happened and the way back home. */
export function ErrorPage({
  title,
  text,
  links,
}: {
  title: string;
  text: string;
  links: { href: string; label: string }[];
}) {
  return (
    <div className="wrap page-title section">
      <h1>{title}</h1>
      <p className="lead">{text}</p>
      <div className="actions">
        {links.map((link, index) => (
          <a key={link.href} className={index === 0 ? 'button' : 'button ghost'} href={link.href}>
            {link.label}
          </a>
        ))}
      </div>
    </div>
  );
}
