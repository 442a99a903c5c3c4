import type { Principal } from '../../plugins/auth';

/** Who made a change, as the audit trail records it. */
export interface AuditActor {
  type: 'user' | 'token' | 'system';
  id: string | null;
  name: string;
}

export const systemActor: AuditActor = { type: 'system', id: null, name: 'Système' };

export function actorOf(principal: Principal): AuditActor {
  return principal.kind === 'user'
    ? { type: 'user', id: principal.userId, name: principal.name }
    : { type: 'token', id: principal.tokenId, name: principal.name };
}

/** `Updated course "Voile": price, places` — the changed field names, as one summary line. */
export function describeUpdate(what: string, label: string, fields: string[]): string {
  const changed = fields.filter((field) => field !== 'version');
  return `Updated ${what} "${label}"${changed.length > 0 ? `: ${changed.join(', ')}` : ''}`;
}
