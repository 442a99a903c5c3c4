import type { CreateCourseBody, CreateSiteBody, UpdateSeoBody, UpsertContentBody } from '@swigs/schema';

/**
 * The demo site: a fictitious adult-training centre in Lausanne with realistic French courses,
 * texts and SEO, so a newcomer sees a complete site right after `npm start`. Course dates are
 * computed from the day of seeding, so the programme is always upcoming.
 */

export const demoSlug = 'demo';
/** `*.localhost` resolves to this machine in browsers without any DNS setup. */
export const demoDomain = 'demo.localhost';

export const demoSite: CreateSiteBody = {
  name: 'Horizon Formation',
  slug: demoSlug,
  domain: demoDomain,
  aliases: ['www.demo.localhost'],
  description:
    'Centre de formation continue à Lausanne : cours courts pour les professionnels, en petits groupes, animés par des praticiens.',
  locale: 'fr-CH',
  timeZone: 'Europe/Zurich',
  contact: {
    email: 'contact@horizon-formation.example',
    phone: '+41 21 555 01 23',
    address: 'Avenue de la Gare 12\n1003 Lausanne',
  },
  social: {
    linkedin: 'https://www.linkedin.com/company/example',
    instagram: 'https://www.instagram.com/example',
  },
  theme: { primaryColor: '#0f766e', secondaryColor: '#0f172a' },
};

/** `YYYY-MM-DD`, `days` after `from`. */
function dayAfter(from: Date, days: number): string {
  const date = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth(), from.getUTCDate() + days));
  return date.toISOString().slice(0, 10);
}

const registration = (slug: string) => `https://www.example.com/inscription/${slug}`;

export function demoCourses(today: Date): CreateCourseBody[] {
  const on = (days: number) => dayAfter(today, days);
  return [
    {
      title: 'Premiers secours en entreprise (BLS-AED)',
      number: 'HF-SAN-01',
      description:
        '<p>Une journée pour savoir réagir face à un malaise, un arrêt cardiaque ou une blessure sur le lieu de travail.</p><ul><li>Bilan de la victime et alarme</li><li>Massage cardiaque et utilisation du défibrillateur (AED)</li><li>Position latérale de sécurité, hémorragies</li></ul><p>Certificat BLS-AED reconnu, valable deux ans.</p>',
      startDate: on(12),
      endDate: on(12),
      registrationDeadline: on(5),
      price: 180,
      places: 6,
      location: 'Lausanne, Avenue de la Gare 12',
      externalUrl: registration('premiers-secours'),
    },
    {
      title: 'Gestion de projet agile avec Scrum',
      number: 'HF-GES-04',
      description:
        '<p>Deux jours pratiques pour piloter un projet par itérations : rôles, cérémonies, backlog et indicateurs.</p><p>Études de cas tirées de PME romandes ; préparation à la certification PSM I.</p>',
      startDate: on(19),
      endDate: on(20),
      registrationDeadline: on(10),
      price: 1250,
      places: 9,
      location: 'Lausanne, Avenue de la Gare 12',
      externalUrl: registration('scrum'),
    },
    {
      title: 'Excel avancé : tableaux croisés et Power Query',
      number: 'HF-BUR-07',
      description:
        '<p>Automatisez vos tableaux de bord : importer et nettoyer des données avec Power Query, analyser avec les tableaux croisés dynamiques, présenter avec des graphiques clairs.</p><p>Prérequis : maîtrise des formules de base.</p>',
      startDate: on(26),
      endDate: on(26),
      registrationDeadline: on(19),
      price: 420,
      places: 3,
      location: 'Yverdon-les-Bains, Rue du Midi 4',
      externalUrl: registration('excel-avance'),
    },
    {
      title: 'Communication bienveillante au travail',
      number: 'HF-COM-02',
      description:
        '<p>Exprimer un désaccord sans conflit, donner un retour utile, écouter vraiment : deux jours d’exercices en petit groupe.</p>',
      startDate: on(33),
      endDate: on(34),
      registrationDeadline: on(20),
      price: 890,
      places: 0,
      location: 'Lausanne, Avenue de la Gare 12',
      externalUrl: registration('communication'),
      status: 'full',
    },
    {
      title: 'Cariste : permis chariot élévateur',
      number: 'HF-LOG-03',
      description:
        '<p>Formation théorique et pratique conforme aux directives de la SUVA, examen final inclus.</p><p>Chaussures de sécurité obligatoires.</p>',
      startDate: on(40),
      endDate: on(41),
      registrationDeadline: on(30),
      price: 650,
      places: 5,
      location: 'Crissier, Zone industrielle',
      externalUrl: registration('cariste'),
    },
    {
      title: 'Séance d’information : reconversion professionnelle',
      number: 'HF-INF-01',
      description:
        '<p>Une soirée pour découvrir les parcours de reconversion, les financements possibles (chèque annuel de formation, assurance chômage) et nos conseillers.</p>',
      startDate: on(8),
      endDate: on(8),
      registrationDeadline: null,
      price: 0,
      places: 30,
      location: 'En ligne et à Lausanne',
      externalUrl: '',
    },
    {
      title: 'Formateur d’adultes – module FSEA 1',
      number: 'HF-FOR-01',
      description:
        '<p>Animer des sessions de formation pour adultes : préparer, conduire et évaluer une séquence. Premier module du brevet fédéral de formateur.</p>',
      startDate: on(55),
      endDate: on(90),
      registrationDeadline: on(40),
      price: 2900,
      places: 12,
      location: 'Lausanne, Avenue de la Gare 12',
      externalUrl: registration('fsea-1'),
      status: 'cancelled',
    },
  ];
}

