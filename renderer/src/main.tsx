import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createHashRouter, Navigate, RouterProvider } from 'react-router';
import 'vazirmatn/misc/Farsi-Digits/Vazirmatn-FD-font-face.css';
// Latin digits, for links and handles only (see lib/inputs.ts); the browser loads it when used.
import 'vazirmatn/Vazirmatn-font-face.css';
import { Providers } from './app/Providers';
import { AppFrame } from './app/AppFrame';
import { PatientsPage } from './features/patients/PatientsPage';
import { NotFoundPage } from './app/NotFoundPage';
import { AuthGate } from './app/AuthGate';
import { SyncPage } from './features/sync/SyncPage';
import { ConflictsPage } from './features/sync/ConflictsPage';
import { HomeRedirect } from './app/AccessGuard';
import { SettingsPage } from './features/settings/SettingsPage';
import { LogsPage } from './features/logs/LogsPage';
import { DeskPage } from './features/desk/DeskPage';
import { AppointmentsPage } from './features/appointments/AppointmentsPage';
import { PatientFilePage } from './features/patients/PatientFilePage';
import { PackagesPage } from './features/packages/PackagesPage';
import { DayListPrint } from './features/print/DayListPrint';
import { SlipPrint } from './features/print/SlipPrint';
import { ReceiptPrint } from './features/print/ReceiptPrint';
import { CashierPage } from './features/cashier/CashierPage';
import { InvoicePage } from './features/cashier/InvoicePage';
import { ShopPage } from './features/shop/ShopPage';
import { InventoryPage } from './features/inventory/InventoryPage';
import { SmsPage } from './features/sms/SmsPage';

// Hash routing works the same from app:// in Electron and from the node-host.
const router = createHashRouter([
  {
    path: '/',
    element: <AppFrame />,
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: 'desk', element: <DeskPage /> },
      { path: 'appointments', element: <AppointmentsPage /> },
      { path: 'patients', element: <PatientsPage /> },
      { path: 'patients/:id', element: <PatientFilePage /> },
      { path: 'packages', element: <PackagesPage /> },
      { path: 'cashier', element: <Navigate to="/cashier/box" replace /> },
      { path: 'cashier/invoice', element: <InvoicePage /> },
      { path: 'cashier/:tab', element: <CashierPage /> },
      { path: 'shop', element: <ShopPage /> },
      { path: 'shop/:tab', element: <ShopPage /> },
      { path: 'inventory', element: <Navigate to="/inventory/levels" replace /> },
      { path: 'inventory/:tab', element: <InventoryPage /> },
      { path: 'sms', element: <Navigate to="/sms/queue" replace /> },
      { path: 'sms/:tab', element: <SmsPage /> },
      { path: 'sync', element: <SyncPage /> },
      { path: 'conflicts', element: <ConflictsPage /> },
      { path: 'settings', element: <Navigate to="/settings/center" replace /> },
      { path: 'settings/:tab', element: <SettingsPage /> },
      { path: 'logs', element: <LogsPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  // Printable pages: an A4 sheet without the app frame.
  { path: '/print/day', element: <DayListPrint /> },
  { path: '/print/slip/:id', element: <SlipPrint /> },
  { path: '/print/receipt/:id', element: <ReceiptPrint /> },
]);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Providers>
      <AuthGate>
        <RouterProvider router={router} />
      </AuthGate>
    </Providers>
  </StrictMode>,
);
