import type { ReactNode } from 'react';
import { Button } from 'antd';

/**
 * A row's name that narrows a list below to that row, or widens it again when pressed a second time. A button keeps
 * its label on one line; a long name ("Commercial (quote/contract)") must wrap as plain text does, or a table
 * outgrows its column.
 */
export function ToggleLink({
  pressed,
  onToggle,
  children,
}: {
  pressed: boolean;
  onToggle: (pressed: boolean) => void;
  children: ReactNode;
}) {
  return (
    <Button
      type="link"
      size="small"
      style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'start' }}
      aria-pressed={pressed}
      onClick={() => onToggle(!pressed)}
    >
      {children}
    </Button>
  );
}
