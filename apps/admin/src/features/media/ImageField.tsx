import type { MediaRef } from '@swigs/schema';
import { ImagePlus, X } from 'lucide-react';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/Button';
import { MediaPicker } from './MediaPicker';
import { MediaThumb } from './MediaThumb';

/**
 * An image of the media library attached to a record (course image, logo, sharing image). The
 * value is the media id; `current` is what the record shows now, for the preview.
 */
export function ImageField({
  siteId,
  label,
  hint,
  value,
  current,
  onChange,
  error,
}: {
  siteId: string;
  label: string;
  hint?: string;
  value: string | null | undefined;
  current: MediaRef | null;
  onChange(id: string | null): void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const labelId = useId();
  const [picking, setPicking] = useState(false);
  // The picked image until the record is saved and comes back with it.
  const [picked, setPicked] = useState<MediaRef | null>(null);
  const shown = value ? (picked?.id === value ? picked : current?.id === value ? current : null) : null;

  return (
    <fieldset aria-describedby={hint ? `${labelId}-hint` : undefined} className="space-y-1.5">
      <legend id={labelId} className="text-sm font-medium">
        {label}
      </legend>
      {hint ? (
        <p id={`${labelId}-hint`} className="text-xs text-zinc-600 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-3">
        {shown ? (
          <MediaThumb
            item={shown}
            alt={shown.alt}
            className="h-24 w-24 rounded-md border border-zinc-200 dark:border-zinc-800"
          />
        ) : value ? (
          <div className="h-24 w-24 rounded-md bg-zinc-100 dark:bg-zinc-800" />
        ) : null}
        <Button onClick={() => setPicking(true)}>
          <ImagePlus className="h-4 w-4" aria-hidden="true" />
          {value ? t('media.changeImage') : t('media.chooseImage')}
        </Button>
        {value ? (
          <Button variant="ghost" onClick={() => onChange(null)}>
            <X className="h-4 w-4" aria-hidden="true" />
            {t('media.removeImage')}
          </Button>
        ) : null}
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
      <MediaPicker
        siteId={siteId}
        open={picking}
        onClose={() => setPicking(false)}
        onSelect={(media) => {
          setPicked({
            id: media.id,
            url: media.url,
            mimeType: media.mimeType,
            width: media.width,
            height: media.height,
            alt: media.alt,
            variants: media.variants,
          });
          onChange(media.id);
          setPicking(false);
        }}
      />
    </fieldset>
  );
}
