import type { Role } from '../../db/database.js';

/** The signed-in user as every service sees it: who acts, and so which customers they may see. */
export interface Actor {
  readonly id: number;
  readonly login: string;
  readonly name: string;
  readonly role: Role;
  readonly teamId: number | null;
}

/** The CLI's actor when no admin exists yet: it may do what an admin may, and is no user. */
export const systemActor: Actor = Object.freeze({
  id: 0,
  login: 'system',
  name: 'system',
  role: 'admin',
  teamId: null,
});

/**
 * The user to name as a row's author: none for the CLI's system actor (id 0), which acts before any admin exists and
 * has no user row for a foreign key to point at.
 */
export const authorId = (actor: Actor): number | null => (actor.id > 0 ? actor.id : null);

export const isAdmin = (actor: Actor) => actor.role === 'admin';
export const isManagerOrAdmin = (actor: Actor) => actor.role === 'admin' || actor.role === 'manager';
