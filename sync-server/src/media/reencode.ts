/**
 * Every gallery image is decoded and encoded again as WebP by sharp (libvips): at most 1600 px on
 * its longest side, turned upright by its EXIF orientation, with all metadata (EXIF with GPS and
 * camera, XMP, ICC) left behind — a photo of the clinic must not publish where a phone stood. Only
 * JPEG, PNG and WebP are read (no SVG, whose renderer is a far larger surface); anything that does
 * not decode cleanly is refused.
 */
import sharp from 'sharp';
import { AppError } from '../../../shared/api/errors';
import { HttpError } from '../http/errors';

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
export const MAX_IMAGE_SIDE = 1600;
/** Pixels decoded at most (a small file can declare a huge canvas): about a 50-megapixel photo. */
export const MAX_INPUT_PIXELS = 50_000_000;
const ACCEPTED_FORMATS = new Set(['jpeg', 'png', 'webp']);

export const NOT_AN_IMAGE = 'این فایل تصویر JPEG، PNG یا WebP نیست.';
export const BROKEN_IMAGE = 'این فایل تصویر سالمی نیست یا خوانده نمی‌شود.';
const TOO_LARGE = 'حجم تصویر بیش از ۱۰ مگابایت است.';
const BAD_BASE64 = 'دادهٔ تصویر (base64) معتبر نیست.';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes the upload's base64 strictly (Buffer.from would skip bad characters silently). */
export function decodeUpload(dataBase64: string): Buffer {
  if (dataBase64.length % 4 !== 0 || !BASE64.test(dataBase64)) {
    throw new AppError('invalid', BAD_BASE64, { fields: { dataBase64: BAD_BASE64 } });
  }
  const data = Buffer.from(dataBase64, 'base64');
  if (data.length > MAX_IMAGE_BYTES) throw new HttpError(413, 'invalid', TOO_LARGE);
  return data;
}

export interface EncodedImage {
  data: Buffer;
  width: number;
  height: number;
}

export async function reencodeImage(input: Buffer): Promise<EncodedImage> {
  const options = { failOn: 'error' as const, limitInputPixels: MAX_INPUT_PIXELS };
  let format: string | undefined;
  try {
    format = (await sharp(input, options).metadata()).format;
  } catch {
    throw new AppError('invalid', NOT_AN_IMAGE, { reason: 'not-an-image' });
  }
  if (!format || !ACCEPTED_FORMATS.has(format)) {
    throw new AppError('invalid', NOT_AN_IMAGE, { reason: 'not-an-image' });
  }
  try {
    const { data, info } = await sharp(input, options)
      .rotate()
      .resize({
        width: MAX_IMAGE_SIDE,
        height: MAX_IMAGE_SIDE,
        fit: 'inside',
        withoutEnlargement: true,
      })
      .webp({ quality: 82 })
      .toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  } catch {
    throw new AppError('invalid', BROKEN_IMAGE, { reason: 'broken-image' });
  }
}
