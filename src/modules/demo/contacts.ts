import type { SizeBand } from '../../db/database.js';
import type { Random } from './random.js';
import { dayOfYear, type DayFormatter } from './calendar.js';
import { cityStem, provinces, provinceWeights } from './geography.js';
import { decisionMaker, interests, otherRoles, schools, type RoleProfile } from './people.vocabulary.js';
import { mobilePhone, personName } from './names.js';
import { digits } from './format.js';
import type { Row } from './tables.js';

const contactRange: Readonly<Record<SizeBand, readonly [number, number]>> = {
  micro: [1, 2],
  small: [1, 3],
  medium: [2, 4],
  large: [3, 5],
  xlarge: [4, 5],
};

const roleProfiles = otherRoles.map(([profile]) => profile);
const roleWeights = otherRoles.map(([, weight]) => weight);

/** The people at a customer; the first is always the decision maker. Returns their ids. */
export function generateContacts(
  random: Random,
  size: SizeBand,
  customerId: string,
  emailDomain: string,
  createdAt: string,
  nextContactId: () => number,
  format: DayFormatter,
  sink: Row[],
): number[] {
  const [min, max] = contactRange[size];
  const count = random.int(min, max);
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const role: RoleProfile = i === 0 ? decisionMaker : random.weighted(roleProfiles, roleWeights);
    const person = personName(random, i === 0 ? 0.8 : 0.6);
    const phone = mobilePhone(random);
    const home = random.weighted(provinces, provinceWeights);
    const [homeCity] = random.pick(home.cities);
    const birthYear = random.int(1962, 1996);
    const id = nextContactId();
    ids.push(id);
    sink.push([
      String(id),
      customerId,
      person.name,
      random.pick(role.titles),
      random.pick(role.departments),
      role.role,
      phone,
      random.chance(0.7)
        ? `${person.pinyin}${random.chance(0.3) ? random.int(1, 99) : ''}@${emailDomain}`
        : null,
      random.chance(0.5) ? phone : random.chance(0.6) ? `wxid_${digits(() => random.next(), 10)}` : null,
      random.chance(0.85) ? format.date(dayOfYear(birthYear, 1, 1) + random.int(0, 364)) : null,
      person.gender,
      `${home.name.slice(0, 2)}${cityStem(homeCity)}`,
      random.chance(0.75) ? random.pick(schools) : null,
      random.chance(0.8) ? random.sample(interests, random.int(1, 3)).join('、') : null,
      random.chance(role.keyChance) ? 't' : 'f',
      createdAt,
      createdAt,
    ]);
  }
  return ids;
}
