import type { Random } from './random.js';
import { femaleGivenChars, maleGivenChars, surnames, surnameWeights } from './people.vocabulary.js';
import { digits } from './format.js';

export interface PersonName {
  readonly name: string;
  readonly pinyin: string;
  readonly gender: 'male' | 'female';
}

export function personName(random: Random, maleShare: number): PersonName {
  const gender = random.chance(maleShare) ? 'male' : 'female';
  const [surname, surnamePinyin] = random.weighted(surnames, surnameWeights);
  const chars = gender === 'male' ? maleGivenChars : femaleGivenChars;
  const given = random.sample(chars, random.chance(0.6) ? 2 : 1);
  return {
    name: surname + given.map(([char]) => char).join(''),
    pinyin: surnamePinyin + given.map(([, pinyin]) => pinyin).join(''),
    gender,
  };
}

const mobilePrefixes = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '158',
  '159',
  '177',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '199',
];

export function mobilePhone(random: Random): string {
  return random.pick(mobilePrefixes) + digits(() => random.next(), 8);
}

export function landline(random: Random, areaCode: string): string {
  return `${areaCode}-${random.int(2, 8)}${digits(() => random.next(), 7)}`;
}
