/**
 * Amounts in messages people read, in the unit the center prices in (Toman for most clinics), so a
 * refusal speaks the same unit as the field it is about. Audit texts keep exact Rials.
 */
import { persianGrouped } from '../../../shared/text/normalize';
import type { CoreContext } from '../context';

export async function centerAmount(ctx: CoreContext, rial: number): Promise<string> {
  const center = await ctx.db.center.findOne(ctx.device.centerId).exec();
  if (center?.moneyUnit !== 'rial' && rial % 10 === 0) return `${persianGrouped(rial / 10)} تومان`;
  return `${persianGrouped(rial)} ریال`;
}
