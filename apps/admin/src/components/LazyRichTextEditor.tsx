import { lazy, Suspense } from 'react';
import type { RichTextEditorProps } from './RichTextEditor';
import { Skeleton } from './ui/feedback';

const Editor = lazy(() => import('./RichTextEditor').then((m) => ({ default: m.RichTextEditor })));

/** The rich-text editor, fetched only when a form needs it. */
export function LazyRichTextEditor(props: RichTextEditorProps) {
  return (
    <Suspense fallback={<Skeleton className="h-48 w-full" />}>
      <Editor {...props} />
    </Suspense>
  );
}
