/** Choices the forms offer, with their Persian labels from shared/. */
import { GENDER_LABELS, GENDERS } from '../../../../shared/domain/patients';
import { HEARD_FROM, HEARD_FROM_LABELS } from '../../../../shared/portal/contract';

export const GENDER_OPTIONS = GENDERS.map((g) => ({ value: g, label: GENDER_LABELS[g] }));
export const HEARD_OPTIONS = HEARD_FROM.map((h) => ({ value: h, label: HEARD_FROM_LABELS[h] }));
