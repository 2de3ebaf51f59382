import { CATALOG_V1_DEFAULTS } from '../../../shared/domain/catalog';
/** Valid documents of the shared collections, for pushing in tests. */
import { randomUUID } from 'node:crypto';
import type { TestCenter } from './harness';

const AT = '2026-03-01T06:00:00.000Z';

function base(center: TestCenter, id = randomUUID()) {
  return {
    id,
    centerId: center.centerId,
    createdAt: AT,
    updatedAt: AT,
    updatedBy: center.managerId,
    deviceId: center.deviceId,
  };
}

export function patientDoc(center: TestCenter, overrides: Record<string, unknown> = {}) {
  return {
    ...base(center),
    firstName: 'سارا',
    lastName: 'احمدی',
    nationalId: '',
    mobile: '+989121000001',
    gender: 'female',
    birthDate: '',
    notes: '',
    fileNumber: '1-1',
    relatedTo: '',
    relation: '',
    searchText: 'سارا احمدی',
    sortName: 'احمدی سارا',
    _deleted: false,
    ...overrides,
  };
}

export function appointmentDoc(center: TestCenter, overrides: Record<string, unknown> = {}) {
  return {
    ...base(center),
    patientId: randomUUID(),
    providerId: center.managerId,
    serviceId: '',
    date: '2026-03-10',
    start: 540,
    end: 570,
    status: 'booked',
    source: 'desk',
    trackingCode: '',
    overbook: false,
    notes: '',
    cancelReason: '',
    conflict: null,
    packageId: '',
    walkIn: false,
    checkedInAt: '',
    _deleted: false,
    ...overrides,
  };
}

export function staffDoc(center: TestCenter, overrides: Record<string, unknown> = {}) {
  return {
    ...base(center),
    firstName: 'رضا',
    lastName: 'پذیرشی',
    mobile: '',
    kind: 'reception',
    title: '',
    specialty: '',
    active: true,
    passwordHash: '',
    rightsGranted: [],
    rightsRevoked: [],
    departmentIds: [],
    serviceIds: [],
    _deleted: false,
    ...overrides,
  };
}

/** A new document row (no assumed master state). */
export function insertRow(doc: Record<string, unknown>) {
  return { newDocumentState: doc };
}

/** An update row from `before` to `after`. */
export function updateRow(before: Record<string, unknown>, after: Record<string, unknown>) {
  return { assumedMasterState: before, newDocumentState: after };
}

export function catalogDoc(center: TestCenter, overrides: Record<string, unknown> = {}) {
  return {
    ...base(center),
    kind: 'department',
    name: 'دندانپزشکی',
    description: '',
    active: true,
    departmentId: '',
    priceRial: 0,
    durationMin: 0,
    prepaymentRequired: false,
    sortKey: 'دندانپزشکی',
    ...CATALOG_V1_DEFAULTS,
    _deleted: false,
    ...overrides,
  };
}
