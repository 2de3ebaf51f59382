/**
 * Gallery and blog of the public profile (C2): kept on the sync server, so these calls go there at
 * once (online only) in the acting staff member's name; the center document keeps the gallery's
 * order and captions, so that change is synced and audited like any other.
 */
import { AppError } from '../../../shared/api/errors';
import type { Center } from '../../../shared/domain/center';
import {
  setupPaths,
  type BlogPost,
  type GalleryUploadResponse,
} from '../../../shared/sync/protocol';
import { updatedFields, type CoreContext } from '../context';
import { OfflineError, type SyncHttp } from '../sync/http';
import type { Handlers } from '../registry';

const STAFF_HEADER = 'x-staff-id';

function server(ctx: CoreContext): SyncHttp {
  const http = ctx.sync.http();
  if (!http)
    throw new AppError(
      'invalid',
      'برای گالری و نوشته‌ها، این رایانه باید به سرور مرکز وصل شده باشد.',
    );
  return http;
}

/** A server call for the acting person; unreachable → `offline` with a clear message. */
async function online<T>(
  ctx: CoreContext,
  run: (http: SyncHttp, headers: Record<string, string>) => Promise<T>,
): Promise<T> {
  try {
    return await run(server(ctx), { [STAFF_HEADER]: ctx.actor.staffId });
  } catch (error) {
    if (error instanceof OfflineError) {
      throw new AppError(
        'offline',
        'سرور مرکز در دسترس نیست؛ گالری و نوشته‌ها فقط با اتصال به شبکه تغییر می‌کنند.',
      );
    }
    throw error;
  }
}

async function centerDoc(ctx: CoreContext) {
  const doc = await ctx.db.center.findOne(ctx.device.centerId).exec();
  if (!doc) throw new AppError('invalid', 'ابتدا این رایانه را به مرکز وصل کنید.');
  return doc;
}

export const profileHandlers: Partial<Handlers> = {
  async 'gallery.list'(_args, ctx) {
    const doc = await ctx.db.center.findOne(ctx.device.centerId).exec();
    const http = ctx.sync.http();
    return Promise.all(
      (doc?.gallery ?? []).map(async (item) => {
        let dataUrl: string | null = null;
        if (http) {
          try {
            const res = await fetch(http.url(setupPaths.publicImage(item.imageId)), {
              signal: AbortSignal.timeout(10_000),
            });
            if (res.ok)
              dataUrl = `data:image/webp;base64,${Buffer.from(await res.arrayBuffer()).toString('base64')}`;
          } catch {
            // Offline: the list still shows the captions.
          }
        }
        return { imageId: item.imageId, caption: item.caption, dataUrl };
      }),
    );
  },

  async 'gallery.upload'(args, ctx) {
    const doc = await centerDoc(ctx);
    if (doc.gallery.length >= 30)
      throw new AppError('invalid', 'گالری پر است (حداکثر ۳۰ تصویر)؛ ابتدا تصویری را حذف کنید.');
    const uploaded = await online(ctx, (http, headers) =>
      http.request<GalleryUploadResponse>('POST', setupPaths.gallery, args, undefined, headers),
    );
    const gallery = [...doc.gallery, { imageId: uploaded.imageId, caption: args.caption }];
    return ctx.writer.patch<Center>(
      'center',
      doc,
      { gallery, ...updatedFields(ctx) },
      `افزودن تصویر به گالری «${args.fileName}»`,
    );
  },

  async 'gallery.remove'({ imageId }, ctx) {
    const doc = await centerDoc(ctx);
    if (!doc.gallery.some((g) => g.imageId === imageId))
      throw new AppError('not-found', 'این تصویر در گالری نیست.');
    await online(ctx, (http, headers) =>
      http
        .request('DELETE', setupPaths.galleryImage(imageId), undefined, undefined, headers)
        .catch((error: unknown) => {
          // Already gone on the server: still take it out of the list.
          if (error instanceof AppError && error.code === 'not-found') return null;
          throw error;
        }),
    );
    const gallery = doc.gallery.filter((g) => g.imageId !== imageId);
    return ctx.writer.patch<Center>(
      'center',
      doc,
      { gallery, ...updatedFields(ctx) },
      'حذف تصویر از گالری',
    );
  },

  async 'posts.list'(_args, ctx) {
    return online(ctx, (http, headers) =>
      http.request<BlogPost[]>('GET', setupPaths.posts, undefined, undefined, headers),
    );
  },

  async 'posts.save'({ id, ...post }, ctx) {
    return online(ctx, (http, headers) =>
      id
        ? http.request<BlogPost>('PUT', setupPaths.post(id), post, undefined, headers)
        : http.request<BlogPost>('POST', setupPaths.posts, post, undefined, headers),
    );
  },

  async 'posts.remove'({ id }, ctx) {
    await online(ctx, (http, headers) =>
      http.request('DELETE', setupPaths.post(id), undefined, undefined, headers),
    );
    return null;
  },
};
