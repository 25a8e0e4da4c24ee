import type { BulkSession } from './bulk-writer.js';
import type { RegionKey } from './geography.js';
import {
  DEMO_PASSWORD,
  demoTeams,
  demoUsers,
  type AccountManager,
  type AccountManagers,
} from './organisation.js';
import type { Role, UserLevel } from '../../db/database.js';

export interface DemoLogin {
  readonly login: string;
  readonly name: string;
  readonly role: Role;
  readonly team: string | null;
  /** The demo password, or null when the account already existed and kept its own password. */
  readonly password: string | null;
}

export interface DemoOrganisation {
  readonly logins: DemoLogin[];
  readonly accountManagers: AccountManagers;
  readonly teams: number;
  readonly users: number;
}

interface UserRow {
  id: number;
  login: string;
  name: string;
  role: Role;
  team_id: number | null;
  level: UserLevel;
  capacity: number;
  active: boolean;
}

/**
 * Creates the demo teams and users unless they exist (matched by team name and login), so an admin created at first
 * run keeps its password. Existing accounts are used as they are: customers follow their owner's actual team.
 */
export async function ensureOrganisation(
  session: BulkSession,
  passwordHash: string,
  createdAt: string,
): Promise<DemoOrganisation> {
  const teamIds = new Map<RegionKey, number>();
  let teamsCreated = 0;
  for (const team of demoTeams) {
    const inserted = await session.query<{ id: number }>(
      `INSERT INTO teams (name, region, created_at, updated_at) VALUES ($1, $2, $3, $3)
       ON CONFLICT (name) DO NOTHING RETURNING id`,
      [team.name, team.region, createdAt],
    );
    teamsCreated += inserted.length;
    const [row] = await session.query<{ id: number }>(`SELECT id FROM teams WHERE name = $1`, [team.name]);
    if (row) teamIds.set(team.key, row.id);
  }

  const created = new Set<string>();
  for (const user of demoUsers) {
    const inserted = await session.query<{ login: string }>(
      `INSERT INTO users (login, name, password_hash, role, team_id, level, capacity, phone, password_changed_at, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, $9)
       ON CONFLICT (login) DO NOTHING RETURNING login`,
      [
        user.login,
        user.name,
        passwordHash,
        user.role,
        user.team ? (teamIds.get(user.team) ?? null) : null,
        user.level,
        user.capacity,
        user.phone,
        createdAt,
      ],
    );
    for (const row of inserted) created.add(row.login);
  }

  const rows = await session.query<UserRow>(
    `SELECT id, login, name, role, team_id, level, capacity, active FROM users WHERE login = ANY($1) ORDER BY id`,
    [demoUsers.map((user) => user.login)],
  );
  const byLogin = new Map(rows.map((row) => [row.login, row]));

  for (const user of demoUsers) {
    const row = byLogin.get(user.login);
    const teamId = user.team ? teamIds.get(user.team) : undefined;
    if (user.role !== 'manager' || !row || teamId === undefined) continue;
    await session.query(`UPDATE teams SET manager_id = $1 WHERE id = $2 AND manager_id IS NULL`, [
      row.id,
      teamId,
    ]);
  }

  const accountManagers: Record<RegionKey, AccountManager[]> = { east: [], south: [], north: [] };
  for (const user of demoUsers) {
    const row = byLogin.get(user.login);
    if (!user.team || !row || row.role !== 'rep' || !row.active) continue;
    accountManagers[user.team].push({
      userId: row.id,
      teamId: row.team_id,
      level: row.level,
      capacity: row.capacity,
    });
  }

  const teamNames = new Map(demoTeams.map((team) => [teamIds.get(team.key), team.name]));
  const logins = demoUsers.flatMap((user): DemoLogin[] => {
    const row = byLogin.get(user.login);
    if (!row) return [];
    return [
      {
        login: row.login,
        name: row.name,
        role: row.role,
        team: row.team_id === null ? null : (teamNames.get(row.team_id) ?? null),
        password: created.has(row.login) ? DEMO_PASSWORD : null,
      },
    ];
  });
  return { logins, accountManagers, teams: teamsCreated, users: created.size };
}
