import { useState } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { Patient } from '../../../../shared/domain/patients';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useProblem } from '../../hooks/use-problem';
import { bridge } from '../../lib/bridge';
import { faNumber } from '../../lib/format';
import { PatientPicker } from '../patients/PatientPicker';
import { usePreview } from './use-preview';

/** A message written by hand to one patient; it joins the queue like the automatic ones. */
export function SendDialog({ onClose, onDone }: { onClose(): void; onDone(): void }) {
  const [patient, setPatient] = useState<Patient | null>(null);
  const [text, setText] = useState('');
  const form = useProblem();
  const preview = usePreview(text);

  const submit = () => {
    if (!patient) return form.refuse({ patientId: 'گیرنده را انتخاب کنید.' });
    return form.run(async () => {
      await bridge.call('messages.send', { patientId: patient.id, text });
      onDone();
    });
  };

  return (
    <Dialog open onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="send-title">
      <DialogTitle id="send-title">پیامک تازه</DialogTitle>
      <DialogContent dividers>
        <ProblemAlert problem={form.problem} fields={['patientId', 'text']} />
        <Stack spacing={2}>
          <PatientPicker
            label="گیرنده"
            value={patient}
            onChange={(p) => {
              setPatient(p);
              form.clear('patientId');
            }}
            error={!!form.fields.patientId}
            helperText={form.fields.patientId}
            autoFocus
          />
          <TextField
            name="text"
            label="متن پیامک"
            required
            multiline
            minRows={4}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              form.clear('text');
            }}
            error={!!form.fields.text}
            helperText={
              form.fields.text ??
              (preview && text
                ? `${faNumber.format(preview.length)} حرف — ${faNumber.format(preview.parts)} پیامک`
                : 'هر پیامک فارسی ۷۰ حرف است؛ متن بلندتر در چند پیامک فرستاده می‌شود')
            }
          />
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 2 }}>
        <Button onClick={onClose}>انصراف</Button>
        <Button variant="contained" disabled={form.busy} onClick={() => void submit()}>
          افزودن به صف ارسال
        </Button>
      </DialogActions>
    </Dialog>
  );
}
