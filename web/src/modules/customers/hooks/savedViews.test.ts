import { describe, expect, it } from 'vitest';
import { parseViews, upsertView } from './savedViews';

describe('saved views', () => {
  it('nothing stored yet is no views', () => {
    expect(parseViews(null)).toEqual([]);
  });

  it('a damaged store is no views rather than an error', () => {
    expect(parseViews('{not json')).toEqual([]);
    expect(parseViews('{"name":"x"}')).toEqual([]);
  });

  it('malformed entries are dropped and well-formed ones kept', () => {
    const stored = JSON.stringify([{ name: 'A 类', query: 'grade=A' }, { name: 3 }, null, { query: 'q=x' }]);
    expect(parseViews(stored)).toEqual([{ name: 'A 类', query: 'grade=A' }]);
  });

  it('saving under a taken name replaces that view and moves it last', () => {
    const views = [
      { name: 'mine', query: 'ownerId=1' },
      { name: 'key', query: 'grade=A' },
    ];
    expect(upsertView(views, { name: 'mine', query: 'ownerId=2' })).toEqual([
      { name: 'key', query: 'grade=A' },
      { name: 'mine', query: 'ownerId=2' },
    ]);
  });

  it('saving a new name appends it', () => {
    expect(upsertView([], { name: 'v', query: '' })).toEqual([{ name: 'v', query: '' }]);
  });
});
