/**
 * Gallery images of the public profile (C2): uploaded from a desk by staff with settings.edit,
 * re-encoded to WebP (≤ 1600 px, upright, no metadata), served publicly with caching headers.
 * The test images are made with sharp here: a PNG, a JPEG with EXIF, and things that are not
 * images at all.
 */
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { setupPaths } from '../../shared/sync/protocol';
import { openSqliteStore, STAFF_HEADER, type MemoryMediaFiles } from '../../sync-server/src/index';
import { MAX_GALLERY_IMAGES } from '../../sync-server/src/media/routes';
import { tempDir } from '../support/temp';
import { insertRow, staffDoc } from './support/documents';
import {
  addCenter,
  auth,
  push,
  startTestServer,
  type TestCenter,
  type TestServer,
} from './support/harness';

let server: TestServer;
const cleanups: (() => void)[] = [];
afterEach(async () => {
  await server.close();
  for (const c of cleanups.splice(0)) c();
});

/** A picture with some detail (a smooth gradient would compress to nothing). */
function pixels(width: number, height: number) {
  const data = Buffer.alloc(width * height * 3);
  for (let i = 0; i < data.length; i++) data[i] = (i * 31 + (i >> 7)) % 256;
  return { data, info: { width, height, channels: 3 as const } };
}

async function png(width: number, height: number): Promise<Buffer> {
  const { data, info } = pixels(width, height);
  return sharp(data, { raw: info }).png().toBuffer();
}

/** 800×600 as stored, to be shown turned a quarter (EXIF orientation 6), with a copyright tag. */
async function phoneJpeg(): Promise<Buffer> {
  const { data, info } = pixels(800, 600);
  return sharp(data, { raw: info })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({ IFD0: { Copyright: 'secret-owner', Artist: 'phone-of-dr-k' } })
    .toBuffer();
}

function upload(
  center: TestCenter,
  staffId: string | null,
  data: Buffer | string,
  mime = 'image/png',
) {
  return server.app.inject({
    method: 'POST',
    url: setupPaths.gallery,
    headers: { ...auth(center.token), ...(staffId ? { [STAFF_HEADER]: staffId } : {}) },
    payload: {
      fileName: 'نمای ورودی.png',
      mime,
      dataBase64: typeof data === 'string' ? data : data.toString('base64'),
      caption: 'ورودی',
    },
  });
}

function fetchImage(imageId: string, headers: Record<string, string> = {}) {
  return server.app.inject({ method: 'GET', url: setupPaths.publicImage(imageId), headers });
}

