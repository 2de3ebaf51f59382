import { useState } from 'react';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import Stack from '@mui/material/Stack';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import type { CatalogItem } from '../../../../../shared/domain/catalog';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useProblem } from '../../../hooks/use-problem';
import { bridge } from '../../../lib/bridge';

/** Creates or edits a warehouse (a store room, the reception shelf…). */
export function WarehouseDialog({
  warehouse,
  onClose,
  onSaved,
}: {
  warehouse: CatalogItem | null;
  onClose(): void;
  onSaved(saved: CatalogItem, created: boolean): void;
}) {
  const [name, setName] = useState(warehouse?.name ?? '');
  const [active, setActive] = useState(warehouse?.active ?? true);
  const form = useProblem();

  const submit = () =>
    form.run(async () => {
      const saved = await bridge.call('catalog.saveWarehouse', {
        ...(warehouse ? { id: warehouse.id } : {}),
        name,
        active,
      });
      onSaved(saved, warehouse === null);
    });

  return (
    <Dialog open onClose={onClose} maxWidth="xs" fullWidth aria-labelledby="warehouse-title">
      <DialogTitle id="warehouse-title">
        {warehouse ? `ویرایش انبار «${warehouse.name}»` : 'انبار تازه'}
      </DialogTitle>
      <DialogContent dividers>
        <ProblemAlert problem={form.problem} fields={['name']} />
        <Stack spacing={2}>
          <TextField
            name="name"
            label="نام انبار"
            required
            autoFocus
            placeholder="مثلاً: انبار مرکزی، قفسهٔ پذیرش"
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              form.clear('name');
            }}
            error={!!form.fields.name}
            helperText={form.fields.name}
          />
          <FormControlLabel
            control={<Switch checked={active} onChange={(e) => setActive(e.target.checked)} />}
            label="فعال"
          />
        </Stack>
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 2 }}>
        <Button onClick={onClose}>انصراف</Button>
        <Button variant="contained" disabled={form.busy} onClick={() => void submit()}>
          {warehouse ? 'ذخیرهٔ تغییرات' : 'ثبت انبار'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
