import type { ReactNode } from 'react';
import { Card, Col, Row, Statistic } from 'antd';

export interface Figure {
  key: string;
  title: ReactNode;
  value: string | number;
}

/**
 * A row of headline figures, one small card each, wrapping on narrow screens; `testIdPrefix`-key names each.
 * `minWidth` is a card's narrowest before the row wraps.
 */
export function FigureRow({
  figures,
  testIdPrefix,
  minWidth = 200,
}: {
  figures: readonly Figure[];
  testIdPrefix: string;
  minWidth?: number;
}) {
  return (
    <Row gutter={[16, 16]}>
      {figures.map((f) => (
        <Col key={f.key} flex={`1 1 ${minWidth}px`}>
          <Card size="small">
            <Statistic
              title={f.title}
              value={f.value}
              styles={{ content: { fontSize: 22 } }}
              data-testid={`${testIdPrefix}-${f.key}`}
            />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
