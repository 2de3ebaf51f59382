import { memo } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import WarningIcon from '@mui/icons-material/WarningAmberRounded';
import type { AppointmentRow } from '../../../../shared/api/appointments';
import { STATUS_COLORS, STATUS_LABELS, timeRange } from '../../lib/appointments';

/** One booking on the desk, coloured by status; a conflict is flagged, a cancellation faint. */
export const BookingBlock = memo(function BookingBlock({
  row,
  top,
  height,
  lane,
  lanes,
  onOpen,
}: {
  row: AppointmentRow;
  top: number;
  height: number;
  lane: number;
  lanes: number;
  onOpen(row: AppointmentRow, anchor: HTMLElement): void;
}) {
  const color = STATUS_COLORS[row.status];
  const cancelled = row.status === 'cancelled';
  const conflict = row.status === 'conflict';
  const width = 100 / lanes;
  const tall = height >= 38;
  const label = `${row.patientName}، ${timeRange(row.start, row.end)}، ${STATUS_LABELS[row.status]}`;
  return (
    <Box
      component="button"
      type="button"
      data-testid="desk-booking"
      data-status={row.status}
      aria-label={label}
      title={label}
      onClick={(e) => onOpen(row, e.currentTarget)}
      sx={{
        position: 'absolute',
        top: top + 1,
        height: Math.max(height - 2, 16),
        left: `calc(${lane * width}% + 2px)`,
        width: `calc(${width}% - 4px)`,
        zIndex: 2,
        overflow: 'hidden',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'flex-start',
        '& > *': { maxWidth: '100%' },
        font: 'inherit',
        color: 'text.primary',
        cursor: 'pointer',
        bgcolor: color.bg,
        border: 1,
        borderColor: conflict ? color.border : 'transparent',
        borderInlineStart: `4px solid ${color.border}`,
        borderRadius: 1,
        px: 0.75,
        py: 0.25,
        opacity: cancelled ? 0.55 : 1,
        boxShadow: conflict ? '0 0 0 2px rgba(229,57,53,0.25)' : 'none',
        '&:hover, &:focus-visible': { boxShadow: 2 },
      }}
    >
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5, minWidth: 0 }}>
        {conflict && <WarningIcon sx={{ fontSize: 14, color: color.border }} aria-hidden />}
        <Typography
          variant="body2"
          noWrap
          sx={{
            fontWeight: 600,
            fontSize: 13,
            lineHeight: 1.35,
            textDecoration: cancelled ? 'line-through' : 'none',
          }}
        >
          {row.patientName}
        </Typography>
      </Box>
      {tall && (
        <Typography
          variant="caption"
          noWrap
          component="div"
          color="text.secondary"
          sx={{ lineHeight: 1.3 }}
        >
          <span dir="ltr">{timeRange(row.start, row.end)}</span>
          {row.serviceName ? ` · ${row.serviceName}` : ''}
          {` · ${STATUS_LABELS[row.status]}`}
        </Typography>
      )}
    </Box>
  );
});
