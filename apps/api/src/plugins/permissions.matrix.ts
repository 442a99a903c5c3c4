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
  /** Records of site A, created on demand. */
  course(): Promise<{ id: string; slug: string }>;
  content(): Promise<string>;
  customSeo(): Promise<string>;
  token(): Promise<string>;
}

export type Request = Omit<InjectOptions, 'method' | 'headers'> & { url: string };

export interface Row {
  method: InjectOptions['method'];
  path: string;
  label?: string;
  request(cell: Cell): Request | Promise<Request>;
  expected: Record<Who, number>;
}

/**
 * Token columns may be left out only where they follow from the rules without a doubt: on public
 * routes a token is anonymous, and routes outside `/sites/:siteId` refuse tokens (403).
 */
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
