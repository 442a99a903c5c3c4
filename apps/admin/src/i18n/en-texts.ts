import type { textsFr } from './fr-texts';

/** English strings of the page-texts screen. */
export const textsEn: typeof textsFr = {
  texts: {
    description:
      'The texts and images of the public site’s pages: home, about, contact, legal notice, footer.',
    blocksList: 'Text blocks',
    default: 'default',
    unsaved: 'not saved',
    add: 'Add a block',
    addHelp:
      'One more block, read by a custom theme or through the public API. Its key: lower-case words joined by dots, e.g. “home.banner”.',
    continue: 'Continue',
    viewPage: 'View the “{{page}}” page',
    resetToDefault: 'Reset to the default text',
    delete: 'Delete the block',
    deleteTitle: 'Delete “{{name}}”?',
    deleteDescription:
      'The public site will show its default again (or nothing, for a block without a default).',
    deleted: '“{{name}}” deleted: the site shows its default.',
    notFound: 'The block “{{key}}” does not exist (any more) on this site.',
    wrongType: {
      title: 'This block does not have the type the theme expects',
      description:
        'It is stored as “{{stored}}”; the site expects “{{expected}}” and therefore ignores it. Saving this form replaces it.',
    },
    pages: {
      home: 'Home',
      about: 'About',
      contact: 'Contact',
      legal: 'Legal notice',
      privacy: 'Privacy',
      footer: 'Footer',
      other: 'Other blocks',
    },
    types: {
      text: 'Text',
      richtext: 'Formatted text',
      image: 'Image',
      link: 'Link',
      list: 'List',
      json: 'JSON',
    },
    fields: {
      key: 'Key',
      type: 'Type',
      text: 'Text',
      html: 'Text',
      image: 'Image',
      alt: 'Alternative text',
      altHint: 'Describes the image for screen readers and search engines.',
      label: 'Label',
      url: 'Address',
      urlHint: 'A page of the site (/courses), an https://… address, mailto: or tel:.',
      items: 'Items',
      addItem: 'Add an item',
      json: 'JSON value',
    },
    json: {
      hint: 'Valid JSON, {{size}} KB at most.',
      invalid: 'This is not valid JSON: fix it before saving.',
    },
    blocks: {
      home_hero_title: {
        label: 'Main title',
        help: 'The home page’s large title. Default: the site’s name.',
      },
      home_hero_text: {
        label: 'Tagline',
        help: 'Under the home page’s title. Default: the site’s description.',
      },
      home_hero_image: {
        label: 'Home image',
        help: 'Beside the title, loaded first. Default: no image.',
      },
      home_hero_cta: {
        label: 'Main button',
        help: 'The button under the tagline. Default: “See all courses”, to the course list.',
      },
      home_about: {
        label: 'Short introduction',
        help: 'The home page’s “About us” section. Default: an excerpt of the About page.',
      },
      about_body: {
        label: 'Page text',
        help: 'The About page’s content. Without it, the site has no About page.',
      },
      about_image: {
        label: 'Page image',
        help: 'Illustrates the About page. Default: no image.',
      },
      contact_intro: {
        label: 'Introduction',
        help: 'Above the contact form. Default: an inviting sentence.',
      },
      legal_body: {
        label: 'Legal notice',
        help: 'The text of the Legal notice page. Without it, the page does not exist.',
      },
      privacy_body: {
        label: 'Privacy policy',
        help: 'The text of the Privacy page. Without it, the page does not exist.',
      },
      footer_text: {
        label: 'Footer text',
        help: 'At the bottom of every page. Default: the site’s description.',
      },
    },
  },
};
