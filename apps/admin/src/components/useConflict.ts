import { ApiError } from '@swigs/sdk';
import { useState } from 'react';

/**
 * Tracks a 409 VERSION_CONFLICT: someone saved the record since this form loaded it. The screen
 * then offers to reload (losing these edits) or to save these edits over the newer version.
 */
export function useConflict() {
  const [currentVersion, setCurrentVersion] = useState<number | null>(null);
  return {
    currentVersion,
    /** True when the error was a version conflict (and is now shown). */
    capture(error: unknown): boolean {
      if (error instanceof ApiError && error.code === 'VERSION_CONFLICT') {
        setCurrentVersion(error.problem.currentVersion ?? null);
        return true;
      }
      return false;
    },
    clear() {
      setCurrentVersion(null);
    },
    active: currentVersion !== null,
  };
}
