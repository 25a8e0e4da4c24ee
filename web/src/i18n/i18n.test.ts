import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { enums, enumKey, type EnumList } from '../shared/enums';
import enUS from './en-US.json';
import zhCN from './zh-CN.json';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const keys = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const full = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') keys.set(full, value);
    else for (const [nested, text] of flatten(value, full)) keys.set(nested, text);
  }
  return keys;
}

const srcRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

const languages = { 'zh-CN': flatten(zhCN), 'en-US': flatten(enUS) };
const namespaces = Object.keys(zhCN);
const sources = sourceFiles(srcRoot).map((file) => ({
  file: path.relative(srcRoot, file),
  text: readFileSync(file, 'utf8'),
}));

/** t('a.b') calls, and 'a.b' literals of a known namespace (keys kept in arrays and passed to t later). */
function usedKeys(): { file: string; key: string }[] {
  const call = /\bt\(\s*['"]([^'"]+)['"]/g;
  const literal = new RegExp(`['"]((?:${namespaces.join('|')})\\.[A-Za-z0-9_.-]+)['"]`, 'g');
  return sources.flatMap(({ file, text }) =>
    [...text.matchAll(call), ...text.matchAll(literal)].map((match) => ({ file, key: match[1] ?? '' })),
  );
}

describe('translations', () => {
  it('every key exists in both languages', () => {
    const zh = [...languages['zh-CN'].keys()];
    const en = [...languages['en-US'].keys()];
    expect(zh.filter((key) => !languages['en-US'].has(key))).toEqual([]);
    expect(en.filter((key) => !languages['zh-CN'].has(key))).toEqual([]);
  });

  it('no translation is blank', () => {
    for (const [language, keys] of Object.entries(languages))
      expect([...keys].filter(([, text]) => !text.trim()).map(([key]) => `${language} ${key}`)).toEqual([]);
  });

  it('every key the components use is translated', () => {
    const used = usedKeys();
    expect(used.length).toBeGreaterThan(50);
    const missing = used.filter(({ key }) => !languages['zh-CN'].has(key) || !languages['en-US'].has(key));
    expect(missing).toEqual([]);
  });

  it('every value of every closed list has a label', () => {
    const missing = (Object.keys(enums) as EnumList[]).flatMap((list) =>
      enums[list].map((value) => enumKey(list, value)).filter((key) => !languages['zh-CN'].has(key)),
    );
    expect(missing).toEqual([]);
  });

  it('interpolations name the same variables in both languages', () => {
    const variables = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    const differing = [...languages['zh-CN']].filter(
      ([key, text]) =>
        JSON.stringify(variables(text)) !== JSON.stringify(variables(languages['en-US'].get(key) ?? '')),
    );
    expect(differing.map(([key]) => key)).toEqual([]);
  });
});
