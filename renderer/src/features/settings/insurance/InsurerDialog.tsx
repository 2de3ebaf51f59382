import { useState } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import FormHelperText from '@mui/material/FormHelperText';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import {
  INSURER_TYPE_LABELS,
  INSURER_TYPES,
  type CatalogItem,
  type InsurerType,
} from '../../../../../shared/domain/catalog';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useProblem } from '../../../hooks/use-problem';
import { bridge } from '../../../lib/bridge';

const FIELDS = ['name', 'insurerType', 'active'];

/** Creates or edits an insurer: its name and whether it is a basic or a supplementary insurer. */
export function InsurerDialog({
  insurer,
  onClose,
  onSaved,
}: {
  insurer: CatalogItem | null;
  onClose(): void;
  onSaved(saved: CatalogItem, created: boolean): void;
}) {
  const [name, setName] = useState(insurer?.name ?? '');
  const [type, setType] = useState<InsurerType | ''>(insurer?.insurerType ?? '');
  const [active, setActive] = useState(insurer?.active ?? true);
  const form = useProblem();
  const f = form.fields;

  const submit = () =>
    form.run(async () => {
      const saved = await bridge.call('catalog.saveInsurer', {
        ...(insurer ? { id: insurer.id } : {}),
        name,
        insurerType: type as InsurerType,
        active,
      });
      onSaved(saved, insurer === null);
    });

  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth aria-labelledby="insurer-title">
      <DialogTitle id="insurer-title">
        {insurer ? `ویرایش بیمهٔ «${insurer.name}»` : 'بیمهٔ تازه'}
      </DialogTitle>
      <DialogContent dividers>
        <ProblemAlert problem={form.problem} fields={FIELDS} />
        <Stack spacing={2}>
          <TextField
            name="name"
            label="نام بیمه"
            required
            autoFocus
            placeholder="مثلاً: تأمین اجتماعی"
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              form.clear('name');
            }}
            error={!!f.name}
            helperText={f.name}
          />
          <div>
            <ToggleButtonGroup
              exclusive
              fullWidth
              size="small"
              color="primary"
              value={type}
              aria-label="نوع بیمه"
              onChange={(_e, v: InsurerType | null) => {
                if (v) setType(v);
                form.clear('insurerType');
              }}
            >
              {INSURER_TYPES.map((t) => (
                <ToggleButton key={t} value={t}>
                  {INSURER_TYPE_LABELS[t]}
                </ToggleButton>
              ))}
            </ToggleButtonGroup>
            <FormHelperText error={!!f.insurerType}>
              {f.insurerType ??
                'بیمهٔ پایه سهم خود را از تعرفه می‌پردازد؛ بیمهٔ تکمیلی از آنچه پس از بیمهٔ پایه می‌ماند.'}
            </FormHelperText>
          </div>
          <FormControlLabel
            control={<Switch checked={active} onChange={(e) => setActive(e.target.checked)} />}
            label="فعال (در صورت‌حساب‌ها انتخاب می‌شود)"
          />
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 2 }}>
        <Button onClick={onClose}>انصراف</Button>
        <Button variant="contained" disabled={form.busy} onClick={() => void submit()}>
          {insurer ? 'ذخیرهٔ تغییرات' : 'ثبت بیمه'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
