import type { ReactElement } from 'react';
import EventNoteIcon from '@mui/icons-material/EventNote';
import ListAltIcon from '@mui/icons-material/ListAlt';
import PeopleIcon from '@mui/icons-material/People';
import ConfirmationNumberIcon from '@mui/icons-material/ConfirmationNumber';
import StorefrontIcon from '@mui/icons-material/Storefront';
import PointOfSaleIcon from '@mui/icons-material/PointOfSale';
import InventoryIcon from '@mui/icons-material/Inventory2';
import SmsIcon from '@mui/icons-material/Sms';
import SettingsIcon from '@mui/icons-material/Settings';
import HistoryIcon from '@mui/icons-material/History';
import CallSplitIcon from '@mui/icons-material/CallSplit';
import SyncIcon from '@mui/icons-material/Sync';
import type { PermissionId } from '../../../shared/auth/rights';
import type { Rights } from '../hooks/use-rights';

export interface Section {
  /** Also the permission catalogue's section id, without the slash (`/cashier` → `cashier`). */
  path: string;
  title: string;
  icon: ReactElement;
  /** Sections still being built show in the menu, disabled, so staff see what is coming. */
  ready: boolean;
  /** Any one of these opens the section; none listed = everyone (this desk's own pages). */
  permissions: readonly PermissionId[];
}

export const SECTIONS: readonly Section[] = [
  {
    path: '/desk',
    title: 'میز نوبت‌دهی',
    icon: <EventNoteIcon />,
    ready: true,
    permissions: ['appointments.view'],
  },
  {
    path: '/appointments',
    title: 'نوبت‌ها و پذیرش',
    icon: <ListAltIcon />,
    ready: true,
    permissions: ['appointments.view'],
  },
  {
    path: '/patients',
    title: 'بیماران',
    icon: <PeopleIcon />,
    ready: true,
    permissions: ['patients.view'],
  },
  {
    path: '/packages',
    title: 'بسته‌های جلسه‌ای',
    icon: <ConfirmationNumberIcon />,
    ready: true,
    permissions: ['packages.sell', 'packages.attend'],
  },
  {
    path: '/shop',
    title: 'فروشگاه کالا',
    icon: <StorefrontIcon />,
    ready: true,
    permissions: ['shop.sell', 'shop.deliver'],
  },
  {
    path: '/cashier',
    title: 'صندوق و درآمد',
    icon: <PointOfSaleIcon />,
    ready: true,
    permissions: ['cashier.view'],
  },
  {
    path: '/inventory',
    title: 'انبار',
    icon: <InventoryIcon />,
    ready: true,
    permissions: ['inventory.view'],
  },
  { path: '/sms', title: 'پیامک‌ها', icon: <SmsIcon />, ready: true, permissions: ['sms.view'] },
  {
    path: '/conflicts',
    title: 'صف تعارض‌ها',
    icon: <CallSplitIcon />,
    ready: true,
    permissions: ['appointments.view'],
  },
  { path: '/sync', title: 'همگام‌سازی', icon: <SyncIcon />, ready: true, permissions: [] },
  {
    path: '/settings',
    title: 'تنظیمات',
    icon: <SettingsIcon />,
    ready: true,
    permissions: ['settings.view'],
  },
  {
    path: '/logs',
    title: 'گزارش تغییرات',
    icon: <HistoryIcon />,
    ready: true,
    permissions: ['logs.view'],
  },
];

export function sectionOf(path: string): Section | undefined {
  return SECTIONS.find((s) => path === s.path || path.startsWith(`${s.path}/`));
}

/** The Persian title of a permission-catalogue section id (`cashier` → «صندوق و درآمد»). */
export function sectionTitle(id: string): string {
  return SECTIONS.find((s) => s.path === `/${id}`)?.title ?? id;
}

export function visibleSections(rights: Rights): Section[] {
  return SECTIONS.filter((s) => rights.any(s.permissions));
}

/** Where to land: the first built section this person may open. */
export function homePath(rights: Rights): string | null {
  return visibleSections(rights).find((s) => s.ready)?.path ?? null;
}
