import type { StageChange } from './api/opportunities.api';

const DAY = 86_400_000;

/**
 * Whole days the opportunity stayed in each stage it moved into: until the next move, or until `now` for the stage it
 * is still in. A closed opportunity's last stage (won or lost) has no duration: nothing happens there any more.
 */
export function stageDurations(steps: readonly StageChange[], now: Date, closed: boolean): (number | null)[] {
  return steps.map((step, index) => {
    const next = steps[index + 1];
    if (!next && closed) return null;
    const end = next ? Date.parse(next.at) : now.getTime();
    return Math.max(0, Math.floor((end - Date.parse(step.at)) / DAY));
  });
}
