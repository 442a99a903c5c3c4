/**
 * @swigs/site: the public-site renderer. The API process mounts it (embedded mode); it reads
 * content only through the SDK's public client, whose `fetch` the host process provides.
 */
export {
  AssetsNotBuiltError,
  assetsPrefix,
  defaultAssetsDir,
  loadAssets,
  type SiteAssets,
} from './renderer/assets';
export type { ContactApi } from './renderer/contact';
export { PageCache } from './renderer/html-cache';
export type { LandingSite } from './renderer/landing';
export {
  createSiteRenderer,
  type SiteApi,
  type SiteRenderer,
  type SiteRendererOptions,
  type SiteRequest,
  type SiteResponse,
  type Visitor,
} from './renderer/renderer';
export { pathOf, type Route, routeSlugs } from './renderer/routes';
