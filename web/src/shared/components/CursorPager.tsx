import { useState, type ReactNode } from 'react';
import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';

/**
 * Keyset pages walked forward and back: the API gives the next page's cursor only, so the cursors of the pages
 * already passed are kept to go back. `cursor` is the current page's (undefined on the first). Another `listKey`
 * (the filters) is another list: it starts again at its first page, not at the n-th page of the one before.
 */
export function useCursors<C extends string | number = string>(listKey?: unknown) {
  const [passed, setPassed] = useState<C[]>([]);
  const key = JSON.stringify(listKey ?? null);
  const [listedFor, setListedFor] = useState(key);
  const changed = listedFor !== key;
  if (changed) {
    setListedFor(key);
    setPassed([]);
  }
  return {
    cursor: changed ? undefined : passed.at(-1),
    atStart: passed.length === 0,
    forward: (next: C) => setPassed((cursors) => [...cursors, next]),
    back: () => setPassed((cursors) => cursors.slice(0, -1)),
    reset: () => setPassed([]),
  };
}

/** Previous and next under a keyset-paginated table, with what the page says about its size on the left. */
export function CursorPager<C extends string | number>({
  cursors,
  nextCursor,
  summary,
}: {
  cursors: ReturnType<typeof useCursors<C>>;
  nextCursor: C | null;
  summary?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Flex justify="space-between" align="center" gap={8} style={{ marginTop: 8 }}>
      <span>{summary}</span>
      <Flex gap={8}>
        <Button size="small" disabled={cursors.atStart} onClick={cursors.back}>
          {t('action.previous')}
        </Button>
        <Button
          size="small"
          disabled={!nextCursor}
          onClick={() => nextCursor !== null && cursors.forward(nextCursor)}
        >
          {t('action.next')}
        </Button>
      </Flex>
    </Flex>
  );
}
