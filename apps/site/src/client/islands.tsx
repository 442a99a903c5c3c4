import type { ReactElement } from 'react';
import { hydrateRoot } from 'react-dom/client';
import { ContactForm, type ContactFormProps } from '../components/ContactForm';

/**
 * The only script public pages load, and only pages with an island do: it hydrates each
 * server-rendered island with the props rendered beside it. Everything else stays static HTML.
 */
const islands: Record<string, (props: unknown) => ReactElement> = {
  // The props are the JSON the server rendered for this very component.
  'contact-form': (props) => <ContactForm {...(props as ContactFormProps)} />,
};

for (const element of document.querySelectorAll<HTMLElement>('[data-island]')) {
  const island = islands[element.dataset.island ?? ''];
  const props = document.getElementById(`${element.id}-props`)?.textContent;
  if (island && props) hydrateRoot(element, island(JSON.parse(props)));
}
