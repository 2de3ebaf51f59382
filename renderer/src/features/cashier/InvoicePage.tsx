import { useCallback, useEffect, useMemo, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLongOutlined';
import type { CatalogItem } from '../../../../shared/domain/catalog';
import { useCall } from '../../hooks/use-call';
import { useCenter, useMoneyUnit } from '../../hooks/use-center';
import { usePatientParam } from '../../hooks/use-patient-param';
import { useProblem } from '../../hooks/use-problem';
import { useRights } from '../../hooks/use-rights';
import { timeRange } from '../../lib/appointments';
import { bridge } from '../../lib/bridge';
import { formMessage } from '../../lib/errors';
import { jalaliDate } from '../../lib/format';
import { amountToRial, percentText } from '../../lib/money';
import { readCount } from '../../lib/numbers';
import { useAuth } from '../../state/auth-store';
import { PatientPicker } from '../patients/PatientPicker';
import { InvoiceDialog } from './InvoiceDialog';
import { InvoiceTable } from './InvoiceTable';
import { draftLine, ServiceLines, type DraftLine } from './ServiceLines';
import { useQuote, type QuoteArgs } from './use-quote';

const TOP_FIELDS = ['patientId', 'basicInsurerId', 'supplementaryInsurerId'];

/** The form's lines → the quote's lines, with the form's own problems (text that is not a number). */
function readLines(lines: DraftLine[], unit: 'rial' | 'toman') {
  const problems: Record<string, string> = {};
  const out = lines.map((l, i) => {
    const qty = readCount(l.qty);
    if (qty === undefined || Number.isNaN(qty))
      problems[`lines.${i}.qty`] = 'تعداد را به عدد وارد کنید.';
    const discount = amountToRial(l.discount, unit);
    if (discount !== undefined && Number.isNaN(discount))
      problems[`lines.${i}.discountRial`] = 'تخفیف را به عدد وارد کنید.';
    if (discount && !l.reason.trim())
      problems[`lines.${i}.discountReason`] = 'برای تخفیف دلیل بنویسید.';
    return {
      kind: 'service' as const,
      itemId: l.itemId,
      qty: qty ?? 1,
      discountRial: discount ?? 0,
      discountReason: l.reason,
    };
  });
  return { lines: out, problems, complete: lines.every((l) => l.itemId !== '') };
}

function insurerOptions(insurers: CatalogItem[], type: 'basic' | 'supplementary') {
  return [
    <MenuItem key="" value="">
      بدون بیمه
    </MenuItem>,
    ...insurers
      .filter((i) => i.insurerType === type && i.active)
      .map((i) => (
        <MenuItem key={i.id} value={i.id}>
          {i.name}
        </MenuItem>
      )),
  ];
}

/** The booking the bill is for: when, with whom, for what. */
function VisitSummary({ id, onService }: { id: string; onService(serviceId: string): void }) {
  const { data: visit, error } = useCall('appointments.row', { id }, ['appointments']);
  const serviceId = visit?.serviceId ?? '';
  useEffect(() => onService(serviceId), [serviceId, onService]);
  if (error) return <Alert severity="warning">{error.message}</Alert>;
  if (!visit) return null;
  return (
    <Alert severity="info" icon={<ReceiptLongIcon />} data-testid="invoice-visit">
      برای نوبت {jalaliDate(visit.date)} ساعت {timeRange(visit.start, visit.end)} نزد{' '}
      {visit.providerName}
      {visit.serviceName ? ` — ${visit.serviceName}` : ''}
    </Alert>
  );
}

/**
 * A service invoice (C4, B6): from the patient's file or a booking, the services done, the basic
 * and supplementary insurer, per-line discounts; priced live by the core as it is written.
 */
export function InvoicePage() {
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const appointmentId = params.get('appointment') ?? '';
  const [patient, setPatient] = usePatientParam();
  const unit = useMoneyUnit();
  const center = useCenter();
  const rights = useRights();
  const isManager = useAuth((s) => s.state?.session?.kind === 'manager' || !s.state?.loginRequired);
  const catalog = useCall('catalog.listAll', {}, ['catalog']).data;
  const [basic, setBasic] = useState('');
  const [supplementary, setSupplementary] = useState('');
  const [lines, setLines] = useState<DraftLine[]>(() => [draftLine()]);
  const [issued, setIssued] = useState<string | null>(null);
  const form = useProblem();

  // A booking's service starts the bill.
  const startWith = useCallback((serviceId: string) => {
    if (serviceId)
      setLines((ls) => (ls.length === 1 && !ls[0]!.itemId ? [draftLine(serviceId)] : ls));
  }, []);

  const services = useMemo(() => (catalog?.services ?? []).filter((s) => s.active), [catalog]);
  const read = readLines(lines, unit);
  const quoteArgs: QuoteArgs | null =
    patient && read.complete && Object.keys(read.problems).length === 0
      ? {
          kind: 'service',
          patientId: patient.id,
          appointmentId,
          basicInsurerId: basic,
          supplementaryInsurerId: supplementary,
          lines: read.lines,
        }
      : null;
  const live = useQuote(quoteArgs);
  const fields = { ...read.problems, ...live.problem?.fields, ...form.fields };
  // The quote's refusal (a discount over the ceiling says the ceiling) shows with its field marked.
  const topMessage =
    formMessage(form.problem, [...TOP_FIELDS, ...Object.keys(fields)]) ??
    live.problem?.message ??
    null;
  const ceiling = isManager
    ? 'مدیر مرکز بی‌سقف تخفیف می‌دهد.'
    : `سقف تخفیف شما ${percentText(center?.maxDiscountBp ?? 0)} سهم بیمار در هر ردیف است.`;

  const issue = () => {
    if (!patient) return form.refuse({ patientId: 'بیمار را انتخاب کنید.' });
    if (!read.complete) {
      const missing: Record<string, string> = {};
      lines.forEach((l, i) => {
        if (!l.itemId) missing[`lines.${i}.itemId`] = 'خدمت را انتخاب کنید.';
      });
      return form.refuse(missing);
    }
    if (Object.keys(read.problems).length) return form.refuse(read.problems);
    return form.run(async () => {
      const invoice = await bridge.call('invoices.issue', quoteArgs!);
      setIssued(invoice.id);
      setLines([draftLine()]);
    });
  };

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, maxWidth: 1100 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1.5 }}>
        <Button startIcon={<ArrowForwardIcon />} onClick={() => navigate(-1)}>
          بازگشت
        </Button>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          صورت‌حساب خدمات
        </Typography>
      </Box>
      <Paper variant="outlined" sx={{ p: 2.5, display: 'flex', flexDirection: 'column', gap: 2 }}>
        {topMessage && (
          <Alert severity="error" role="alert">
            {topMessage}
          </Alert>
        )}
        <PatientPicker
          value={patient}
          onChange={(p) => {
            setPatient(p);
            form.clear('patientId');
          }}
          error={!!fields.patientId}
          helperText={fields.patientId}
          autoFocus={!patient}
        />
        {appointmentId && <VisitSummary id={appointmentId} onService={startWith} />}
        <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 2 }}>
          <TextField
            select
            name="basicInsurerId"
            label="بیمهٔ پایه"
            value={basic}
            onChange={(e) => {
              setBasic(e.target.value);
              form.clear('basicInsurerId');
            }}
            error={!!fields.basicInsurerId}
            helperText={fields.basicInsurerId ?? 'تعرفه و سهم از قرارداد این بیمه'}
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          >
            {insurerOptions(catalog?.insurers ?? [], 'basic')}
          </TextField>
          <TextField
            select
            name="supplementaryInsurerId"
            label="بیمهٔ تکمیلی"
            value={supplementary}
            onChange={(e) => {
              setSupplementary(e.target.value);
              form.clear('supplementaryInsurerId');
            }}
            error={!!fields.supplementaryInsurerId}
            helperText={fields.supplementaryInsurerId ?? 'سهمی از آنچه پس از بیمهٔ پایه می‌ماند'}
            slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
          >
            {insurerOptions(catalog?.insurers ?? [], 'supplementary')}
          </TextField>
        </Box>
        {services.length === 0 && catalog ? (
          <Alert severity="warning">
            هنوز خدمتی تعریف نشده است؛ در «تنظیمات ← بخش‌ها و خدمات» خدمات مرکز را ثبت کنید.
          </Alert>
        ) : (
          <ServiceLines
            lines={lines}
            onChange={(next, field) => {
              setLines(next);
              if (field) form.clear(field);
            }}
            departments={catalog?.departments ?? []}
            services={services}
            unit={unit}
            canDiscount={rights.has('cashier.discount')}
            fields={fields}
            quoted={live.pending ? null : (live.quote?.lines ?? null)}
          />
        )}
        {rights.has('cashier.discount') && (
          <Typography variant="body2" color="text.secondary">
            {ceiling}
          </Typography>
        )}
      </Paper>
      <Paper
        variant="outlined"
        sx={{ p: 2.5 }}
        component="section"
        aria-label="پیش‌نمایش صورت‌حساب"
      >
        <Typography variant="subtitle1" component="h2" sx={{ fontWeight: 700, mb: 1 }}>
          پیش‌نمایش تقسیم مبلغ
        </Typography>
        {live.quote ? (
          <InvoiceTable
            lines={live.quote.lines}
            totals={live.quote}
            unit={unit}
            label="پیش‌نمایش"
          />
        ) : (
          <Typography color="text.secondary">
            {patient
              ? 'خدمات را انتخاب کنید تا سهم بیمه‌ها و بیمار حساب شود.'
              : 'نخست بیمار را پیدا کنید؛ سپس خدمات انجام‌شده و بیمهٔ او را انتخاب کنید.'}
          </Typography>
        )}
        <Box sx={{ display: 'flex', justifyContent: 'flex-end', mt: 2 }}>
          <Button
            variant="contained"
            size="large"
            disabled={form.busy || !rights.has('cashier.receive')}
            onClick={() => void issue()}
          >
            صدور صورت‌حساب
          </Button>
        </Box>
      </Paper>
      {issued && patient && (
        <InvoiceDialog id={issued} patientId={patient.id} onClose={() => setIssued(null)} />
      )}
    </Box>
  );
}
