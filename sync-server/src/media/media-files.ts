/**
 * Where the gallery's WebP files are kept: `<dataDir>/media/<centerId>/<imageId>.webp` on a real
 * server, memory in tests. Which center owns which image is in the database (gallery_images); the
 * folder per center makes a center's media easy to back up, move or delete by hand.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';

export interface MediaFiles {
  write(centerId: string, imageId: string, data: Buffer): Promise<void>;
  /** The file, or null when it is not there. */
  read(centerId: string, imageId: string): Promise<Buffer | null>;
  /** Removing a missing file is harmless. */
  remove(centerId: string, imageId: string): Promise<void>;
}

export const MEDIA_DIR_NAME = 'media';

/** Ids become path segments: only what our uuids contain, so no id can leave the folder. */
const SAFE_ID = /^[A-Za-z0-9-]{1,64}$/;

export class FileMediaFiles implements MediaFiles {
  constructor(readonly dir: string) {}

  file(centerId: string, imageId: string): string {
    if (!SAFE_ID.test(centerId) || !SAFE_ID.test(imageId)) {
      throw new Error(`Unsafe media id: ${centerId}/${imageId}`);
    }
    return path.join(this.dir, centerId, `${imageId}.webp`);
  }

  async write(centerId: string, imageId: string, data: Buffer): Promise<void> {
    const file = this.file(centerId, imageId);
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    // Written aside and renamed, so a reader never sees half a file.
    const temp = `${file}.${randomUUID()}.tmp`;
    await fs.writeFile(temp, data, { mode: 0o600 });
    await fs.rename(temp, file);
  }

  async read(centerId: string, imageId: string): Promise<Buffer | null> {
    try {
      return await fs.readFile(this.file(centerId, imageId));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async remove(centerId: string, imageId: string): Promise<void> {
    await fs.rm(this.file(centerId, imageId), { force: true });
  }
}

export class MemoryMediaFiles implements MediaFiles {
  readonly files = new Map<string, Buffer>();

  write(centerId: string, imageId: string, data: Buffer): Promise<void> {
    this.files.set(`${centerId}/${imageId}`, data);
    return Promise.resolve();
  }

  read(centerId: string, imageId: string): Promise<Buffer | null> {
    return Promise.resolve(this.files.get(`${centerId}/${imageId}`) ?? null);
  }

  remove(centerId: string, imageId: string): Promise<void> {
    this.files.delete(`${centerId}/${imageId}`);
    return Promise.resolve();
  }
}
