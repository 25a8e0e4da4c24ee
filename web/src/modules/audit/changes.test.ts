import { describe, expect, it } from 'vitest';
import { changedFields } from './changes';

describe('changedFields', () => {
  it('lists only fields whose values differ', () => {
    expect(changedFields({ name: 'A', city: '苏州市' }, { name: 'B', city: '苏州市' })).toEqual(['name']);
  });
  it('counts a field added or removed as changed', () => {
    expect(changedFields({ a: 1 }, { b: 2 })).toEqual(['a', 'b']);
  });
  it('compares nested values by content', () => {
    expect(changedFields({ tags: ['x'] }, { tags: ['x'] })).toEqual([]);
  });
  it('treats a missing image (create, delete) as empty', () => {
    expect(changedFields(null, { name: 'A' })).toEqual(['name']);
  });
});
