export interface SavedView {
  name: string;
  /** The list's query string without the page (filters and sort). */
  query: string;
}

function isSavedView(value: unknown): value is SavedView {
  const view = value as Partial<SavedView> | null;
  return typeof view?.name === 'string' && typeof view.query === 'string';
}

/** What was stored, keeping only well-formed views: a damaged entry must not take the list page down. */
export function parseViews(stored: string | null): SavedView[] {
  try {
    const parsed: unknown = JSON.parse(stored ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isSavedView) : [];
  } catch {
    return [];
  }
}

/** Saving under an existing name replaces that view and moves it last. */
export function upsertView(views: SavedView[], view: SavedView): SavedView[] {
  return [...views.filter((v) => v.name !== view.name), view];
}
