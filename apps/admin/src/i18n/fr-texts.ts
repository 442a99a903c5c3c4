/** French strings of the page-texts screen (the content blocks the public site's pages read). */
export const textsFr = {
  texts: {
    description:
      'Les textes et images des pages du site public : accueil, à propos, contact, mentions légales, pied de page.',
    blocksList: 'Blocs de texte',
    default: 'par défaut',
    unsaved: 'non enregistré',
    add: 'Ajouter un bloc',
    addHelp:
      'Un bloc de plus, lu par un thème sur mesure ou par l’API publique. Sa clé : des mots en minuscules séparés par des points, par exemple « home.banner ».',
    continue: 'Continuer',
    viewPage: 'Voir la page « {{page}} »',
    resetToDefault: 'Revenir au texte par défaut',
    delete: 'Supprimer le bloc',
    deleteTitle: 'Supprimer « {{name}} » ?',
    deleteDescription:
      'Le site public affichera de nouveau sa valeur par défaut (ou rien, pour un bloc sans valeur par défaut).',
    deleted: '« {{name}} » supprimé : le site affiche sa valeur par défaut.',
    notFound: 'Le bloc « {{key}} » n’existe pas (ou plus) sur ce site.',
    wrongType: {
      title: 'Ce bloc n’a pas le type attendu par le thème',
      description:
        'Il est enregistré comme « {{stored}} », le site attend « {{expected}} » et l’ignore donc. Enregistrer ce formulaire le remplace.',
    },
    pages: {
      home: 'Accueil',
      about: 'À propos',
      contact: 'Contact',
      legal: 'Mentions légales',
      privacy: 'Protection des données',
      footer: 'Pied de page',
      other: 'Autres blocs',
    },
    types: {
      text: 'Texte',
      richtext: 'Texte mis en forme',
      image: 'Image',
      link: 'Lien',
      list: 'Liste',
      json: 'JSON',
    },
    fields: {
      key: 'Clé',
      type: 'Type',
      text: 'Texte',
      html: 'Texte',
      image: 'Image',
      alt: 'Texte alternatif',
      altHint: 'Décrit l’image pour les lecteurs d’écran et les moteurs de recherche.',
      label: 'Libellé',
      url: 'Adresse',
      urlHint: 'Une page du site (/formations), une adresse https://…, mailto: ou tel:.',
      items: 'Éléments',
      addItem: 'Ajouter un élément',
      json: 'Valeur JSON',
    },
    json: {
      hint: 'Du JSON valide, {{size}} Ko au plus.',
      invalid: 'Ce n’est pas du JSON valide : corrigez-le avant d’enregistrer.',
    },
    blocks: {
      home_hero_title: {
        label: 'Titre principal',
        help: 'Le grand titre de la page d’accueil. Par défaut : le nom du site.',
      },
      home_hero_text: {
        label: 'Texte d’accroche',
        help: 'Sous le titre de l’accueil. Par défaut : la description du site.',
      },
      home_hero_image: {
        label: 'Image d’accueil',
        help: 'À côté du titre, chargée en priorité. Par défaut : aucune image.',
      },
      home_hero_cta: {
        label: 'Bouton principal',
        help: 'Le bouton sous l’accroche. Par défaut : « Voir toutes les formations », vers la liste.',
      },
      home_about: {
        label: 'Présentation courte',
        help: 'La section « Qui sommes-nous » de l’accueil. Par défaut : un extrait de la page À propos.',
      },
      about_body: {
        label: 'Texte de la page',
        help: 'Le contenu de la page À propos. Sans lui, le site n’a pas de page À propos.',
      },
      about_image: {
        label: 'Image de la page',
        help: 'Illustre la page À propos. Par défaut : aucune image.',
      },
      contact_intro: {
        label: 'Introduction',
        help: 'Au-dessus du formulaire de contact. Par défaut : une phrase d’invitation.',
      },
      legal_body: {
        label: 'Mentions légales',
        help: 'Le texte de la page Mentions légales. Sans lui, la page n’existe pas.',
      },
      privacy_body: {
        label: 'Politique de confidentialité',
        help: 'Le texte de la page Protection des données. Sans lui, la page n’existe pas.',
      },
      footer_text: {
        label: 'Texte du pied de page',
        help: 'En bas de chaque page. Par défaut : la description du site.',
      },
    },
  },
};