export const demoContents: Record<string, UpsertContentBody> = {
  'home.hero.title': {
    type: 'text',
    data: { text: 'Des formations courtes qui changent votre quotidien professionnel' },
  },
  'home.hero.text': {
    type: 'text',
    data: {
      text: 'Premiers secours, gestion de projet, bureautique, communication : des cours pratiques en petits groupes, à Lausanne et en ligne.',
    },
  },
  'home.hero.cta': { type: 'link', data: { label: 'Découvrir le programme', url: '/formations' } },
  'home.about': {
    type: 'text',
    data: {
      text: 'Depuis 2009, Horizon Formation accompagne les entreprises et les particuliers de Suisse romande. Nos formateurs sont des praticiens : ils enseignent ce qu’ils font chaque jour.',
    },
  },
  'about.body': {
    type: 'richtext',
    data: {
      html: '<p>Horizon Formation est un centre de formation continue fondé à Lausanne en 2009. Chaque année, plus de 1 200 personnes suivent l’un de nos cours.</p><h2>Notre approche</h2><ul><li><strong>Petits groupes</strong> : douze participants au plus.</li><li><strong>Praticiens</strong> : nos formateurs exercent le métier qu’ils enseignent.</li><li><strong>Certifiés</strong> : label eduQua depuis 2012.</li></ul><h2>Pour les entreprises</h2><p>Tous nos cours existent en version intra-entreprise, adaptés à vos équipes et à vos locaux.</p>',
    },
  },
  'contact.intro': {
    type: 'text',
    data: {
      text: 'Une question sur un cours, une demande pour votre équipe ? Écrivez-nous, nous répondons sous un jour ouvrable.',
    },
  },
  'footer.text': {
    type: 'text',
    data: { text: 'Formation continue pour les professionnels de Suisse romande.' },
  },
  'legal.body': {
    type: 'richtext',
    data: {
      html: '<h2>Éditeur</h2><p>Horizon Formation Sàrl, Avenue de la Gare 12, 1003 Lausanne. Site de démonstration de SWIGS CMS : l’entreprise et ses cours sont fictifs.</p><h2>Responsabilité</h2><p>Les informations publiées sont vérifiées avec soin mais peuvent changer ; les conditions d’inscription font foi.</p>',
    },
  },
  'privacy.body': {
    type: 'richtext',
    data: {
      html: '<p>Les messages envoyés par le formulaire de contact sont conservés pour y répondre et ne sont jamais transmis à des tiers. Ce site n’utilise ni cookie de suivi ni outil publicitaire.</p><p>Pour consulter ou effacer vos données, écrivez-nous à l’adresse indiquée sur la page Contact.</p>',
    },
  },
};

/** SEO of the default pages (created with the site) by page name, and of the privacy page by its path. */
export const demoSeo: Record<string, UpdateSeoBody> = {
  home: {
    metaTitle: 'Horizon Formation – Formation continue à Lausanne',
    metaDescription:
      'Cours courts pour professionnels à Lausanne : premiers secours, gestion de projet, Excel, communication. Petits groupes, formateurs praticiens.',
    keywords: ['formation continue', 'Lausanne', 'cours professionnels', 'Suisse romande'],
  },
  about: {
    metaTitle: 'À propos – Horizon Formation',
    metaDescription:
      'Centre de formation continue fondé en 2009 à Lausanne, certifié eduQua, formateurs praticiens.',
  },
  courses: {
    metaTitle: 'Nos formations – Horizon Formation',
    metaDescription:
      'Le programme complet : dates, prix et places disponibles de toutes nos formations à Lausanne et en ligne.',
    keywords: ['formations', 'programme', 'Lausanne'],
  },
  contact: {
    metaTitle: 'Contact – Horizon Formation',
    metaDescription: 'Écrivez-nous pour une question sur un cours ou une formation pour votre équipe.',
  },
  legal: {
    metaTitle: 'Mentions légales – Horizon Formation',
    metaDescription: 'Éditeur et responsabilité du site Horizon Formation.',
    noindex: true,
  },
  '/protection-des-donnees': {
    metaTitle: 'Protection des données – Horizon Formation',
    metaDescription: 'Comment Horizon Formation traite les messages reçus par son formulaire de contact.',
  },
};
