import { describe, expect, it } from 'vitest';
import { placeInLanes, visibleRange, weekStart } from './desk-layout';

describe('desk layout', () => {
  it('widens 07:00–22:00 to whole hours around early or late time', () => {
    expect(visibleRange([])).toEqual({ start: 420, end: 1320 });
    expect(
      visibleRange([
        { start: 390, end: 400 },
        { start: 1300, end: 1335 },
      ]),
    ).toEqual({
      start: 360,
      end: 1380,
    });
  });

  it('starts weeks on Saturday', () => {
    expect(weekStart('2026-12-01')).toBe('2026-11-28'); // Tuesday → Saturday
    expect(weekStart('2026-11-28')).toBe('2026-11-28');
    expect(weekStart('2026-12-04')).toBe('2026-11-28'); // Friday
  });

  it('puts overlapping bookings side by side and lone ones full width', () => {
    const placed = placeInLanes([
      { id: 'a', start: 600, end: 630 },
      { id: 'b', start: 600, end: 620 },
      { id: 'c', start: 620, end: 640 },
      { id: 'd', start: 700, end: 715 },
    ]);
    const by = Object.fromEntries(placed.map((p) => [p.item.id, [p.lane, p.lanes]]));
    expect(by).toEqual({ a: [0, 2], b: [1, 2], c: [1, 2], d: [0, 1] });
  });
});
