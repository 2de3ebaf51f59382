import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Typography from '@mui/material/Typography';
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import type { AuditEntry } from '../../../../shared/domain/audit';
import { auditValueText, FIELD_LABELS } from './audit-labels';

/** What one entry changed: each field, before → after. */
export function AuditChanges({
  entry,
  onFilterDocument,
}: {
  entry: AuditEntry;
  onFilterDocument(id: string): void;
}) {
  return (
    <Box sx={{ py: 1, width: '100%' }} data-testid="audit-changes">
      {entry.changes.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          فیلدی تغییر نکرده است.
        </Typography>
      ) : (
        <Box
          component="table"
          sx={{
            borderCollapse: 'collapse',
            width: '100%',
            fontSize: 13,
            '& td, & th': { py: 0.5, px: 1, verticalAlign: 'top', textAlign: 'start' },
            '& th': { color: 'text.secondary', fontWeight: 500 },
            '& tr + tr td': { borderTop: 1, borderColor: 'divider' },
          }}
        >
          <thead>
            <tr>
              <th style={{ width: 130 }}>فیلد</th>
              <th>پیش از تغییر</th>
              <th style={{ width: 24 }} aria-hidden />
              <th>پس از تغییر</th>
            </tr>
          </thead>
          <tbody>
            {entry.changes.map((c) => (
              <tr key={c.field}>
                <td>{FIELD_LABELS[c.field] ?? c.field}</td>
                <Box component="td" sx={{ color: 'error.dark', whiteSpace: 'pre-wrap' }}>
                  {entry.action === 'create' ? '—' : auditValueText(c.field, c.before)}
                </Box>
                <td aria-hidden>
                  <ArrowBackIcon fontSize="inherit" color="disabled" />
                </td>
                <Box component="td" sx={{ color: 'success.dark', whiteSpace: 'pre-wrap' }}>
                  {entry.action === 'delete' ? '—' : auditValueText(c.field, c.after)}
                </Box>
              </tr>
            ))}
          </tbody>
        </Box>
      )}
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, mt: 0.5 }}>
        <Typography variant="caption" color="text.secondary">
          شناسهٔ سند:{' '}
          <Box component="span" dir="ltr" sx={{ fontFamily: 'monospace' }}>
            {entry.targetId}
          </Box>
        </Typography>
        <Button size="small" onClick={() => onFilterDocument(entry.targetId)}>
          همهٔ تغییرات این سند
        </Button>
      </Box>
    </Box>
  );
}
