/**
 * The shared schemas (@swigs/schema) word some validation messages in English, and the API
 * answers with them too. This table gives their French wording; a message missing here is
 * shown as the API wrote it rather than not at all.
 */
const french: Record<string, string> = {
  'Enter a valid email address.': 'Saisissez une adresse e-mail valide.',
  'The password must have at least 10 characters.': 'Le mot de passe doit compter au moins 10 caractères.',
  'The password must not exceed 72 bytes.': 'Le mot de passe ne doit pas dépasser 72 octets.',
  'The password must not be the email address.': "Le mot de passe ne doit pas être l'adresse e-mail.",
  'Use lowercase letters, digits and single hyphens (e.g. "ecole-du-lac").':
    'Utilisez des minuscules, des chiffres et des traits d’union simples (p. ex. « ecole-du-lac »).',
  'Enter a host name such as "example.ch", without http:// or a path.':
    'Saisissez un nom d’hôte comme « example.ch », sans http:// ni chemin.',
  'Use a locale such as fr-CH.': 'Utilisez une langue régionale comme fr-CH.',
  'Unknown time zone.': 'Fuseau horaire inconnu.',
  'Enter a full http(s) address.': 'Saisissez une adresse complète en http(s).',
  'Use a colour such as #1d4ed8.': 'Utilisez une couleur comme #1d4ed8.',
  'This host name is listed twice.': 'Ce nom d’hôte figure deux fois.',
  'The current password is not correct.': 'Le mot de passe actuel est incorrect.',
  'Use a date such as 2025-09-01.': 'Saisissez une date comme 2025-09-01.',
  'Use a three-letter currency code such as CHF.': 'Utilisez un code de monnaie à trois lettres comme CHF.',
  'A price cannot be negative.': 'Un prix ne peut pas être négatif.',
  'Use at most two decimals.': 'Deux décimales au plus.',
  'Places cannot be negative.': 'Le nombre de places ne peut pas être négatif.',
  'The end date cannot be before the start date.': 'La fin ne peut pas précéder le début.',
  'The registration deadline cannot be after the start date.':
    'Le délai d’inscription ne peut pas être après le début.',
  'A course is listed twice.': 'Un contenu figure deux fois.',
  'Use home, about, courses, contact, legal, a path such as /tarifs (lower-case), or course:<course id>.':
    'Saisissez un chemin comme /tarifs (en minuscules).',
  'Use lower-case words joined by dots, e.g. "home.hero".':
    'Utilisez des mots en minuscules séparés par des points, p. ex. « home.hero ».',
  'Use an http(s) address, a path such as /contact, mailto: or tel:.':
    'Indiquez une adresse http(s), un chemin comme /contact, mailto: ou tel:.',
  'A JSON block is limited to 64 KB.': 'Un bloc JSON est limité à 64 Ko.',
  // Field errors the API adds after its own checks.
  'Another site already uses this slug.': 'Un autre site utilise déjà cet identifiant.',
  'This host name already belongs to another site.': 'Ce nom d’hôte appartient déjà à un autre site.',
  'This host name already belongs to a site.': 'Ce nom d’hôte appartient déjà à un site.',
  'The logo must be an image of this site’s media library.':
    'Le logo doit être une image de la médiathèque de ce site.',
  'The domain cannot also be an alias.': 'Le domaine ne peut pas être aussi un alias.',
  'Another user already has this email.': 'Un autre utilisateur a déjà cette adresse e-mail.',
  'Another course of this site already uses this slug.':
    'Un autre contenu de ce site utilise déjà cette adresse.',
  'A custom path must stay a path, e.g. /tarifs.':
    'Un chemin personnalisé doit rester un chemin, p. ex. /tarifs.',
  'This page already has an SEO record.': 'Cette page a déjà une fiche SEO.',
  'The end of validity must be in the future.': 'La fin de validité doit être dans le futur.',
  'The image must be a file of this site’s media library.':
    'L’image doit être un fichier de la médiathèque de ce site.',
  'No course of this site has this id.': 'Aucun contenu de ce site n’a cet identifiant.',
  'A file is required.': 'Un fichier est requis.',
};

export function translateSchemaMessage(language: string, message: string): string | undefined {
  if (language === 'en') return undefined;
  return french[message];
}
