/** Domain rules per collection name; each runs only when its collection is in the registry. */
import { appointmentRule } from '../appointments/arbitration';
import { auditRule } from '../audit/audit-rule';
import { centerRule } from '../centers/center-rule';
import { messageRule } from '../sms/message-rule';
import { patientIndexRule } from '../portal/patient-index-rule';
import { staffRule } from '../staff/staff-logins';
import type { CollectionRules } from './collection-rules';

export const DEFAULT_RULES: CollectionRules = {
  appointments: appointmentRule,
  staff: staffRule,
  center: centerRule,
  audit: auditRule,
  messages: messageRule,
  patients: patientIndexRule,
  // Money and stock are append-only too: a correction is a new entry, never an edit.
  ledger: { appendOnly: true },
  stock: { appendOnly: true },
};
