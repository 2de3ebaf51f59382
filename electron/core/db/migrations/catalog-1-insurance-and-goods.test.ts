/**
 * Builds a desk database with catalog version 0, writes documents, then opens it with the current
 * schema: every document must come out with the version-1 fields.
 */
import { expect, it } from 'vitest';
import { catalogRxSchema, CATALOG_V1_DEFAULTS } from '../../../../shared/domain/catalog';
import { tempDir } from '../../../../tests/support/temp';
import { openDatabase } from '../database';
import { schemaWithout, writeOldVersion } from './migration-test-kit';

it('adds the insurance and goods fields to version-0 catalog documents', async () => {
  const temp = tempDir();
  try {
    const v0 = schemaWithout(catalogRxSchema, CATALOG_V1_DEFAULTS, 0, [
      ['kind', 'sortKey'],
      ['departmentId'],
      ['updatedAt'],
    ]);
    const at = '2026-01-01T00:00:00.000Z';
    await writeOldVersion(temp.dir, 'catalog', v0, [
      {
        id: 'dep-1',
        centerId: 'c',
        createdAt: at,
        updatedAt: at,
        updatedBy: 's',
        deviceId: 'd',
        kind: 'department',
        name: 'فیزیوتراپی',
        description: '',
        active: true,
        departmentId: '',
        priceRial: 0,
        durationMin: 0,
        prepaymentRequired: false,
        sortKey: 'x',
      },
    ]);
    const { db } = await openDatabase({ dataDir: temp.dir, storage: 'sqlite', devMode: true });
    const doc = await db.catalog.findOne('dep-1').exec();
    expect(doc?.toMutableJSON()).toMatchObject({ name: 'فیزیوتراپی', ...CATALOG_V1_DEFAULTS });
    expect(db.catalog.schema.version).toBe(1);
    await db.close();
  } finally {
    temp.remove();
  }
});
