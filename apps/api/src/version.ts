import { readFileSync } from 'node:fs';
import path from 'node:path';
import { apiRoot } from './lib/paths';

/** The released version, from apps/api/package.json. */
export const version: string = JSON.parse(readFileSync(path.join(apiRoot, 'package.json'), 'utf8')).version;
