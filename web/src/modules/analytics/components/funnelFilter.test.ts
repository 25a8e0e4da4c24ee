import { describe, expect, it } from 'vitest';
import { funnelFilterOf } from './funnelFilter';

describe('funnelFilterOf', () => {
  it('without filters the funnel covers the same scope as the other charts', () => {
    expect(funnelFilterOf({})).toEqual({ funnel: {}, wider: false });
    expect(funnelFilterOf({ ownerId: [], teamId: [], province: [], industry: [] })).toEqual({
      funnel: {},
      wider: false,
    });
  });

  it('one chosen owner and one chosen team pass through to the funnel', () => {
    expect(funnelFilterOf({ ownerId: [7], teamId: [2] })).toEqual({
      funnel: { ownerId: 7, teamId: 2 },
      wider: false,
    });
  });

  it('several owners or teams cannot narrow the funnel, which then says it is wider', () => {
    expect(funnelFilterOf({ ownerId: [7, 8] })).toEqual({ funnel: {}, wider: true });
    expect(funnelFilterOf({ teamId: [1, 2], ownerId: [3] })).toEqual({ funnel: { ownerId: 3 }, wider: true });
  });

  it('province and industry filters leave the funnel wider (opportunities are not filtered by them)', () => {
    expect(funnelFilterOf({ province: ['江苏省'] }).wider).toBe(true);
    expect(funnelFilterOf({ industry: ['manufacturing'] }).wider).toBe(true);
  });
});
