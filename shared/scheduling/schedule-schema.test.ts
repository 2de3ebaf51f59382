import { describe, expect, it } from 'vitest';
import { issuesToFields } from '../api/validate';
import {
  dayBlocksInputSchema,
  scheduleBlank,
  scheduleDocSchema,
  scheduleRxSchema,
  weekHoursInputSchema,
} from '../domain/schedules';

const fieldsOf = (result: { success: boolean; error?: { issues: unknown[] } }) =>
  result.success ? {} : issuesToFields(result.error!.issues as never);

const base = {
  id: 'doc-1',
  centerId: 'center-1',
  createdAt: '2026-04-01T08:00:00.000Z',
  updatedAt: '2026-04-01T08:00:00.000Z',
  updatedBy: 'staff-1',
  deviceId: 'device-1',
};

describe('schedule schemas', () => {
  it('sorts a day’s blocks and accepts blocks that only touch', () => {
    expect(
      dayBlocksInputSchema.parse([
        { start: 960, end: 1200 },
        { start: 480, end: 720 },
        { start: 720, end: 780 },
      ]),
    ).toEqual([
      { start: 480, end: 720 },
      { start: 720, end: 780 },
      { start: 960, end: 1200 },
    ]);
  });

  it('refuses overlapping blocks with a Persian message on the later block', () => {
    const week = [
      [],
      [],
      [
        { start: 480, end: 720 },
        { start: 700, end: 800 },
      ],
      [],
      [],
      [],
      [],
    ];
    const fields = fieldsOf(weekHoursInputSchema.safeParse(week));
    expect(Object.keys(fields)).toEqual(['2.1.start']);
    expect(fields['2.1.start']).toContain('هم‌پوشانی');
  });

  it('refuses an end at or before the start, past midnight, or a week without seven days', () => {
    const fields = fieldsOf(
      dayBlocksInputSchema.safeParse([
        { start: 600, end: 600 },
        { start: 700, end: 650 },
        { start: 1400, end: 1441 },
      ]),
    );
    expect(fields['0.end']).toContain('بعد از شروع');
    expect(fields['1.end']).toContain('بعد از شروع');
    expect(fields['2.end']).toMatch(/[\u0600-\u06ff]/);
    expect(fieldsOf(weekHoursInputSchema.safeParse([[], []]))._).toContain('هفت روز');
  });

  it('stores only sorted, non-overlapping blocks and the fields each kind needs', () => {
    const hours = {
      ...base,
      ...scheduleBlank(),
      kind: 'provider-hours' as const,
      providerId: 'p1',
      week: [[{ start: 480, end: 720 }], [], [], [], [], [], []],
    };
    expect(scheduleDocSchema.safeParse(hours).success).toBe(true);
    const unsorted = {
      ...hours,
      week: [
        [
          { start: 800, end: 900 },
          { start: 480, end: 720 },
        ],
        [],
        [],
        [],
        [],
        [],
        [],
      ],
    };
    expect(scheduleDocSchema.safeParse(unsorted).success).toBe(false);
    expect(fieldsOf(scheduleDocSchema.safeParse({ ...hours, providerId: '' }))).toHaveProperty(
      'providerId',
    );
    const leave = { ...base, ...scheduleBlank(), kind: 'leave' as const, providerId: 'p1' };
    expect(
      fieldsOf(scheduleDocSchema.safeParse({ ...leave, date: '2026-04-10', toDate: '2026-04-09' })),
    ).toHaveProperty('toDate');
    expect(
      scheduleDocSchema.safeParse({ ...leave, date: '2026-04-10', toDate: '2026-04-10' }).success,
    ).toBe(true);
  });

  it('derives a bounded RxDB schema with the kind/provider/date index', () => {
    expect(scheduleRxSchema.indexes).toContainEqual(['kind', 'providerId', 'date']);
    const props = scheduleRxSchema.properties as Record<string, { maxLength?: number }>;
    for (const field of ['kind', 'providerId', 'date']) {
      expect(props[field]?.maxLength, field).toBeGreaterThan(0);
      expect(scheduleRxSchema.required).toContain(field);
    }
  });
});
