import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { apiRoot } from '../lib/paths';
import { openapiSnapshotOf } from './openapi';

/** API versions whose contract is frozen in a committed snapshot. */
export const snapshotVersions = ['v1'] as const;

/** `apps/api/openapi/v1.json`. */
export function snapshotFile(apiVersion: string): string {
  return path.join(apiRoot, 'openapi', `${apiVersion}.json`);
}

/** The snapshot's exact text: stable key order as generated, two-space indent, final newline. */
export function renderSnapshot(app: FastifyInstance, apiVersion: string): string {
  return `${JSON.stringify(openapiSnapshotOf(app, apiVersion), null, 2)}\n`;
}
