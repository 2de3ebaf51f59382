import { AppError } from '../../../shared/api/errors';
import type { CoreContext } from '../context';

/** Inventory is an add-on module (C6): on an enrolled desk the signed licence must include it. */
export function inventoryEnabled(ctx: CoreContext): boolean {
  return !ctx.sync.enrolled || ctx.licence.status().modules.includes('inventory');
}

export async function requireInventory(ctx: CoreContext): Promise<void> {
  if (!inventoryEnabled(ctx)) {
    throw new AppError(
      'forbidden',
      'ماژول انبار در مجوز این مرکز فعال نیست؛ برای خرید آن با پشتیبانی تماس بگیرید.',
      { reason: 'module-inventory' },
    );
  }
}
