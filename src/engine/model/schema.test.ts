import { describe, expect, it } from 'vitest';
import type { ZodError } from 'zod';
import { PRESETS, PRESET_COMPOSITE_QUOTAS } from './presets.js';
import { modelSchema, parseModel } from './schema.js';

const pathsOf = (input: unknown) => {
  try {
    parseModel(input);
    return [];
  } catch (error) {
    return (error as ZodError).issues.map((i) => i.path.join('.'));
  }
};

describe('model validation', () => {
  it('every preset is a valid, JSON-serialisable model', () => {
    for (const preset of PRESETS)
      expect(modelSchema.parse(JSON.parse(JSON.stringify(preset)))).toEqual(preset);
  });
  it('errors name the field path', () => {
    const broken = structuredClone(PRESET_COMPOSITE_QUOTAS) as unknown as {
      factors: { weight: unknown }[];
      ladder: unknown[];
    };
    broken.factors[1]!.weight = 'thirty';
    broken.ladder = broken.ladder.slice(0, 3);
    expect(pathsOf(broken)).toEqual(expect.arrayContaining(['factors.1.weight']));
  });
  it('the ladder must match the method (quotas 20/30/30/20 need four grades)', () => {
    expect(
      pathsOf({ ...PRESET_COMPOSITE_QUOTAS, ladder: PRESET_COMPOSITE_QUOTAS.ladder.slice(0, 3) }),
    ).toEqual(['ladder']);
  });
  it('a factor needs a metric and normaliser, or sub-factors', () => {
    const factors = [{ id: 'x', weight: 1, metric: 'margin' }];
    expect(pathsOf({ ...PRESET_COMPOSITE_QUOTAS, factors })).toEqual(['factors.0.normaliser']);
  });
  it('bins need one more score than edges', () => {
    const factors = [
      { id: 'x', weight: 1, metric: 'margin', normaliser: { kind: 'bins', edges: [1, 2], scores: [1, 2] } },
    ];
    expect(pathsOf({ ...PRESET_COMPOSITE_QUOTAS, factors })).toEqual(['factors.0.normaliser.scores']);
  });
});
