import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import type { AppointmentStatus } from '../../../../shared/domain/appointments';
import { STATUS_COLORS, STATUS_LABELS } from '../../lib/appointments';

const SHOWN: AppointmentStatus[] = ['booked', 'checked-in', 'done', 'no-show', 'conflict', 'held'];

/** What the colours of the desk mean. */
export function DeskLegend({ children }: { children?: ReactNode }) {
  return (
    <Box
      component="ul"
      aria-label="راهنمای رنگ‌ها"
      sx={{
        display: 'flex',
        flexWrap: 'wrap',
        alignItems: 'center',
        gap: 2,
        m: 0,
        p: 0,
        listStyle: 'none',
      }}
    >
      {SHOWN.map((s) => (
        <Box component="li" key={s} sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
          <Box
            sx={{
              width: 14,
              height: 14,
              borderRadius: 0.5,
              bgcolor: STATUS_COLORS[s].bg,
              borderInlineStart: `4px solid ${STATUS_COLORS[s].border}`,
            }}
          />
          <Typography variant="caption">{STATUS_LABELS[s]}</Typography>
        </Box>
      ))}
      <Box component="li" sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
        <Box
          sx={{
            width: 14,
            height: 14,
            borderRadius: 0.5,
            border: '1px dashed',
            borderColor: 'primary.light',
          }}
        />
        <Typography variant="caption">زمان آزاد (برای نوبت بزنید)</Typography>
      </Box>
      <Box component="li" sx={{ display: 'flex', alignItems: 'center', gap: 0.75 }}>
        <Box
          sx={{
            width: 14,
            height: 14,
            borderRadius: 0.5,
            bgcolor: '#f1f3f5',
            border: 1,
            borderColor: 'divider',
          }}
        />
        <Typography variant="caption">خارج از ساعت کاری</Typography>
      </Box>
      {children && (
        <Box component="li" sx={{ mr: 'auto' }}>
          {children}
        </Box>
      )}
    </Box>
  );
}
