import { z } from 'zod';
import { ROLES } from '../auth/roles.ts';

/** An account as the API returns it (server responses and web types share this one definition). */
export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  roleName: z.string(),
  regionCode: z.string(),
  regionName: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  /** The entity a bound role acts for (an agency administrator's agency, a social worker's record). */
  boundEntityId: z.string().nullable(),
  /** That entity's name, for lists and forms. */
  boundEntityName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof userSchema>;