describe('gallery upload', () => {
  it('re-encodes a PNG to WebP at most 1600 px and serves it publicly with caching headers', async () => {
    server = await startTestServer();
    const center = await addCenter(server);
    const res = await upload(center, center.managerId, await png(2400, 1200));
    expect(res.statusCode).toBe(200);
    const { imageId, width, height, bytes } = res.json();
    expect([width, height]).toEqual([1600, 800]);

    const image = await fetchImage(imageId);
    expect(image.statusCode).toBe(200);
    expect(image.headers['content-type']).toBe('image/webp');
    expect(image.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(image.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(image.rawPayload.length).toBe(bytes);
    const meta = await sharp(image.rawPayload).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 1600, 800]);

    const again = await fetchImage(imageId, { 'if-none-match': String(image.headers.etag) });
    expect(again.statusCode).toBe(304);
  });

  it('turns a phone JPEG upright and leaves its EXIF behind; a small image is not enlarged', async () => {
    server = await startTestServer();
    const center = await addCenter(server);
    const jpeg = await phoneJpeg();
    expect(jpeg.toString('latin1')).toContain('secret-owner');
    const res = await upload(center, center.managerId, jpeg, 'image/jpeg');
    expect(res.json()).toMatchObject({ width: 600, height: 800 });
    const stored = (await fetchImage(res.json().imageId)).rawPayload;
    const meta = await sharp(stored).metadata();
    expect(meta).toMatchObject({ format: 'webp', width: 600, height: 800 });
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(stored.toString('latin1')).not.toContain('secret-owner');
    expect(stored.toString('latin1')).not.toContain('phone-of-dr-k');
  });

  it('keeps the file at <dataDir>/media/<centerId>/<imageId>.webp and removes it on delete', async () => {
    const temp = tempDir('sync-media-');
    cleanups.push(temp.remove);
    server = await startTestServer({ store: await openSqliteStore(temp.dir), dataDir: temp.dir });
    const center = await addCenter(server);
    const { imageId } = (await upload(center, center.managerId, await png(40, 30))).json();
    const file = path.join(temp.dir, 'media', center.centerId, `${imageId}.webp`);
    expect((await sharp(fs.readFileSync(file)).metadata()).format).toBe('webp');

    const other = await addCenter(server, 'مرکز دیگر');
    const del = (desk: TestCenter) =>
      server.app.inject({
        method: 'DELETE',
        url: setupPaths.galleryImage(imageId),
        headers: { ...auth(desk.token), [STAFF_HEADER]: desk.managerId },
      });
    expect((await del(other)).statusCode).toBe(404);
    expect(fs.existsSync(file)).toBe(true);
    const deleted = await del(center);
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json()).toEqual({ imageId });
    expect(fs.existsSync(file)).toBe(false);
    expect((await fetchImage(imageId)).statusCode).toBe(404);
  });

  it('refuses a garbage file, an SVG, a truncated JPEG and bad base64 with 400 and a Persian message, storing nothing', async () => {
    server = await startTestServer();
    const center = await addCenter(server);
    const garbage = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 37) % 256));
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    const jpeg = await phoneJpeg();
    const cases: [Buffer | string, string][] = [
      [garbage, 'not-an-image'],
      [svg, 'not-an-image'],
      [jpeg.subarray(0, jpeg.length >> 1), 'broken-image'],
    ];
    for (const [data, reason] of cases) {
      const res = await upload(center, center.managerId, data, 'image/jpeg');
      expect(res.statusCode, reason).toBe(400);
      expect(res.json()).toMatchObject({ code: 'invalid', details: { reason } });
      expect(res.json().message).toMatch(/تصویر/);
    }
    const badBase64 = await upload(center, center.managerId, 'not*base64!');
    expect(badBase64.statusCode).toBe(400);
    expect(badBase64.json().details.fields).toHaveProperty('dataBase64');
    expect((server.app.syncMedia as MemoryMediaFiles).files.size).toBe(0);
  });

  it('refuses more than 10 MB decoded with 413', async () => {
    server = await startTestServer();
    const center = await addCenter(server);
    const res = await upload(center, center.managerId, Buffer.alloc(10 * 1024 * 1024 + 1, 7));
    expect(res.statusCode).toBe(413);
    expect(res.json().message).toMatch(/۱۰ مگابایت/);
  });

  it('needs an active staff member of the center with settings.edit in x-staff-id', async () => {
    server = await startTestServer();
    const center = await addCenter(server);
    const nurse = staffDoc(center, { kind: 'nurse' });
    const granted = staffDoc(center, { kind: 'nurse', rightsGranted: ['settings.edit'] });
    await push(server, center.token, 'staff', [insertRow(nurse), insertRow(granted)]);
    const other = await addCenter(server, 'مرکز دیگر');
    const image = await png(20, 20);
    for (const staffId of [nurse.id, other.managerId, null]) {
      const res = await upload(center, staffId, image);
      expect(res.statusCode, String(staffId)).toBe(403);
      expect(res.json().code).toBe('forbidden');
    }
    expect((await upload(center, granted.id, image)).statusCode).toBe(200);
    const anonymous = await server.app.inject({
      method: 'POST',
      url: setupPaths.gallery,
      payload: {},
    });
    expect(anonymous.statusCode).toBe(401);
  });

  it(`keeps at most ${MAX_GALLERY_IMAGES} images per center`, async () => {
    server = await startTestServer();
    const center = await addCenter(server);
    const image = await png(8, 8);
    for (let i = 0; i < MAX_GALLERY_IMAGES; i++) {
      expect((await upload(center, center.managerId, image)).statusCode).toBe(200);
    }
    const full = await upload(center, center.managerId, image);
    expect(full.statusCode).toBe(400);
    expect(full.json().details).toEqual({ reason: 'gallery-full' });
    const files = (server.app.syncMedia as MemoryMediaFiles).files;
    expect(files.size).toBe(MAX_GALLERY_IMAGES);
  });

  it('answers 404 for an unknown or malformed public image name', async () => {
    server = await startTestServer();
    expect((await fetchImage('0190a0b0-0000-7000-8000-000000000000')).statusCode).toBe(404);
    const odd = await server.app.inject({ method: 'GET', url: '/public/images/..%2Fsync.sqlite' });
    expect(odd.statusCode).toBe(404);
    expect(odd.json().code).toBe('not-found');
  });
});
