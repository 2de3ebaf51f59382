/**
 * The patient portal's tables (accounts, sessions, saved people, which account made which booking,
 * privacy policy versions) and the derived national-id index of patients. Reads are free
 * ({@link SyncStore.portal}); writes only inside a store transaction ({@link StoreTransaction.portal}).
 */

export interface PortalAccountRecord {
  id: string;
  mobile: string;
  nationalId: string;
  firstName: string;
  lastName: string;
  gender: 'female' | 'male';
  birthDate: string;
  email: string;
  emailVerified: boolean;
  passwordHash: string;
  heardFrom: string;
  policyVersion: string;
  consentedAt: string;
  createdAt: string;
  updatedAt: string;
}

export interface PortalPersonRecord {
  id: string;
  accountId: string;
  firstName: string;
  lastName: string;
  nationalId: string;
  mobile: string;
  gender: 'female' | 'male';
  relation: string;
  createdAt: string;
}

export type PortalPaymentState = 'not-needed' | 'pending' | 'paid' | 'expired';

export interface PortalBookingRecord {
  appointmentId: string;
  accountId: string;
  personId: string;
  centerId: string;
  patientId: string;
  priceRial: number;
  paymentStatus: PortalPaymentState;
  holdUntil: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PolicyRecord {
  version: string;
  publishedAt: string;
  effectiveAt: string;
  text: string;
}

/** A booking that holds a provider's time (from appointment_slots). */
export interface HeldTime {
  appointmentId: string;
  date: string;
  start: number;
  end: number;
}

export interface PortalReads {
  getAccount(id: string): Promise<PortalAccountRecord | null>;
  getAccountByMobile(mobile: string): Promise<PortalAccountRecord | null>;
  getAccountByNationalId(nationalId: string): Promise<PortalAccountRecord | null>;
  /** The account of a live session (by the cookie token's hash), or null. */
  getSessionAccount(tokenHash: string, now: string): Promise<PortalAccountRecord | null>;
  listPeople(accountId: string): Promise<PortalPersonRecord[]>;
  getBooking(appointmentId: string): Promise<PortalBookingRecord | null>;
  listBookings(accountId: string): Promise<PortalBookingRecord[]>;
  /** Held bookings whose hold ended at or before `now`, oldest first. */
  lapsedHolds(now: string, limit: number): Promise<PortalBookingRecord[]>;
  /** The newest payment attempt's status for a booking, or null. */
  latestPaymentStatus(appointmentId: string): Promise<{ status: string; refId: string } | null>;
  listPolicies(): Promise<PolicyRecord[]>;
  /** The provider's bookings that hold time from `from` to `to` (overbooked ones too). */
  heldTimes(centerId: string, providerId: string, from: string, to: string): Promise<HeldTime[]>;
  /** Failed logins of `mobile` since `since`. */
  countLoginFailures(mobile: string, since: string): Promise<number>;
  /** The center's live patients with this national id, oldest id first. */
  patientsByNationalId(centerId: string, nationalId: string): Promise<string[]>;
}

export interface PortalTransaction extends PortalReads {
  insertAccount(account: PortalAccountRecord): Promise<void>;
  updateAccount(
    id: string,
    fields: Partial<Omit<PortalAccountRecord, 'id' | 'createdAt'>>,
  ): Promise<void>;
  /** Removes the account, its sessions, saved people, booking links and failed logins (P8). */
  deleteAccount(id: string): Promise<void>;
  insertSession(session: {
    tokenHash: string;
    accountId: string;
    createdAt: string;
    expiresAt: string;
  }): Promise<void>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteSessionsOf(accountId: string): Promise<void>;
  /** Records a failed login of `mobile`; answers the failures since `since` (this one included). */
  addLoginFailure(mobile: string, at: string, since: string): Promise<number>;
  clearLoginFailures(mobile: string): Promise<void>;
  /** Removes sessions that ended at or before `now`; answers how many. */
  deleteExpiredSessions(now: string): Promise<number>;
  insertPerson(person: PortalPersonRecord): Promise<void>;
  insertBooking(booking: PortalBookingRecord): Promise<void>;
  updateBooking(
    appointmentId: string,
    fields: Partial<Pick<PortalBookingRecord, 'paymentStatus' | 'holdUntil' | 'updatedAt'>>,
  ): Promise<void>;
  /** Inserts a version unless it exists; false when it did. */
  insertPolicy(policy: PolicyRecord): Promise<boolean>;
  /** Keeps the national-id index equal to a stored patient document. */
  indexPatient(patientId: string, centerId: string, nationalId: string | null): Promise<void>;
}
