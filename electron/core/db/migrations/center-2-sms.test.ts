import { expect, it } from 'vitest';
import {
  centerRxSchema,
  CENTER_V1_DEFAULTS,
  CENTER_V2_DEFAULTS,
} from '../../../../shared/domain/center';
import { tempDir } from '../../../../tests/support/temp';
import { openDatabase } from '../database';
import { centerV0Doc, schemaWithout, writeOldVersion } from './migration-test-kit';

it('gives version-1 centers the SMS templates and settings, keeping their other fields', async () => {
  const temp = tempDir();
  try {
    const v1Doc = { ...centerV0Doc(), ...CENTER_V1_DEFAULTS, maxDiscountBp: 500 };
    await writeOldVersion(
      temp.dir,
      'center',
      schemaWithout(centerRxSchema, CENTER_V2_DEFAULTS, 1),
      [v1Doc],
    );
    const { db } = await openDatabase({ dataDir: temp.dir, storage: 'sqlite', devMode: true });
    expect((await db.center.findOne('c').exec())?.toMutableJSON()).toMatchObject({
      maxDiscountBp: 500,
      ...CENTER_V2_DEFAULTS,
    });
    await db.close();
  } finally {
    temp.remove();
  }
});
