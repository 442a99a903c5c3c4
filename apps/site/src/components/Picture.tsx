import type { MediaRef } from '@swigs/schema';

export interface PictureProps {
  image: MediaRef;
  /** The `sizes` attribute: how wide the image is drawn, so the browser picks the right variant. */
  sizes: string;
  /** Above the fold: load at once and with high priority (the hero, a course's main image). */
  priority?: boolean;
  className?: string;
  alt?: string;
}

/**
 * A responsive image from a media reference: `srcset` from its WebP variants, the original as
 * `src` for browsers that ignore srcset, width and height set so the layout never jumps, and
 * lazy loading below the fold.
 */
export function Picture({ image, sizes, priority = false, className, alt }: PictureProps) {
  const variants = [...image.variants].sort((a, b) => a.width - b.width);
  const srcSet = variants.length > 0 ? variants.map((v) => `${v.url} ${v.width}w`).join(', ') : undefined;
  const largest = variants.at(-1);
  // The fallback `src` is a WebP variant too: an original upload may weigh megabytes.
  const fallback = [...variants].reverse().find((v) => v.width <= 1280) ?? largest;
  const width = image.width ?? largest?.width;
  const height = image.height ?? largest?.height;
  return (
    <img
      src={fallback?.url ?? image.url}
      srcSet={srcSet}
      sizes={srcSet ? sizes : undefined}
      width={width ?? undefined}
      height={height ?? undefined}
      alt={alt ?? image.alt}
      className={className}
      loading={priority ? 'eager' : 'lazy'}
      decoding={priority ? 'auto' : 'async'}
      fetchPriority={priority ? 'high' : undefined}
    />
  );
}
