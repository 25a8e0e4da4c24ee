import type { Role } from '../../db/database.js';

/** The signed-in user as every service sees it: who acts, and so which customers they may see. */
export interface Actor {
  readonly id: number;
  readonly login: string;
  readonly name: string;
  readonly role: Role;
  readonly teamId: number | null;
}

export const isAdmin = (actor: Actor) => actor.role === 'admin';
export const isManagerOrAdmin = (actor: Actor) => actor.role === 'admin' || actor.role === 'manager';
