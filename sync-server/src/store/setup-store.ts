/**
 * The store's part for the setup issue: licences, center sign-ups, staff sessions, gallery images
 * and blog posts. Split from sync-store.ts to keep each file readable; {@link StoreTransaction}
 * and {@link SyncStore} include these.
 */

export interface LicenceRecord {
  centerId: string;
  licenceId: string;
  keyId: string;
  payload: string;
  signature: string;
  issuedAt: string;
}

export interface SignupRecord {
  id: string;
  mobile: string;
  ipHash: string;
  centerName: string;
  centerType: string;
  city: string;
  managerGender: 'female' | 'male';
  managerFirstName: string;
  managerLastName: string;
  passwordHash: string;
  codeHash: string;
  createdAt: string;
  expiresAt: string;
  attempts: number;
  consumedAt: string | null;
  centerId: string | null;
}

export interface SessionRecord {
  id: string;
  centerId: string;
  staffId: string;
  deviceId: string;
  openedAt: string;
  lastSeenAt: string;
  closedAt: string | null;
}

export interface GalleryImageRecord {
  id: string;
  centerId: string;
  fileName: string;
  caption: string;
  width: number;
  height: number;
  bytes: number;
  createdAt: string;
  createdBy: string;
}

export interface PostRecord {
  id: string;
  centerId: string;
  title: string;
  body: string;
  published: boolean;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
  updatedBy: string;
}

/** Reads that need no transaction (and so do not wait behind pushes). */
export interface SetupReads {
  getLicence(centerId: string): Promise<LicenceRecord | null>;
  getGalleryImage(id: string): Promise<GalleryImageRecord | null>;
  getPost(id: string): Promise<PostRecord | null>;
  /** The center's posts, newest first. */
  listPosts(centerId: string): Promise<PostRecord[]>;
}

export interface SetupTransaction extends SetupReads {
  putLicence(licence: LicenceRecord): Promise<void>;

  insertSignup(signup: SignupRecord): Promise<void>;
  getSignup(id: string): Promise<SignupRecord | null>;
  /** Sign-ups started after `since` (ISO) for this mobile or from this IP hash. */
  countSignupsSince(by: { mobile: string } | { ipHash: string }, since: string): Promise<number>;
  addSignupAttempt(id: string): Promise<number>;
  /** Marks the sign-up used and forgets its password hash; false when it already was used. */
  finishSignup(id: string, at: string, centerId: string): Promise<boolean>;
  /** Deletes sign-ups created before `before` that never finished (their password hashes go too). */
  pruneSignups(before: string): Promise<void>;

  /** The staff members (distinct) with an open session of the center heard from after `since`. */
  liveSessionStaff(centerId: string, since: string): Promise<string[]>;
  insertSession(session: SessionRecord): Promise<void>;
  getSession(id: string): Promise<SessionRecord | null>;
  touchSession(id: string, at: string): Promise<void>;
  closeSession(id: string, at: string): Promise<void>;
  /** Closes the open sessions of one staff member on one device (a re-login replaces them). */
  closeStaffSessionsOnDevice(staffId: string, deviceId: string, at: string): Promise<void>;
  closeDeviceSessions(deviceId: string, at: string): Promise<void>;

  insertGalleryImage(image: GalleryImageRecord): Promise<void>;
  countGalleryImages(centerId: string): Promise<number>;
  deleteGalleryImage(id: string): Promise<void>;

  insertPost(post: PostRecord): Promise<void>;
  updatePost(post: PostRecord): Promise<void>;
  deletePost(id: string): Promise<void>;
  countPosts(centerId: string): Promise<number>;
}
