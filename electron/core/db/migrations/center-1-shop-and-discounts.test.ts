import { expect, it } from 'vitest';
import {
  centerRxSchema,
  CENTER_V1_DEFAULTS,
  CENTER_V2_DEFAULTS,
} from '../../../../shared/domain/center';
import { tempDir } from '../../../../tests/support/temp';
import { openDatabase } from '../database';
import { centerV0Doc, schemaWithout, writeOldVersion } from './migration-test-kit';

it('gives version-0 centers the shop, discount and SMS settings with their defaults (v0 → v1 → v2)', async () => {
  const temp = tempDir();
  try {
    await writeOldVersion(
      temp.dir,
      'center',
      schemaWithout(centerRxSchema, { ...CENTER_V1_DEFAULTS, ...CENTER_V2_DEFAULTS }, 0),
      [centerV0Doc()],
    );
    const { db } = await openDatabase({ dataDir: temp.dir, storage: 'sqlite', devMode: true });
    expect((await db.center.findOne('c').exec())?.toMutableJSON()).toMatchObject({
      name: 'کلینیک نمونه',
      ...CENTER_V1_DEFAULTS,
      ...CENTER_V2_DEFAULTS,
    });
    await db.close();
  } finally {
    temp.remove();
  }
});
