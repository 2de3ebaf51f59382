import { useState, type ReactElement } from 'react';
import { useNavigate } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import ListItemIcon from '@mui/material/ListItemIcon';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import MoreVertIcon from '@mui/icons-material/MoreVert';
import LoginIcon from '@mui/icons-material/Login';
import TaskAltIcon from '@mui/icons-material/TaskAlt';
import PersonOffIcon from '@mui/icons-material/PersonOffOutlined';
import EventRepeatIcon from '@mui/icons-material/EventRepeat';
import EventBusyIcon from '@mui/icons-material/EventBusy';
import PrintIcon from '@mui/icons-material/PrintOutlined';
import LayersIcon from '@mui/icons-material/LayersOutlined';
import ReceiptLongIcon from '@mui/icons-material/ReceiptLongOutlined';
import type { AppointmentRow } from '../../../../shared/api/appointments';
import type { Appointment } from '../../../../shared/domain/appointments';
import { useRights, type Rights } from '../../hooks/use-rights';
import { bridge } from '../../lib/bridge';
import { problemOf } from '../../lib/errors';
import { useNotify } from '../../state/notify-store';
import { CancelDialog } from './CancelDialog';
import { MoveDialog } from './MoveDialog';

type Verb = 'checkIn' | 'done' | 'noShow' | 'keepOverbook';

interface Action {
  id: Verb | 'move' | 'cancel' | 'slip' | 'invoice';
  label: string;
  icon: ReactElement;
}

const DONE_TEXT: Record<Verb, string> = {
  checkIn: 'پذیرش شد',
  done: 'ویزیت پایان یافت',
  noShow: 'عدم حضور ثبت شد',
  keepOverbook: 'به‌عنوان نوبت اضافه نگه داشته شد',
};

/** What can be done to a booking in its status, by this person. */
function actionsFor(a: Appointment, has: Rights['has']): Action[] {
  const out: Action[] = [];
  const open = a.status === 'booked' || a.status === 'held' || a.status === 'conflict';
  if (has('appointments.checkIn')) {
    if (a.status === 'booked' || a.status === 'no-show')
      out.push({ id: 'checkIn', label: 'پذیرش (حضور بیمار)', icon: <LoginIcon /> });
    if (a.status === 'checked-in')
      out.push({ id: 'done', label: 'پایان ویزیت', icon: <TaskAltIcon /> });
    if (a.status === 'booked') out.push({ id: 'noShow', label: 'نیامد', icon: <PersonOffIcon /> });
  }
  if (open && has('appointments.book'))
    out.push({ id: 'move', label: 'جابه‌جایی', icon: <EventRepeatIcon /> });
  if (a.status === 'conflict' && has('appointments.overbook'))
    out.push({ id: 'keepOverbook', label: 'نگه داشتن به‌عنوان نوبت اضافه', icon: <LayersIcon /> });
  if (open && has('appointments.cancel'))
    out.push({ id: 'cancel', label: 'لغو نوبت', icon: <EventBusyIcon /> });
  if ((a.status === 'checked-in' || a.status === 'done') && has('cashier.receive'))
    out.push({ id: 'invoice', label: 'صورت‌حساب این نوبت', icon: <ReceiptLongIcon /> });
  if (a.status !== 'cancelled' && a.status !== 'conflict')
    out.push({ id: 'slip', label: 'چاپ رسید نوبت', icon: <PrintIcon /> });
  return out;
}

/**
 * The actions on one booking (check in, done, no-show, move, keep as overbooking, cancel, slip),
 * as a row of buttons or behind a menu button, with their dialogs.
 */
export function AppointmentActions({
  row,
  layout,
  onChanged,
}: {
  row: AppointmentRow;
  layout: 'buttons' | 'menu';
  onChanged?(saved: Appointment): void;
}) {
  const rights = useRights();
  const notify = useNotify((s) => s.notify);
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'move' | 'cancel' | null>(null);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [busy, setBusy] = useState(false);
  const actions = actionsFor(row, rights.has);

  const done = (saved: Appointment, text: string) => {
    notify(`${row.patientName}: ${text}.`);
    onChanged?.(saved);
  };

  const run = async (action: Action) => {
    setAnchor(null);
    if (action.id === 'move' || action.id === 'cancel') return setDialog(action.id);
    if (action.id === 'slip') return navigate(`/print/slip/${row.id}`);
    if (action.id === 'invoice')
      return navigate(`/cashier/invoice?patient=${row.patientId}&appointment=${row.id}`);
    const verb = action.id;
    setBusy(true);
    try {
      done(await bridge.call(`appointments.${verb}`, { id: row.id }), DONE_TEXT[verb]);
    } catch (e) {
      notify(problemOf(e).message, 'error');
    } finally {
      setBusy(false);
    }
  };

  const dialogs = (
    <>
      {dialog === 'move' && (
        <MoveDialog
          appointment={row}
          patientName={row.patientName}
          onClose={() => setDialog(null)}
          onDone={(saved) => {
            setDialog(null);
            done(saved, 'نوبت جابه‌جا شد');
          }}
        />
      )}
      {dialog === 'cancel' && (
        <CancelDialog
          appointment={row}
          patientName={row.patientName}
          onClose={() => setDialog(null)}
          onDone={(saved) => {
            setDialog(null);
            done(saved, 'نوبت لغو شد');
          }}
        />
      )}
    </>
  );

  if (actions.length === 0) return null;
  if (layout === 'buttons') {
    return (
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
        {actions.map((a) => (
          <Button
            key={a.id}
            size="small"
            variant={a.id === 'checkIn' || a.id === 'done' ? 'contained' : 'outlined'}
            color={a.id === 'cancel' ? 'error' : 'primary'}
            startIcon={a.icon}
            disabled={busy}
            onClick={() => void run(a)}
          >
            {a.label}
          </Button>
        ))}
        {dialogs}
      </Box>
    );
  }
  // Inside a grid row: clicks and keys here (menu, dialogs, typed reasons) are not the row's.
  return (
    <Box
      component="span"
      onClick={(e) => e.stopPropagation()}
      onKeyDown={(e) => e.stopPropagation()}
    >
      <IconButton
        size="small"
        aria-label={`کارهای نوبت ${row.patientName}`}
        onClick={(e) => {
          e.stopPropagation();
          setAnchor(e.currentTarget);
        }}
      >
        <MoreVertIcon fontSize="small" />
      </IconButton>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {actions.map((a) => (
          <MenuItem key={a.id} disabled={busy} onClick={() => void run(a)}>
            <ListItemIcon>{a.icon}</ListItemIcon>
            {a.label}
          </MenuItem>
        ))}
      </Menu>
      {dialogs}
    </Box>
  );
}
