import { Navigate, useNavigate, useParams } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Paper from '@mui/material/Paper';
import Tab from '@mui/material/Tab';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import PersonSearchIcon from '@mui/icons-material/PersonSearchOutlined';
import { EmptyState } from '../../components/EmptyState';
import { usePatientParam } from '../../hooks/use-patient-param';
import { useRights } from '../../hooks/use-rights';
import { PatientPicker } from '../patients/PatientPicker';
import { BalancesTab } from './BalancesTab';
import { BoxPanel } from './BoxPanel';
import { InvoicesTab } from './InvoicesTab';
import { PatientAccount } from './PatientAccount';
import { TransactionsTab } from './TransactionsTab';

/** The shift's box beside the patient being served: find them, take money, give it back. */
function BoxTab() {
  const [patient, setPatient] = usePatientParam();
  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateColumns: '340px minmax(0, 1fr)',
        gap: 2,
        alignItems: 'start',
      }}
    >
      <BoxPanel />
      <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, minWidth: 0 }}>
        <Paper variant="outlined" sx={{ p: 2 }}>
          <PatientPicker value={patient} onChange={setPatient} autoFocus={!patient} />
        </Paper>
        {patient ? (
          <PatientAccount
            patientId={patient.id}
            patientName={`${patient.firstName} ${patient.lastName}`}
          />
        ) : (
          <Paper variant="outlined">
            <EmptyState
              icon={<PersonSearchIcon color="disabled" sx={{ fontSize: 48 }} />}
              title="بیمار را پیدا کنید"
              text="نام، کد ملی یا شمارهٔ همراه بیمار را بنویسید تا بدهی، اعتبار و صورت‌حساب‌های پرداخت‌نشدهٔ او را ببینید، وجه بگیرید، پیش‌پرداخت ثبت کنید یا بازپرداخت کنید."
            />
          </Paper>
        )}
      </Box>
    </Box>
  );
}

const TABS = [
  { id: 'box', label: 'صندوق و دریافت', page: BoxTab },
  { id: 'invoices', label: 'صورت‌حساب‌ها', page: InvoicesTab },
  { id: 'transactions', label: 'تراکنش‌ها', page: TransactionsTab },
  { id: 'balances', label: 'بدهکاران و بستانکاران', page: BalancesTab },
] as const;

/** Revenue and the cashier (B6): the box, invoices, transactions, debtors and creditors. */
export function CashierPage() {
  const { tab } = useParams();
  const navigate = useNavigate();
  const rights = useRights();
  const current = TABS.find((t) => t.id === tab);
  if (!current) return <Navigate to="/cashier/box" replace />;
  const Page = current.page;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          صندوق و درآمد
        </Typography>
        {rights.has('cashier.receive') && (
          <Button
            variant="contained"
            startIcon={<AddIcon />}
            onClick={() => navigate('/cashier/invoice')}
          >
            صورت‌حساب خدمات تازه
          </Button>
        )}
      </Box>
      <Tabs
        value={current.id}
        onChange={(_e, id: string) => navigate(`/cashier/${id}`)}
        aria-label="بخش‌های صندوق"
        sx={{ borderBottom: 1, borderColor: 'divider' }}
      >
        {TABS.map((t) => (
          <Tab key={t.id} value={t.id} label={t.label} />
        ))}
      </Tabs>
      <Page />
    </Box>
  );
}
