/**
 * The public profile's gallery and blog, managed from a desk (C2): images go to the server, which
 * re-encodes them; the center document keeps the order and captions and syncs like anything else.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSyncRig, type RigDesk, type SyncRig } from '../support/sync-rig';

let rig: SyncRig;
let desk: RigDesk;

beforeAll(async () => {
  rig = await startSyncRig();
  desk = await rig.addDesk('desk-a');
}, 60_000);
afterAll(() => rig?.close());

async function png(width: number, height: number): Promise<string> {
  const image = await sharp({
    create: { width, height, channels: 3, background: { r: 15, g: 110, b: 110 } },
  })
    .png()
    .toBuffer();
  return image.toString('base64');
}

it('uploads an image, keeps it in the center document and shows it back', async () => {
  const center = await desk.core.call('gallery.upload', {
    fileName: 'reception.png',
    mime: 'image/png',
    dataBase64: await png(2400, 1200),
    caption: 'سالن انتظار',
  });
  expect(center.gallery).toHaveLength(1);
  expect(center.gallery[0]!.caption).toBe('سالن انتظار');
  const [item] = await desk.core.call('gallery.list', {});
  expect(item!.dataUrl).toMatch(/^data:image\/webp;base64,/);
  const stored = await sharp(Buffer.from(item!.dataUrl!.split(',')[1]!, 'base64')).metadata();
  expect(stored).toMatchObject({ format: 'webp', width: 1600, height: 800 });
  // Audited and synced like any other change of the center.
  expect((await desk.core.call('audit.list', { section: 'center' })).items[0]!.summary).toContain(
    'reception.png',
  );
  await desk.core.awaitSynced();
  const onServer = (await rig.serverDocs()).center[0] as { gallery: unknown[] };
  expect(onServer.gallery).toHaveLength(1);

  await expect(
    desk.core.call('gallery.upload', {
      fileName: 'x.png',
      mime: 'image/png',
      dataBase64: Buffer.from('not an image').toString('base64'),
    }),
  ).rejects.toMatchObject({ code: 'invalid' });
  expect((await desk.core.call('gallery.list', {})).length).toBe(1);

  const after = await desk.core.call('gallery.remove', { imageId: center.gallery[0]!.imageId });
  expect(after.gallery).toEqual([]);
});

it('writes, lists and removes blog posts; needs the server', async () => {
  const post = await desk.core.call('posts.save', {
    title: 'ساعت کاری نوروز',
    body: 'مرکز از ۱ تا ۴ فروردین تعطیل است.',
  });
  expect(post).toMatchObject({ title: 'ساعت کاری نوروز', published: true });
  expect((await desk.core.call('posts.list', {})).map((p) => p.id)).toEqual([post.id]);
  await desk.core.call('posts.save', {
    id: post.id,
    title: 'ساعت کاری نوروز ۱۴۰۶',
    body: post.body,
    published: false,
  });
  expect((await desk.core.call('posts.list', {}))[0]!.published).toBe(false);
  await expect(desk.core.call('posts.save', { title: ' ', body: 'x' })).rejects.toMatchObject({
    code: 'invalid',
  });

  desk.proxy.cut();
  await expect(desk.core.call('posts.list', {})).rejects.toMatchObject({ code: 'offline' });
  desk.proxy.restore();
  await desk.core.call('posts.remove', { id: post.id });
  expect(await desk.core.call('posts.list', {})).toEqual([]);
});
