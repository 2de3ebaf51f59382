import { useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import VerifiedUserIcon from '@mui/icons-material/VerifiedUserOutlined';
import type { Result } from '../../../../shared/api/contract';
import { BridgeError } from '../../../../shared/api/bridge-error';
import { bridge } from '../../lib/bridge';
import { faNumber } from '../../lib/format';

type Outcome = { result: Result<'audit.verify'> } | { failed: string };

/** Checks every device's hash chain: nothing removed, reordered or edited after it was written. */
export function VerifyLog() {
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    try {
      setOutcome({ result: await bridge.call('audit.verify', {}) });
    } catch (e) {
      setOutcome({ failed: e instanceof BridgeError ? e.message : 'بررسی انجام نشد.' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        variant="outlined"
        startIcon={<VerifiedUserIcon />}
        disabled={busy}
        onClick={() => void run()}
      >
        {busy ? 'در حال بررسی…' : 'بررسی درستی گزارش'}
      </Button>
      {outcome && (
        <Box sx={{ flexBasis: '100%' }} data-testid="verify-outcome">
          {'failed' in outcome ? (
            <Alert severity="error" onClose={() => setOutcome(null)}>
              {outcome.failed}
            </Alert>
          ) : outcome.result.ok ? (
            <Alert severity="success" onClose={() => setOutcome(null)}>
              گزارش دست‌نخورده است: {faNumber.format(outcome.result.checked)} ردیف بررسی شد و هیچ
              ردیفی حذف، جابه‌جا یا پس از ثبت ویرایش نشده است.
            </Alert>
          ) : (
            <Alert severity="error" onClose={() => setOutcome(null)}>
              <AlertTitle>
                در گزارش {faNumber.format(outcome.result.problems.length)} ایراد پیدا شد (
                {faNumber.format(outcome.result.checked)} ردیف بررسی شد)
              </AlertTitle>
              <Box component="ul" sx={{ m: 0, pr: 2.5, pl: 0 }}>
                {outcome.result.problems.slice(0, 20).map((p) => (
                  <li key={`${p.deviceId}-${p.seq}-${p.problem}`}>
                    {p.message}{' '}
                    <Box component="span" sx={{ color: 'text.secondary' }}>
                      (دستگاه{' '}
                      <span dir="ltr" style={{ fontFamily: 'monospace' }}>
                        {p.deviceId.slice(0, 8)}
                      </span>
                      )
                    </Box>
                  </li>
                ))}
              </Box>
            </Alert>
          )}
        </Box>
      )}
    </>
  );
}
