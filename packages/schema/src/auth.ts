import { z } from 'zod';
import { email, user } from './users';

export const loginBody = z.object({
  email,
  password: z.string().min(1).max(200),
});
export type LoginBody = z.input<typeof loginBody>;

export const session = z.object({
  /** Short-lived JWT to send as `Authorization: Bearer …`. */
  accessToken: z.string(),
  /** Seconds until the access token expires; refresh before then. */
  expiresIn: z.number().int(),
  user,
});
export type Session = z.infer<typeof session>;
