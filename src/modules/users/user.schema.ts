import { z } from '@hono/zod-openapi';
import { ErrorResponse, optionalText, text } from '../../server/schema-common.js';

export const roles = ['admin', 'manager', 'rep'] as const;
export const levels = ['senior', 'middle', 'junior'] as const;

const userFields = {
  login: z
    .string()
    .trim()
    .min(1)
    .max(50)
    .regex(/^[A-Za-z0-9_.@-]+$/),
  name: text(50),
  password: z.string().min(8).max(200),
  role: z.enum(roles),
  teamId: z.number().int().positive().nullable().optional(),
  level: z.enum(levels).optional(),
  capacity: z.number().int().min(0).max(100_000).optional(),
  email: z.string().trim().max(200).email().nullable().optional(),
  phone: optionalText(50),
};

export const UserCreate = z.object(userFields).strict().openapi('UserCreate');
export const UserUpdate = z
  .object({
    login: userFields.login.optional(),
    name: userFields.name.optional(),
    password: userFields.password.optional(),
    role: userFields.role.optional(),
    teamId: userFields.teamId,
    level: userFields.level,
    capacity: userFields.capacity,
    email: userFields.email,
    phone: userFields.phone,
    active: z.boolean().optional(),
  })
  .strict()
  .openapi('UserUpdate');
export type UserCreateInput = z.output<typeof UserCreate>;
export type UserUpdateInput = z.output<typeof UserUpdate>;

export const UserResponse = z
  .object({
    id: z.number().int(),
    login: z.string(),
    name: z.string(),
    role: z.enum(roles),
    teamId: z.number().int().nullable(),
    level: z.enum(levels),
    capacity: z.number().int(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    active: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('User');
export type UserView = z.infer<typeof UserResponse>;
export const UserList = z.object({ items: z.array(UserResponse) }).openapi('UserList');

const teamFields = {
  name: text(100),
  region: optionalText(100),
  managerId: z.number().int().positive().nullable().optional(),
};
export const TeamCreate = z.object(teamFields).strict().openapi('TeamCreate');
export const TeamUpdate = z
  .object({ ...teamFields, name: teamFields.name.optional() })
  .strict()
  .openapi('TeamUpdate');
export type TeamCreateInput = z.output<typeof TeamCreate>;
export type TeamUpdateInput = z.output<typeof TeamUpdate>;

export const TeamResponse = z
  .object({
    id: z.number().int(),
    name: z.string(),
    region: z.string().nullable(),
    managerId: z.number().int().nullable(),
    managerName: z.string().nullable(),
    memberCount: z.number().int(),
  })
  .openapi('Team');
export type TeamView = z.infer<typeof TeamResponse>;
export const TeamList = z.object({ items: z.array(TeamResponse) }).openapi('TeamList');

/** The extra response of the admin-only mutations. */
export const forbidden = {
  403: { description: 'Admins only', content: { 'application/json': { schema: ErrorResponse } } },
} as const;
