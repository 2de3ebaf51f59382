import Paper from '@mui/material/Paper';
import Inventory2Icon from '@mui/icons-material/Inventory2Outlined';
import { EmptyState } from './EmptyState';

/**
 * Said wherever the inventory add-on would be used on a desk whose licence lacks it: what it is
 * and how to get it. Nothing that the core would refuse is offered next to it.
 */
export function ModuleMissing({ what }: { what: string }) {
  return (
    <Paper variant="outlined">
      <EmptyState
        icon={<Inventory2Icon color="disabled" sx={{ fontSize: 48 }} />}
        title="ماژول انبار در اشتراک این مرکز نیست"
        text={`${what} بخشی از ماژول «انبار» است که جداگانه خریداری می‌شود: کالاها، انبارها، موجودی، ورود و انتقال کالا و هشدار کمبود. برای افزودن آن با پشتیبانی تماس بگیرید؛ پس از تمدید اشتراک، این بخش بی‌درنگ باز می‌شود. بخش‌های خریداری‌شده را در «تنظیمات ← اشتراک» ببینید.`}
      />
    </Paper>
  );
}
