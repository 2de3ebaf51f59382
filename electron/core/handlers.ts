/** Every domain's handlers; `createRegistry` checks there is exactly one per contract method. */
import { appHandlers } from './app/handlers';
import { appointmentHandlers } from './appointments/handlers';
import { auditHandlers } from './audit/handlers';
import { authHandlers } from './auth/handlers';
import { patientHandlers } from './patients/handlers';
import type { Handlers } from './registry';
import { catalogHandlers } from './setup/catalog-handlers';
import { centerHandlers } from './setup/center-handlers';
import { profileHandlers } from './setup/profile-handlers';
import { schedulingHandlers } from './scheduling/handlers';
import { packageHandlers } from './packages/handlers';
import { patientFileHandlers } from './patients/file';
import { moneyCatalogHandlers } from './money/catalog-handlers';
import { invoiceHandlers } from './money/invoice-handlers';
import { cashierHandlers } from './money/cashier-handlers';
import { stockHandlers } from './money/stock-handlers';
import { messageHandlers } from './messages/handlers';
import { providerHandlers } from './messages/provider-handlers';
import { staffHandlers } from './setup/staff-handlers';
import { syncHandlers } from './sync/handlers';

export const DOMAIN_HANDLERS: Partial<Handlers>[] = [
  appHandlers,
  authHandlers,
  syncHandlers,
  patientHandlers,
  appointmentHandlers,
  centerHandlers,
  catalogHandlers,
  staffHandlers,
  auditHandlers,
  profileHandlers,
  packageHandlers,
  patientFileHandlers,
  moneyCatalogHandlers,
  invoiceHandlers,
  cashierHandlers,
  stockHandlers,
  messageHandlers,
  providerHandlers,
  schedulingHandlers,
];
