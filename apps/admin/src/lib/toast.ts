import { useSyncExternalStore } from 'react';

/**
 * Toasts: short confirmations and errors in a corner, announced to screen readers. A few lines
 * of our own instead of a library: they are in the first load, where every kilobyte counts.
 */
export type ToastTone = 'success' | 'error' | 'warning' | 'info';
export interface Toast {
  id: number;
  tone: ToastTone;
  message: string;
}

let toasts: Toast[] = [];
let nextId = 1;
const listeners = new Set<() => void>();
const timers = new Map<number, ReturnType<typeof setTimeout>>();

function emit() {
  for (const listener of listeners) listener();
}

export function dismissToast(id: number) {
  clearTimeout(timers.get(id));
  timers.delete(id);
  toasts = toasts.filter((t) => t.id !== id);
  emit();
}

function show(tone: ToastTone, message: string) {
  const id = nextId++;
  // The same message twice in a row replaces the first instead of stacking.
  toasts = [...toasts.filter((t) => t.message !== message), { id, tone, message }].slice(-4);
  // Errors stay longer: they are the ones people need to read.
  timers.set(
    id,
    setTimeout(() => dismissToast(id), tone === 'error' ? 10_000 : 5_000),
  );
  emit();
  return id;
}

export const toast = {
  success: (message: string) => show('success', message),
  error: (message: string) => show('error', message),
  warning: (message: string) => show('warning', message),
  info: (message: string) => show('info', message),
};

export function useToasts(): Toast[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => toasts,
  );
}
