import { z } from '@hono/zod-openapi';

export const LoginBody = z
  .object({
    login: z.string().trim().min(1).max(100),
    password: z.string().min(1).max(200),
  })
  .openapi('LoginRequest');

export const ActorResponse = z
  .object({
    id: z.number().int(),
    login: z.string(),
    name: z.string(),
    role: z.enum(['admin', 'manager', 'rep']),
    teamId: z.number().int().nullable(),
  })
  .openapi('Me');

export const PasswordBody = z
  .object({
    currentPassword: z.string().min(1).max(200),
    newPassword: z.string().min(8).max(200),
  })
  .openapi('PasswordChange');
