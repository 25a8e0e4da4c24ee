import type { RegionKey } from './geography.js';
import type { Role, UserLevel } from '../../db/database.js';

/** The demo sales organisation: three regional teams, a manager each, ten account managers and an admin. */
export interface DemoTeam {
  readonly key: RegionKey;
  readonly name: string;
  readonly region: string;
}

export interface DemoUser {
  readonly login: string;
  readonly name: string;
  readonly role: Role;
  readonly team: RegionKey | null;
  readonly level: UserLevel;
  readonly capacity: number;
  readonly phone: string;
}

export const demoTeams: readonly DemoTeam[] = [
  { key: 'east', name: '华东大区', region: '华东' },
  { key: 'south', name: '华南大区', region: '华南' },
  { key: 'north', name: '华北大区', region: '华北' },
];

/** Capacities are in accounts; senior account managers carry the most and the largest. */
const rep = (n: number, name: string, team: RegionKey, level: UserLevel, capacity: number): DemoUser => ({
  login: `rep${n}`,
  name,
  role: 'rep',
  team,
  level,
  capacity,
  phone: `1390000${String(1000 + n)}`,
});

export const demoUsers: readonly DemoUser[] = [
  {
    login: 'admin',
    name: '系统管理员',
    role: 'admin',
    team: null,
    level: 'senior',
    capacity: 0,
    phone: '13900000001',
  },
  {
    login: 'manager1',
    name: '周建国',
    role: 'manager',
    team: 'east',
    level: 'senior',
    capacity: 40,
    phone: '13900000101',
  },
  {
    login: 'manager2',
    name: '黄志强',
    role: 'manager',
    team: 'south',
    level: 'senior',
    capacity: 40,
    phone: '13900000102',
  },
  {
    login: 'manager3',
    name: '赵立军',
    role: 'manager',
    team: 'north',
    level: 'senior',
    capacity: 40,
    phone: '13900000103',
  },
  rep(1, '陈晓峰', 'east', 'senior', 260),
  rep(2, '李婷', 'east', 'middle', 220),
  rep(3, '王磊', 'east', 'middle', 200),
  rep(4, '孙佳', 'east', 'junior', 150),
  rep(5, '刘洋', 'south', 'senior', 250),
  rep(6, '林静', 'south', 'middle', 200),
  rep(7, '郑浩', 'south', 'junior', 140),
  rep(8, '张伟', 'north', 'senior', 240),
  rep(9, '马丽', 'north', 'middle', 190),
  rep(10, '吴鹏', 'north', 'junior', 140),
];

/** One documented password for every demo account, so the README can print it. */
export const DEMO_PASSWORD = 'stratum-demo';

/** An account manager as the generator needs it: the database ids the demo users received. */
export interface AccountManager {
  readonly userId: number;
  readonly teamId: number | null;
  readonly level: UserLevel;
  readonly capacity: number;
}

export type AccountManagers = Readonly<Record<RegionKey, readonly AccountManager[]>>;
