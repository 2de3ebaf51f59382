/**
 * The public profile's media (C2): gallery images and blog posts live on the sync server (they only
 * serve the public profile), so these calls need the server to be reachable.
 */
import { z } from 'zod';
import { method, returns } from './method';
import type { Center } from '../domain/center';
import type { BlogPost } from '../sync/protocol';
import { idField } from '../schema/base';

export interface GalleryItem {
  imageId: string;
  caption: string;
  /** The re-encoded image (WebP) as a data URL, for showing it in the back office. */
  dataUrl: string | null;
}

export const profileMethods = {
  'gallery.list': method({
    description: "The center's gallery images with their captions (fetched from the server).",
    args: z.object({}).default({}),
    result: returns<GalleryItem[]>(),
    permission: 'settings.view',
  }),
  'gallery.upload': method({
    description:
      'Uploads an image to the public gallery; the server re-encodes and size-limits it.',
    args: z.object({
      fileName: z.string().min(1).max(200),
      mime: z.enum(['image/jpeg', 'image/png', 'image/webp'], {
        error: 'فقط تصویر JPEG، PNG یا WebP پذیرفته است.',
      }),
      dataBase64: z.string().min(1).max(14_000_000, 'حجم تصویر بیش از ۱۰ مگابایت است.'),
      caption: z.string().trim().max(200, 'توضیح تصویر حداکثر ۲۰۰ حرف است.').default(''),
    }),
    result: returns<Center>(),
    write: true,
    permission: 'settings.edit',
  }),
  'gallery.remove': method({
    description: 'Removes an image from the public gallery.',
    args: z.object({ imageId: idField }),
    result: returns<Center>(),
    write: true,
    permission: 'settings.edit',
  }),
  'posts.list': method({
    description: "The center's blog posts (fetched from the server).",
    args: z.object({}).default({}),
    result: returns<BlogPost[]>(),
    permission: 'settings.view',
  }),
  'posts.save': method({
    description: 'Creates or edits a blog post of the public profile (plain text).',
    args: z.object({
      id: idField.optional(),
      title: z
        .string({ error: 'عنوان را بنویسید.' })
        .trim()
        .min(1, 'عنوان را بنویسید.')
        .max(200, 'عنوان حداکثر ۲۰۰ حرف است.'),
      body: z
        .string({ error: 'متن را بنویسید.' })
        .trim()
        .min(1, 'متن را بنویسید.')
        .max(20_000, 'متن حداکثر ۲۰٬۰۰۰ حرف است.'),
      published: z.boolean().default(true),
    }),
    result: returns<BlogPost>(),
    write: true,
    permission: 'settings.edit',
  }),
  'posts.remove': method({
    description: 'Deletes a blog post.',
    args: z.object({ id: idField }),
    result: returns<null>(),
    write: true,
    permission: 'settings.edit',
  }),
};
