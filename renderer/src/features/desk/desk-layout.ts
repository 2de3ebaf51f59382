/**
 * Pure layout of the desk's time grid: the hours shown, where a time lands, and side-by-side lanes
 * for bookings that overlap (overbookings, conflicts, walk-ins).
 */
import { addDays, weekdayOf } from '../../../../shared/scheduling/day-math';

/** Pixels per minute: a 15-minute row is 20 px, tall enough for one line of text. */
export const PX_PER_MIN = 20 / 15;
export const DEFAULT_FROM_MIN = 7 * 60;
export const DEFAULT_TO_MIN = 22 * 60;

export interface TimeSpan {
  start: number;
  end: number;
}

/** 07:00–22:00, widened to whole hours so nothing worked or booked falls outside. */
export function visibleRange(spans: Iterable<TimeSpan>): TimeSpan {
  let start = DEFAULT_FROM_MIN;
  let end = DEFAULT_TO_MIN;
  for (const s of spans) {
    start = Math.min(start, Math.floor(s.start / 60) * 60);
    end = Math.max(end, Math.ceil(s.end / 60) * 60);
  }
  return { start, end };
}

/** The Saturday that starts the week of `date`. */
export function weekStart(date: string): string {
  return addDays(date, -weekdayOf(date));
}

export interface Placed<T> {
  item: T;
  /** 0-based lane and how many lanes its overlapping group needs. */
  lane: number;
  lanes: number;
}

/**
 * Greedy lanes: items sorted by start take the first lane free at their start; a group of
 * transitively overlapping items shares one lane count, so widths line up.
 */
export function placeInLanes<T extends TimeSpan>(items: readonly T[]): Placed<T>[] {
  const sorted = [...items].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Placed<T>[] = [];
  let group: Placed<T>[] = [];
  let laneEnds: number[] = [];
  let groupEnd = -1;
  const close = () => {
    for (const p of group) p.lanes = laneEnds.length;
    group = [];
    laneEnds = [];
  };
  for (const item of sorted) {
    if (item.start >= groupEnd) close();
    let lane = laneEnds.findIndex((end) => end <= item.start);
    if (lane < 0) lane = laneEnds.push(item.end) - 1;
    else laneEnds[lane] = item.end;
    const placed = { item, lane, lanes: 1 };
    group.push(placed);
    out.push(placed);
    groupEnd = Math.max(groupEnd, item.end);
  }
  close();
  return out;
}
