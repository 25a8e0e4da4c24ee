import type { FactorPreview } from '../../api/grading.api';

export interface Bar {
  label: string;
  count: number;
}

/** Bars for the two histograms: numeric bins labelled by their lower edge (compact, in the user's locale). */
export function histogramBars(preview: FactorPreview, locale: string, othersLabel: string) {
  const compact = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 });
  const raw: Bar[] =
    preview.raw.kind === 'numeric'
      ? preview.raw.bins.map((b) => ({ label: compact.format(b.from), count: b.count }))
      : [
          ...preview.raw.categories.map((c) => ({ label: c.value, count: c.count })),
          ...(preview.raw.others > 0 ? [{ label: othersLabel, count: preview.raw.others }] : []),
        ];
  const score: Bar[] = preview.score.bins.map((b) => ({ label: String(b.from), count: b.count }));
  return { raw, score };
}
