/** localStorage that never throws (private modes and strict settings block it). */
export const storage = {
  get(key: string): string | null {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  },
  set(key: string, value: string) {
    try {
      localStorage.setItem(key, value);
    } catch {
      // The preference lasts for this page only.
    }
  },
  remove(key: string) {
    try {
      localStorage.removeItem(key);
    } catch {
      // Nothing to remove.
    }
  },
};

/** The site a user worked on last, remembered per user in this browser. */
export function lastSiteKey(userId: string): string {
  return `swigs.lastSite.${userId}`;
}
