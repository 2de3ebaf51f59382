/**
 * The host side of every transport: one untrusted request in, one {@link CallResponse} out.
 * Errors become data here and nowhere else.
 */
import type { CallResponse } from '../../shared/api/contract';
import { AppError, toApiError } from '../../shared/api/errors';
import type { Core } from './create-core';

export async function serveCall(core: Core, request: unknown): Promise<CallResponse> {
  try {
    if (
      typeof request !== 'object' ||
      request === null ||
      typeof (request as { method?: unknown }).method !== 'string'
    ) {
      throw new AppError('invalid', 'درخواست نامعتبر است.');
    }
    const { method, args } = request as { method: string; args?: unknown };
    const result = await core.callUnknown(method, args ?? {});
    return { ok: true, result };
  } catch (error) {
    if (!(error instanceof AppError)) console.error('core call failed', error);
    return { ok: false, error: toApiError(error) };
  }
}
