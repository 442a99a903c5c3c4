import type { Media } from '@swigs/schema';
import { useCallback, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../../lib/api-errors';
import { uploadMedia } from '../../lib/upload';
import { useInvalidateMedia } from './media.queries';

export interface UploadItem {
  key: number;
  name: string;
  size: number;
  progress: number;
  status: 'waiting' | 'uploading' | 'done' | 'error';
  error?: string;
  media?: Media;
}

/** Two files at a time: a phone on 4G stays responsive and the server is not flooded. */
const concurrency = 2;

/**
 * The upload queue of a screen: files dropped or chosen are sent two at a time, each with its
 * progress; a failed file shows why and does not stop the others.
 */
export function useUploadQueue(siteId: string, onUploaded?: (media: Media) => void) {
  const { t } = useTranslation();
  const [items, setItems] = useState<UploadItem[]>([]);
  const nextKey = useRef(1);
  const invalidate = useInvalidateMedia(siteId);

  const patch = useCallback((key: number, changes: Partial<UploadItem>) => {
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...changes } : item)));
  }, []);

  const add = useCallback(
    (files: FileList | File[]) => {
      const queued = [...files].map((file) => ({ key: nextKey.current++, file }));
      if (queued.length === 0) return;
      setItems((current) => [
        ...current.filter((item) => item.status !== 'done'),
        ...queued.map(({ key, file }) => ({
          key,
          name: file.name,
          size: file.size,
          progress: 0,
          status: 'waiting' as const,
        })),
      ]);
      let index = 0;
      const worker = async () => {
        while (index < queued.length) {
          const { key, file } = queued[index++]!;
          patch(key, { status: 'uploading' });
          try {
            const media = await uploadMedia(siteId, file, (progress) => patch(key, { progress }));
            patch(key, { status: 'done', progress: 1, media });
            onUploaded?.(media);
          } catch (error) {
            patch(key, { status: 'error', error: apiErrorMessage(t, error) });
          }
        }
      };
      void Promise.all(Array.from({ length: Math.min(concurrency, queued.length) }, worker)).then(invalidate);
    },
    [siteId, patch, invalidate, onUploaded, t],
  );

  const clearFinished = useCallback(
    () =>
      setItems((current) =>
        current.filter((item) => item.status === 'uploading' || item.status === 'waiting'),
      ),
    [],
  );
  return { items, add, clearFinished };
}
