import type { ReactNode } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import Button from '@mui/material/Button';
import LockOutlinedIcon from '@mui/icons-material/LockOutlined';
import { PERMISSIONS } from '../../../shared/auth/rights';
import { EmptyState } from '../components/EmptyState';
import { useRights } from '../hooks/use-rights';
import { homePath, sectionOf, type Section } from './sections';

/** A section opened without the right to it (a typed or bookmarked address, a stale menu). */
export function NoAccessPage({ section }: { section: Section | null }) {
  const navigate = useNavigate();
  const rights = useRights();
  const home = homePath(rights);
  const needed = section?.permissions
    .map((id) => PERMISSIONS.find((p) => p.id === id)?.label)
    .filter(Boolean)
    .map((label) => `«${label}»`)
    .join(' یا ');
  return (
    <EmptyState
      icon={<LockOutlinedIcon color="disabled" sx={{ fontSize: 48 }} />}
      title={section ? `به بخش «${section.title}» دسترسی ندارید` : 'به این بخش دسترسی ندارید'}
      text={
        needed
          ? `این بخش برای حساب شما باز نیست. اگر برای کارتان لازم است، از مدیر مرکز بخواهید در «تنظیمات ← کارکنان» دسترسی ${needed} را به شما بدهد.`
          : 'این بخش برای حساب شما باز نیست. اگر برای کارتان لازم است، با مدیر مرکز صحبت کنید.'
      }
      action={
        home && (
          <Button variant="contained" onClick={() => navigate(home)}>
            بازگشت به صفحهٔ اصلی
          </Button>
        )
      }
    />
  );
}

/** Shows a section's page only to those with its right; others get a clear "no access" page. */
export function AccessGuard({ children }: { children: ReactNode }) {
  const location = useLocation();
  const rights = useRights();
  const section = sectionOf(location.pathname) ?? null;
  if (section && !rights.any(section.permissions)) return <NoAccessPage section={section} />;
  return <>{children}</>;
}

/** The start page: the first section this person may use. */
export function HomeRedirect() {
  const home = homePath(useRights());
  return home ? <Navigate to={home} replace /> : <NoAccessPage section={null} />;
}
