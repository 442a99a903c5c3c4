import type { MediaRef, MediaVariant } from '@swigs/schema';
import type { StoredVariant } from '../../db/schema';

/** Uploaded files are served under this path: `/uploads/<siteId>/<storedName>`. */
export const uploadsPath = '/uploads';

export function mediaUrl(siteId: string, storedName: string): string {
  return `${uploadsPath}/${siteId}/${storedName}`;
}

export interface MediaRefRow {
  id: string;
  siteId: string;
  storedName: string;
  mimeType: string;
  width: number | null;
  height: number | null;
  alt: string;
  variants: StoredVariant[];
}

export function toMediaVariants(siteId: string, variants: StoredVariant[]): MediaVariant[] {
  return variants.map((variant) => ({
    width: variant.width,
    height: variant.height,
    url: mediaUrl(siteId, variant.storedName),
    mimeType: variant.mimeType,
    size: variant.size,
  }));
}

/** The resolved form of a media reference, as courses, sites, SEO records and contents show it. */
export function toMediaRef(row: MediaRefRow): MediaRef {
  return {
    id: row.id,
    url: mediaUrl(row.siteId, row.storedName),
    mimeType: row.mimeType,
    width: row.width,
    height: row.height,
    alt: row.alt,
    variants: toMediaVariants(row.siteId, row.variants),
  };
}
