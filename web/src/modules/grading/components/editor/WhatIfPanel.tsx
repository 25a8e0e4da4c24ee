import { Card, Col, Row, Statistic, Table } from 'antd';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Chart } from '../../../../shared/charts/Chart';
import { pickLocalised } from '../../../../shared/format/localised';
import type { WhatIf } from '../../api/grading.api';
import { MigrationSankey, MigrationTable } from '../Migration';

/** The preview of an edited model: how many customers move from each grade to each other, and who. */
export function WhatIfPanel({ whatIf }: { whatIf: WhatIf }) {
  const { t, i18n } = useTranslation();
  const data = { from: whatIf.ladders.before, to: whatIf.ladders.after, matrix: whatIf.migration };
  const names = whatIf.after.map((g) => pickLocalised(g.name, i18n.language));
  const beforeByCode = new Map(whatIf.before.map((g) => [g.code, g.count]));
  const colourOf = (code: string | null) => whatIf.ladders.after.find((g) => g.code === code)?.color;
  const nameOf = (code: string | null, side: 'before' | 'after') =>
    pickLocalised(whatIf.ladders[side].find((g) => g.code === code)?.name, i18n.language) ||
    t('migration.none');
  return (
    <Card title={t('whatIf.title')} data-testid="what-if">
      <Row gutter={[16, 16]}>
        <Col xs={24} md={6}>
          <Statistic title={t('whatIf.moved')} value={whatIf.moved} data-testid="what-if-moved" />
        </Col>
        <Col xs={24} md={18}>
          <Chart
            height={200}
            exportName={t('whatIf.distributions')}
            option={{
              legend: { top: 0, left: 0 },
              grid: { left: 40, right: 40, top: 32, bottom: 24 },
              tooltip: { trigger: 'axis' },
              xAxis: { type: 'category', data: names },
              yAxis: { type: 'value', minInterval: 1 },
              series: [
                {
                  name: t('whatIf.before'),
                  type: 'bar',
                  itemStyle: { color: '#bfbfbf' },
                  data: whatIf.after.map((g) => beforeByCode.get(g.code) ?? 0),
                },
                {
                  name: t('whatIf.after'),
                  type: 'bar',
                  data: whatIf.after.map((g) => ({
                    value: g.count,
                    itemStyle: { color: colourOf(g.code) ?? '#1677ff' },
                  })),
                },
              ],
            }}
          />
        </Col>
        <Col xs={24} xl={12}>
          <MigrationTable data={data} />
        </Col>
        <Col xs={24} xl={12}>
          <MigrationSankey data={data} exportName={t('whatIf.title')} height={260} />
        </Col>
        <Col span={24}>
          <Table
            size="small"
            rowKey="customerId"
            data-testid="what-if-movers"
            title={() => t('whatIf.movers')}
            dataSource={whatIf.movers}
            pagination={{ pageSize: 8, hideOnSinglePage: true }}
            columns={[
              { title: t('customer.code'), dataIndex: 'code', key: 'code' },
              {
                title: t('customer.name'),
                key: 'name',
                render: (_, m) => <Link to={`/customers/${m.customerId}`}>{m.name}</Link>,
              },
              { title: t('whatIf.from'), key: 'from', render: (_, m) => nameOf(m.from, 'before') },
              { title: t('whatIf.to'), key: 'to', render: (_, m) => nameOf(m.to, 'after') },
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}
