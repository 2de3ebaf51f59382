/**
 * The public profile's gallery (C2): upload and delete from a desk (device auth, the acting staff
 * member needs `settings.edit`), and the images served publicly by id. Which images the profile
 * shows, in which order and with which captions, is the center document's `gallery` (synced).
 */
import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../../shared/api/errors';
import {
  galleryUploadSchema,
  setupPaths,
  type GalleryUploadResponse,
} from '../../../shared/sync/protocol';
import { actingStaff } from '../http/acting-staff';
import { deviceOf } from '../http/auth';
import { parseOrInvalid } from '../replication/validate';
import type { SyncStore } from '../store/sync-store';
import type { MediaFiles } from './media-files';
import { decodeUpload, reencodeImage } from './reencode';

export interface MediaDeps {
  store: SyncStore;
  media: MediaFiles;
  now: () => Date;
}

/** Stored images per center; the center document's gallery holds at most 30 too. */
export const MAX_GALLERY_IMAGES = 30;
/** base64 of a 10 MB image plus the other fields. */
export const MAX_UPLOAD_BODY_BYTES = 15 * 1024 * 1024;

const GALLERY_FULL = 'گالری این مرکز پر است (حداکثر ۳۰ تصویر)؛ ابتدا تصویری را حذف کنید.';
const IMAGE_NOT_FOUND = 'این تصویر پیدا نشد.';

/** Device-authenticated: upload and delete. */
export function registerGalleryRoutes(app: FastifyInstance, deps: MediaDeps): void {
  app.post(
    setupPaths.gallery,
    { bodyLimit: MAX_UPLOAD_BODY_BYTES },
    async (request): Promise<GalleryUploadResponse> => {
      const device = deviceOf(request);
      const staff = await actingStaff(deps.store, request, 'settings.edit');
      const input = parseOrInvalid(
        galleryUploadSchema,
        request.body,
        'درخواست بارگذاری معتبر نیست.',
      );
      const image = await reencodeImage(decodeUpload(input.dataBase64));
      const imageId = uuidv7();
      // The file first: a row never points at a missing file. A refused row removes the file.
      await deps.media.write(device.centerId, imageId, image.data);
      try {
        await deps.store.write(async (tx) => {
          if ((await tx.countGalleryImages(device.centerId)) >= MAX_GALLERY_IMAGES) {
            throw new AppError('invalid', GALLERY_FULL, { reason: 'gallery-full' });
          }
          await tx.insertGalleryImage({
            id: imageId,
            centerId: device.centerId,
            fileName: input.fileName,
            caption: input.caption,
            width: image.width,
            height: image.height,
            bytes: image.data.length,
            createdAt: deps.now().toISOString(),
            createdBy: staff.id,
          });
        });
      } catch (error) {
        await deps.media.remove(device.centerId, imageId);
        throw error;
      }
      request.log.info({ imageId, bytes: image.data.length }, 'gallery image stored');
      return { imageId, width: image.width, height: image.height, bytes: image.data.length };
    },
  );

  app.delete<{ Params: { imageId: string } }>(
    setupPaths.galleryImage(':imageId'),
    async (request): Promise<{ imageId: string }> => {
      const device = deviceOf(request);
      await actingStaff(deps.store, request, 'settings.edit');
      const image = await deps.store.getGalleryImage(request.params.imageId);
      if (!image || image.centerId !== device.centerId) {
        throw new AppError('not-found', IMAGE_NOT_FOUND);
      }
      await deps.store.write((tx) => tx.deleteGalleryImage(image.id));
      await deps.media.remove(image.centerId, image.id);
      request.log.info({ imageId: image.id }, 'gallery image deleted');
      return { imageId: image.id };
    },
  );
}

const PUBLIC_FILE = /^([A-Za-z0-9-]{1,64})\.webp$/;
/** An image id names one content forever (a changed image gets a new id), so caches may keep it. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Public, no authentication: what the portal's profile pages (and anyone) load. */
export function registerPublicImageRoute(app: FastifyInstance, deps: MediaDeps): void {
  app.get<{ Params: { file: string } }>(
    setupPaths.publicImage(':file').replace(/\.webp$/, ''),
    async (request, reply) => {
      const id = PUBLIC_FILE.exec(request.params.file)?.[1];
      const image = id ? await deps.store.getGalleryImage(id) : null;
      const data = image ? await deps.media.read(image.centerId, image.id) : null;
      if (!image || !data) throw new AppError('not-found', IMAGE_NOT_FOUND);
      const etag = `"${image.id}"`;
      reply
        .header('cache-control', IMMUTABLE)
        .header('etag', etag)
        // Shown by pages of other origins too (the desk's window, a center's own site).
        .header('cross-origin-resource-policy', 'cross-origin');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.type('image/webp').send(data);
    },
  );
}
