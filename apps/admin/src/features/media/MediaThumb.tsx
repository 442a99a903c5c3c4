import type { MediaRef } from '@swigs/schema';
import { FileText } from 'lucide-react';
import { cn } from '../../lib/cn';
import { imageUrl } from './media.queries';

/** A square preview: the image's smallest fitting variant, or a document icon. */
export function MediaThumb({
  item,
  alt,
  className,
  width = 320,
}: {
  item: Pick<MediaRef, 'url' | 'variants' | 'mimeType'>;
  alt: string;
  className?: string;
  width?: number;
}) {
  if (!item.mimeType.startsWith('image/')) {
    return (
      <div
        className={cn(
          'flex items-center justify-center bg-zinc-100 text-zinc-500 dark:bg-zinc-800 dark:text-zinc-400',
          className,
        )}
      >
        <FileText className="h-8 w-8" aria-hidden="true" />
      </div>
    );
  }
  return (
    <img
      src={imageUrl(item, width)}
      alt={alt}
      loading="lazy"
      className={cn('bg-zinc-100 object-cover dark:bg-zinc-800', className)}
    />
  );
}
