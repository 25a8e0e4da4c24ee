import { useCallback, useState } from 'react';
import { parseViews, upsertView, type SavedView } from './savedViews';

const storageKey = (userId: number) => `stratum.customerViews.${userId}`;

/**
 * Named filter sets of one user, kept in this browser: a view is only a query string the URL already carries,
 * so it needs no server state, and keying by user keeps two people on one machine apart.
 */
export function useSavedViews(userId: number) {
  const [views, setViews] = useState<SavedView[]>(() => parseViews(localStorage.getItem(storageKey(userId))));
  const persist = useCallback(
    (next: SavedView[]) => {
      localStorage.setItem(storageKey(userId), JSON.stringify(next));
      setViews(next);
    },
    [userId],
  );
  return {
    views,
    save: (view: SavedView) => persist(upsertView(views, view)),
    remove: (name: string) => persist(views.filter((v) => v.name !== name)),
  };
}
