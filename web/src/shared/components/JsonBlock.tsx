import { Typography } from 'antd';

/** A titled JSON document as it was stored (a payload, a record before or after), scrolling when long; — for none. */
export function JsonBlock({ title, value }: { title: string; value: unknown }) {
  return (
    <div style={{ flex: '1 1 340px', minWidth: 0 }}>
      <Typography.Text strong>{title}</Typography.Text>
      <pre style={{ maxHeight: 260, overflow: 'auto', fontSize: 12, background: '#fafafa', padding: 8 }}>
        {value === null || value === undefined ? '—' : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}
