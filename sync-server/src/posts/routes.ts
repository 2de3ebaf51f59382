/**
 * The public profile's blog posts (C2), per center: list, create, update, delete from a desk
 * (device auth; the acting staff member needs `settings.view` to list and `settings.edit` to
 * change). Title and body are plain text, stored exactly as given and only ever returned as JSON
 * fields: the server renders no HTML from them (the portal escapes them like any text).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { AppError } from '../../../shared/api/errors';
import { postInputSchema, setupPaths, type BlogPost } from '../../../shared/sync/protocol';
import { actingStaff } from '../http/acting-staff';
import { deviceOf } from '../http/auth';
import { parseOrInvalid } from '../replication/validate';
import type { PostRecord } from '../store/setup-store';
import type { SyncStore } from '../store/sync-store';

export interface PostDeps {
  store: SyncStore;
  now: () => Date;
}

export const MAX_POSTS_PER_CENTER = 500;
/** 20,000 characters of Persian (two bytes each in UTF-8) and JSON escaping, with room to spare. */
export const MAX_POST_BODY_BYTES = 128 * 1024;

const POST_NOT_FOUND = 'این نوشته پیدا نشد.';
const TOO_MANY = 'تعداد نوشته‌های این مرکز به سقف ۵۰۰ رسیده است؛ نوشته‌های قدیمی را حذف کنید.';
const BAD_POST = 'نوشته معتبر نیست.';

function toPost(p: PostRecord): BlogPost {
  return {
    id: p.id,
    centerId: p.centerId,
    title: p.title,
    body: p.body,
    published: p.published,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
}

type PostRequest = FastifyRequest<{ Params: { postId: string } }>;

/** The post, if it belongs to the device's center (another center's is "not found" too). */
async function ownPost(store: SyncStore, request: PostRequest): Promise<PostRecord> {
  const post = await store.getPost(request.params.postId);
  if (!post || post.centerId !== deviceOf(request).centerId) {
    throw new AppError('not-found', POST_NOT_FOUND);
  }
  return post;
}

export function registerPostRoutes(app: FastifyInstance, deps: PostDeps): void {
  const options = { bodyLimit: MAX_POST_BODY_BYTES };

  app.get(setupPaths.posts, async (request): Promise<BlogPost[]> => {
    await actingStaff(deps.store, request, 'settings.view');
    return (await deps.store.listPosts(deviceOf(request).centerId)).map(toPost);
  });

  app.post(setupPaths.posts, options, async (request, reply): Promise<BlogPost> => {
    const centerId = deviceOf(request).centerId;
    const staff = await actingStaff(deps.store, request, 'settings.edit');
    const input = parseOrInvalid(postInputSchema, request.body, BAD_POST);
    const at = deps.now().toISOString();
    const post: PostRecord = {
      id: uuidv7(),
      centerId,
      ...input,
      createdAt: at,
      updatedAt: at,
      createdBy: staff.id,
      updatedBy: staff.id,
    };
    await deps.store.write(async (tx) => {
      if ((await tx.countPosts(centerId)) >= MAX_POSTS_PER_CENTER) {
        throw new AppError('invalid', TOO_MANY, { reason: 'too-many-posts' });
      }
      await tx.insertPost(post);
    });
    reply.code(201);
    return toPost(post);
  });

  app.put(setupPaths.post(':postId'), options, async (request: PostRequest): Promise<BlogPost> => {
    const staff = await actingStaff(deps.store, request, 'settings.edit');
    const input = parseOrInvalid(postInputSchema, request.body, BAD_POST);
    const before = await ownPost(deps.store, request);
    const post: PostRecord = {
      ...before,
      ...input,
      updatedAt: deps.now().toISOString(),
      updatedBy: staff.id,
    };
    await deps.store.write((tx) => tx.updatePost(post));
    return toPost(post);
  });

  app.delete(setupPaths.post(':postId'), async (request: PostRequest): Promise<{ id: string }> => {
    await actingStaff(deps.store, request, 'settings.edit');
    const post = await ownPost(deps.store, request);
    await deps.store.write((tx) => tx.deletePost(post.id));
    return { id: post.id };
  });
}
