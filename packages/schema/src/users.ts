import { z } from 'zod';
import { id, paginationQuery, timestamp, version } from './common';

export const roles = ['admin', 'editor'] as const;
export const role = z.enum(roles);
export type Role = z.infer<typeof role>;

export const email = z
  .email({ message: 'Enter a valid email address.' })
  .max(254)
  .transform((value) => value.trim().toLowerCase());

/** bcrypt only reads the first 72 bytes of a password, so longer ones are refused rather than cut. */
const maxPasswordBytes = 72;

export const password = z
  .string()
  .min(10, { message: 'The password must have at least 10 characters.' })
  .refine((value) => new TextEncoder().encode(value).length <= maxPasswordBytes, {
    message: `The password must not exceed ${maxPasswordBytes} bytes.`,
  });

export const personName = z.string().trim().min(1).max(120);

/** A user as the API shows it. There is deliberately no field for the password hash. */
export const user = z.object({
  id,
  email: z.string(),
  name: z.string(),
  role,
  siteIds: z.array(id),
  active: z.boolean(),
  lastLoginAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  version,
});
export type User = z.infer<typeof user>;

function passwordDiffersFromEmail(value: { email?: string; password?: string }, ctx: z.RefinementCtx) {
  if (value.email && value.password && value.password.trim().toLowerCase() === value.email) {
    ctx.addIssue({
      code: 'custom',
      path: ['password'],
      message: 'The password must not be the email address.',
    });
  }
}

export const createUserBody = z
  .object({
    email,
    password,
    name: personName,
    role: role.default('editor'),
    siteIds: z.array(id).max(1000).default([]),
    active: z.boolean().default(true),
  })
  .superRefine(passwordDiffersFromEmail);
export type CreateUserBody = z.input<typeof createUserBody>;

/**
 * One body for every edit of a user. Which fields a caller may touch is the service's rule
 * (`canModifyUser`): editors change their own name, email and password only.
 */
export const updateUserBody = z
  .object({
    email: email.optional(),
    name: personName.optional(),
    password: password.optional(),
    /** Required when a user changes their own password. */
    currentPassword: z.string().max(200).optional(),
    role: role.optional(),
    siteIds: z.array(id).max(1000).optional(),
    active: z.boolean().optional(),
    version: version.optional(),
  })
  .superRefine(passwordDiffersFromEmail);
export type UpdateUserBody = z.input<typeof updateUserBody>;

export const userListQuery = paginationQuery.extend({
  q: z.string().trim().max(200).optional(),
  role: role.optional(),
  siteId: id.optional(),
  active: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional(),
});
export type UserListQuery = z.input<typeof userListQuery>;
