import { describe, expect, it } from 'vitest';
import { formatShare, pickLocalised } from './localised';

describe('pickLocalised', () => {
  const name = { 'zh-CN': '关键客户', 'en-US': 'Key' };
  it('gives the English name to an English interface', () =>
    expect(pickLocalised(name, 'en-US')).toBe('Key'));
  it('gives the Chinese name otherwise', () => expect(pickLocalised(name, 'fr')).toBe('关键客户'));
  it('renders nothing for a missing name', () => expect(pickLocalised(null, 'zh-CN')).toBe(''));
});

describe('formatShare', () => {
  it('shows one decimal of a percentage', () => expect(formatShare(0.1234)).toBe('12.3%'));
  it('shows a dash for an undefined share', () => {
    expect(formatShare(null)).toBe('—');
    expect(formatShare(Number.NaN)).toBe('—');
  });
});
