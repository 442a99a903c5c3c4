/**
 * Where the admin finds the API. Empty (the default) means the same origin: the API serves the
 * admin at /admin. A static build for a CDN sets VITE_API_BASE_URL=https://cms.example.ch at build
 * time (the API then lists the admin's origin in CORS_ORIGINS).
 */
export const apiBaseUrl = (import.meta.env.VITE_API_BASE_URL ?? '').replace(/\/+$/, '');

/** The path the admin is served under, without a trailing slash (`/admin`). */
export const basePath = import.meta.env.BASE_URL.replace(/\/+$/, '');

/** Absolute URL of something the API serves (an upload, a preview path). */
export function apiUrl(path: string): string {
  if (/^https?:\/\//.test(path)) return path;
  return `${apiBaseUrl}${path}`;
}

/**
 * A page of a public site under the server's preview path (no DNS needed): `/preview/<slug>` for
 * the home page (the renderer redirects a trailing slash away), `/preview/<slug>/a-propos`.
 */
export function previewUrl(siteSlug: string, path = '/'): string {
  return apiUrl(`/preview/${siteSlug}${path === '/' ? '' : path}`);
}
