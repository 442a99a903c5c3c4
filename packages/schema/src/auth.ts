import { z } from 'zod';
import { email, password, user } from './users';

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

export const forgotPasswordBody = z.object({ email });
export type ForgotPasswordBody = z.input<typeof forgotPasswordBody>;

export const resetPasswordBody = z.object({
  /** The token from the link in the email (`/admin/reset-password?token=…`). */
  token: z.string().trim().min(20).max(200),
  password,
});
export type ResetPasswordBody = z.input<typeof resetPasswordBody>;
