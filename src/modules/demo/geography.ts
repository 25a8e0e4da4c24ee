/**
 * Provinces and their main cities, weighted by how much industrial equipment they buy (roughly by industrial
 * output), and the sales region (大区) that covers them.
 */
export type RegionKey = 'east' | 'south' | 'north';

export interface Province {
  readonly name: string;
  readonly region: RegionKey;
  readonly weight: number;
  /** [city name, area code]; the first is the capital. */
  readonly cities: ReadonlyArray<readonly [string, string]>;
}

export const provinces: readonly Province[] = [
  {
    name: '江苏省',
    region: 'east',
    weight: 12,
    cities: [
      ['南京市', '025'],
      ['苏州市', '0512'],
      ['无锡市', '0510'],
      ['常州市', '0519'],
      ['南通市', '0513'],
      ['徐州市', '0516'],
    ],
  },
  {
    name: '浙江省',
    region: 'east',
    weight: 9,
    cities: [
      ['杭州市', '0571'],
      ['宁波市', '0574'],
      ['温州市', '0577'],
      ['台州市', '0576'],
      ['嘉兴市', '0573'],
      ['金华市', '0579'],
    ],
  },
  { name: '上海市', region: 'east', weight: 5, cities: [['上海市', '021']] },
  {
    name: '山东省',
    region: 'east',
    weight: 9,
    cities: [
      ['济南市', '0531'],
      ['青岛市', '0532'],
      ['烟台市', '0535'],
      ['潍坊市', '0536'],
      ['淄博市', '0533'],
      ['临沂市', '0539'],
    ],
  },
  {
    name: '安徽省',
    region: 'east',
    weight: 4,
    cities: [
      ['合肥市', '0551'],
      ['芜湖市', '0553'],
      ['马鞍山市', '0555'],
      ['蚌埠市', '0552'],
    ],
  },
  {
    name: '福建省',
    region: 'east',
    weight: 4,
    cities: [
      ['福州市', '0591'],
      ['厦门市', '0592'],
      ['泉州市', '0595'],
    ],
  },
  {
    name: '江西省',
    region: 'east',
    weight: 2,
    cities: [
      ['南昌市', '0791'],
      ['赣州市', '0797'],
      ['九江市', '0792'],
    ],
  },
  {
    name: '广东省',
    region: 'south',
    weight: 12,
    cities: [
      ['广州市', '020'],
      ['深圳市', '0755'],
      ['东莞市', '0769'],
      ['佛山市', '0757'],
      ['惠州市', '0752'],
      ['中山市', '0760'],
    ],
  },
  {
    name: '广西壮族自治区',
    region: 'south',
    weight: 2,
    cities: [
      ['南宁市', '0771'],
      ['柳州市', '0772'],
      ['桂林市', '0773'],
    ],
  },
  {
    name: '海南省',
    region: 'south',
    weight: 0.5,
    cities: [
      ['海口市', '0898'],
      ['三亚市', '0898'],
    ],
  },
  {
    name: '湖南省',
    region: 'south',
    weight: 3,
    cities: [
      ['长沙市', '0731'],
      ['株洲市', '0731'],
      ['湘潭市', '0731'],
      ['岳阳市', '0730'],
    ],
  },
  {
    name: '湖北省',
    region: 'south',
    weight: 4,
    cities: [
      ['武汉市', '027'],
      ['宜昌市', '0717'],
      ['襄阳市', '0710'],
      ['十堰市', '0719'],
    ],
  },
  {
    name: '四川省',
    region: 'south',
    weight: 4,
    cities: [
      ['成都市', '028'],
      ['绵阳市', '0816'],
      ['德阳市', '0838'],
      ['宜宾市', '0831'],
    ],
  },
  { name: '重庆市', region: 'south', weight: 2.5, cities: [['重庆市', '023']] },
  {
    name: '云南省',
    region: 'south',
    weight: 1.5,
    cities: [
      ['昆明市', '0871'],
      ['曲靖市', '0874'],
    ],
  },
  {
    name: '贵州省',
    region: 'south',
    weight: 1,
    cities: [
      ['贵阳市', '0851'],
      ['遵义市', '0851'],
    ],
  },
  { name: '北京市', region: 'north', weight: 3.5, cities: [['北京市', '010']] },
  { name: '天津市', region: 'north', weight: 3, cities: [['天津市', '022']] },
  {
    name: '河北省',
    region: 'north',
    weight: 4,
    cities: [
      ['石家庄市', '0311'],
      ['唐山市', '0315'],
      ['保定市', '0312'],
      ['邯郸市', '0310'],
      ['沧州市', '0317'],
    ],
  },
  {
    name: '山西省',
    region: 'north',
    weight: 2,
    cities: [
      ['太原市', '0351'],
      ['大同市', '0352'],
      ['长治市', '0355'],
    ],
  },
  {
    name: '内蒙古自治区',
    region: 'north',
    weight: 1.5,
    cities: [
      ['呼和浩特市', '0471'],
      ['包头市', '0472'],
      ['鄂尔多斯市', '0477'],
    ],
  },
  {
    name: '辽宁省',
    region: 'north',
    weight: 3,
    cities: [
      ['沈阳市', '024'],
      ['大连市', '0411'],
      ['鞍山市', '0412'],
    ],
  },
  {
    name: '吉林省',
    region: 'north',
    weight: 1.2,
    cities: [
      ['长春市', '0431'],
      ['吉林市', '0432'],
    ],
  },
  {
    name: '黑龙江省',
    region: 'north',
    weight: 1,
    cities: [
      ['哈尔滨市', '0451'],
      ['大庆市', '0459'],
      ['齐齐哈尔市', '0452'],
    ],
  },
  {
    name: '河南省',
    region: 'north',
    weight: 5,
    cities: [
      ['郑州市', '0371'],
      ['洛阳市', '0379'],
      ['新乡市', '0373'],
      ['许昌市', '0374'],
    ],
  },
  {
    name: '陕西省',
    region: 'north',
    weight: 2.5,
    cities: [
      ['西安市', '029'],
      ['宝鸡市', '0917'],
      ['榆林市', '0912'],
    ],
  },
  {
    name: '甘肃省',
    region: 'north',
    weight: 0.8,
    cities: [
      ['兰州市', '0931'],
      ['天水市', '0938'],
    ],
  },
  { name: '宁夏回族自治区', region: 'north', weight: 0.4, cities: [['银川市', '0951']] },
  {
    name: '新疆维吾尔自治区',
    region: 'north',
    weight: 1,
    cities: [
      ['乌鲁木齐市', '0991'],
      ['克拉玛依市', '0990'],
    ],
  },
];

export const provinceWeights = provinces.map((province) => province.weight);

/** The city's name as companies use it in their names: 苏州市 → 苏州, 上海市 → 上海. */
export function cityStem(city: string): string {
  return city.endsWith('市') ? city.slice(0, -1) : city;
}

const districts = ['高新区', '经济技术开发区', '工业园区', '新区', '开发区'];
const roads = [
  '长江路',
  '黄河路',
  '人民路',
  '建设路',
  '工业大道',
  '科技路',
  '创业路',
  '港城路',
  '振兴路',
  '滨江路',
  '新华路',
  '解放路',
];

export function address(city: string, pickIndex: (length: number) => number, number: number): string {
  const district = districts[pickIndex(districts.length)] ?? '';
  const road = roads[pickIndex(roads.length)] ?? '';
  return `${city}${district}${road}${number}号`;
}
