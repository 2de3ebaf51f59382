import { v7 as uuidv7 } from 'uuid';

/** A new document id: UUIDv7, made on the device, sortable by creation time. */
export function newId(): string {
  return uuidv7();
}
