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

export interface Section {
  path: string;
  title: string;
  icon: ReactElement;
  /** Sections still being built show in the menu, disabled, so staff see what is coming. */
  ready: boolean;
}

export const SECTIONS: Section[] = [
  { path: '/desk', title: 'میز نوبت‌دهی', icon: <EventNoteIcon />, ready: false },
  { path: '/appointments', title: 'نوبت‌ها و پذیرش', icon: <ListAltIcon />, ready: false },
  { path: '/patients', title: 'بیماران', icon: <PeopleIcon />, ready: true },
  { path: '/packages', title: 'بسته‌های جلسه‌ای', icon: <ConfirmationNumberIcon />, ready: false },
  { path: '/shop', title: 'فروشگاه کالا', icon: <StorefrontIcon />, ready: false },
  { path: '/cashier', title: 'صندوق و درآمد', icon: <PointOfSaleIcon />, ready: false },
  { path: '/inventory', title: 'انبار', icon: <InventoryIcon />, ready: false },
  { path: '/sms', title: 'پیامک‌ها', icon: <SmsIcon />, ready: false },
  { path: '/conflicts', title: 'صف تعارض‌ها', icon: <CallSplitIcon />, ready: true },
  { path: '/sync', title: 'همگام‌سازی', icon: <SyncIcon />, ready: true },
  { path: '/settings', title: 'تنظیمات', icon: <SettingsIcon />, ready: false },
  { path: '/logs', title: 'گزارش تغییرات', icon: <HistoryIcon />, ready: false },
];
