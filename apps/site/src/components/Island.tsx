import type { ReactNode } from 'react';
import { jsonForScript } from '../seo/head';

/**
 * Marks a server-rendered component for hydration in the browser: the markup goes in a
 * `data-island` element, its props beside it as JSON. The islands script (loaded only on pages
 * that have one) hydrates each; the rest of the page stays static HTML.
 */
export function Island({
  name,
  id,
  props,
  children,
}: {
  name: string;
  id: string;
  props: object;
  children: ReactNode;
}) {
  return (
    <>
      <div data-island={name} id={id}>
        {children}
      </div>
      <script
        type="application/json"
        id={`${id}-props`}
        // biome-ignore lint/security/noDangerouslySetInnerHtml: JSON data block, `<` escaped
        dangerouslySetInnerHTML={{ __html: jsonForScript(props) }}
      />
    </>
  );
}
