import { afterEach, describe, expect, it } from 'vitest';
import type { Kysely } from 'kysely';
import type { SyncDatabase } from '../schema';
import { migrateTo } from './index';
import { databaseAt, tableNames } from './migration-test-kit';

let db: Kysely<SyncDatabase> | undefined;
afterEach(async () => db?.destroy());

describe('migration 0015-payments', () => {
  it('adds payments with empty gateway results until verified', async () => {
    db = await databaseAt('0014-one-time-codes');
    await migrateTo(db as Kysely<unknown>, '0015-payments');
    expect(await tableNames(db)).toContain('payments');
    await db
      .insertInto('payments')
      .values({
        id: 'p1',
        center_id: 'c1',
        gateway: 'zarinpal',
        amount_rial: 1_500_000,
        description: 'پیش‌پرداخت نوبت',
        invoice_id: '',
        appointment_id: 'a1',
        patient_id: 'pt1',
        authority: 'A0000000000000000000000000000012345',
        status: 'pending',
        payer_ip: '10.0.0.7',
        payer_user_agent: 'Mozilla/5.0',
        result_url: 'https://clinic.example/pay/result',
        created_at: 't',
        updated_at: 't',
      } as never)
      .execute();
    expect(
      await db
        .selectFrom('payments')
        .select(['ref_id', 'card_masked', 'ledger_entry_id'])
        .execute(),
    ).toEqual([{ ref_id: '', card_masked: '', ledger_entry_id: '' }]);
  });
});
