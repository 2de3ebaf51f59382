/**
 * The collections of the local database. Open-source RxDB allows 13 open collections per
 * process; the product plans for at most 12 (see ARCHITECTURE.md). Add new ones here only.
 */
import type { RxCollection, RxJsonSchema } from 'rxdb';
import { patientRxSchema, type Patient } from '../../../shared/domain/patients';
import type { CollectionName } from '../../../shared/api/events';

export const MAX_COLLECTIONS = 12;

export const collectionSchemas = {
  patients: patientRxSchema as unknown as RxJsonSchema<Patient>,
} satisfies Record<CollectionName, RxJsonSchema<never>>;

if (Object.keys(collectionSchemas).length > MAX_COLLECTIONS) {
  throw new Error(`At most ${MAX_COLLECTIONS} collections: RxDB's open-source limit is 13`);
}

export interface ClinicCollections {
  patients: RxCollection<Patient>;
}
