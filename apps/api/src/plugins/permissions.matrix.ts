import type { Site } from '@swigs/schema';
import type { InjectOptions } from 'fastify';

/** Types and helpers of the permission matrix (`permissions.routes.test.ts`). */

export type Who = 'anonymous' | 'editorA' | 'editorB' | 'admin' | 'tokenRead' | 'tokenWrite';
export const everyone: Who[] = ['anonymous', 'editorA', 'editorB', 'admin', 'tokenRead', 'tokenWrite'];

export interface Cell {
  /** Site A: editorA is assigned to it, editorB is not; the tokens are site A's. */
  siteA: Site;
  /** The acting user's own id (anonymous: a random user's). */
  selfId: string;
  /** Another editor than the caller. */
  otherUserId: string;
  /** A media file and a contact message of site A. */
  mediaId: string;
  contactId: string;
  /** Records of site A, created on demand. */
  course(): Promise<{ id: string; slug: string }>;
  content(): Promise<string>;
  customSeo(): Promise<string>;
  token(): Promise<string>;
}

/** Headers given here are added to the caller's (multipart uploads need their content type). */
export type Request = Omit<InjectOptions, 'method'> & { url: string };

export interface Row {
  method: InjectOptions['method'];
  path: string;
  label?: string;
  request(cell: Cell): Request | Promise<Request>;
  expected: Record<Who, number>;
}

/** Token columns left out follow the rules in `expectedStatus` (permissions.routes.test.ts). */
export const statuses = (
  anonymous: number,
  editorA: number,
  editorB: number,
  admin: number,
  tokens?: { read: number; write: number },
) => ({
  anonymous,
  editorA,
  editorB,
  admin,
  tokenRead: tokens?.read ?? Number.NaN,
  tokenWrite: tokens?.write ?? Number.NaN,
});
export const tokens = (read: number, write: number) => ({ read, write });
