/**
 * Keeps `patient_national_ids` equal to the stored patient documents (desk pushes and the
 * portal's own writes alike), so a portal booking finds the center's existing record by national id.
 */
import type { CollectionRule } from '../replication/collection-rules';

export const patientIndexRule: CollectionRule = {
  async derive(ctx, stored) {
    const nationalId = stored.deleted ? null : stored.data.nationalId;
    await ctx.tx.portal.indexPatient(
      stored.id,
      stored.centerId,
      typeof nationalId === 'string' && nationalId !== '' ? nationalId : null,
    );
  },
};
