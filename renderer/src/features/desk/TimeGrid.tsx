import { memo, useMemo } from 'react';
import Box from '@mui/material/Box';
import IconButton from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import PrintIcon from '@mui/icons-material/PrintOutlined';
import type { AppointmentRow } from '../../../../shared/api/appointments';
import type { DayPlan, Slot } from '../../../../shared/scheduling/slots';
import { minutesText } from '../../lib/format';
import { BookingBlock } from './BookingBlock';
import { placeInLanes, PX_PER_MIN, type TimeSpan } from './desk-layout';

export interface DeskColumn {
  key: string;
  providerId: string;
  providerName: string;
  date: string;
  title: string;
  subtitle: string;
  /** Working hours, or why the day is closed. */
  detail: string;
  plan: DayPlan | undefined;
  bookings: AppointmentRow[];
  slots: Slot[];
  /** Height of a free slot, in minutes: the step between starts (slots of longer services overlap). */
  slotHeightMin: number;
  today: boolean;
}

export interface TimeGridProps {
  columns: DeskColumn[];
  range: TimeSpan;
  onSlot(column: DeskColumn, slot: Slot): void;
  onBooking(row: AppointmentRow, anchor: HTMLElement): void;
  onPrint(column: DeskColumn): void;
}

const HEADER_HEIGHT = 76;
const AXIS_WIDTH = 56;
const ROW_PX = 15 * PX_PER_MIN;
const HOUR_PX = 60 * PX_PER_MIN;

/** Lines every 15 minutes, darker on the hour; drawn by CSS, not by one element per row. */
const gridLines = {
  backgroundImage: `linear-gradient(to bottom, rgba(0,0,0,0.14) 1px, transparent 1px), linear-gradient(to bottom, rgba(0,0,0,0.05) 1px, transparent 1px)`,
  backgroundSize: `100% ${HOUR_PX}px, 100% ${ROW_PX}px`,
};

const ColumnBody = memo(function ColumnBody({
  column,
  range,
  onSlot,
  onBooking,
}: {
  column: DeskColumn;
  range: TimeSpan;
  onSlot: TimeGridProps['onSlot'];
  onBooking: TimeGridProps['onBooking'];
}) {
  const top = (minute: number) => (minute - range.start) * PX_PER_MIN;
  const placed = useMemo(() => placeInLanes(column.bookings), [column.bookings]);
  const closed = column.plan?.closed;
  return (
    <Box
      data-testid="desk-column"
      data-date={column.date}
      data-provider={column.providerId}
      sx={{
        position: 'relative',
        height: (range.end - range.start) * PX_PER_MIN,
        bgcolor: closed ? '#eceff1' : '#f1f3f5',
        borderInlineStart: 1,
        borderColor: 'divider',
        ...(closed
          ? {
              backgroundImage:
                'repeating-linear-gradient(45deg, rgba(0,0,0,0.04) 0 8px, transparent 8px 16px)',
            }
          : {}),
      }}
    >
      {column.plan?.blocks.map((b) => (
        <Box
          key={b.start}
          aria-hidden
          sx={{
            position: 'absolute',
            insetInline: 0,
            top: top(b.start),
            height: (b.end - b.start) * PX_PER_MIN,
            bgcolor: 'background.paper',
          }}
        />
      ))}
      <Box aria-hidden sx={{ position: 'absolute', inset: 0, ...gridLines }} />
      {closed && (
        <Box
          data-testid="closed-reason"
          sx={{
            position: 'sticky',
            top: HEADER_HEIGHT + 16,
            mx: 1,
            mt: 2,
            p: 1,
            borderRadius: 1,
            bgcolor: 'background.paper',
            border: 1,
            borderColor: 'divider',
            textAlign: 'center',
            zIndex: 1,
          }}
        >
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {closed.reason}
          </Typography>
        </Box>
      )}
      {column.slots.map((s) => (
        <Box
          key={s.start}
          component="button"
          type="button"
          data-testid="free-slot"
          aria-label={`زمان آزاد ${minutesText(s.start)} ${column.providerName}`}
          onClick={() => onSlot(column, s)}
          sx={{
            position: 'absolute',
            insetInline: 4,
            top: top(s.start) + 1,
            height: Math.min(column.slotHeightMin, s.end - s.start) * PX_PER_MIN - 2,
            border: '1px dashed',
            borderColor: 'primary.light',
            borderRadius: 1,
            bgcolor: 'rgba(15,110,110,0.04)',
            color: 'primary.main',
            font: 'inherit',
            fontSize: 12,
            lineHeight: 1,
            display: 'flex',
            alignItems: 'flex-start',
            px: 0.75,
            pt: '2px',
            cursor: 'pointer',
            opacity: 0.75,
            '&:hover, &:focus-visible': { opacity: 1, bgcolor: 'rgba(15,110,110,0.12)' },
          }}
        >
          + {minutesText(s.start)}
        </Box>
      ))}
      {placed.map(({ item, lane, lanes }) => (
        <BookingBlock
          key={item.id}
          row={item}
          top={top(item.start)}
          height={(item.end - item.start) * PX_PER_MIN}
          lane={lane}
          lanes={lanes}
          onOpen={onBooking}
        />
      ))}
    </Box>
  );
});

/**
 * The desk's time grid: one column per provider (day view) or per day (week view), the hours down
 * the side. Only the shown range is rendered; free slots and bookings are plain positioned boxes.
 */
export function TimeGrid({ columns, range, onSlot, onBooking, onPrint }: TimeGridProps) {
  const hours: number[] = [];
  for (let m = range.start; m < range.end; m += 60) hours.push(m);
  const template = `${AXIS_WIDTH}px repeat(${columns.length}, minmax(130px, 1fr))`;
  return (
    <Box
      role="grid"
      aria-label="جدول نوبت‌ها"
      sx={{ display: 'grid', gridTemplateColumns: template }}
    >
      <Box
        sx={{
          position: 'sticky',
          top: 0,
          zIndex: 3,
          bgcolor: 'background.paper',
          borderBottom: 1,
          borderColor: 'divider',
          height: HEADER_HEIGHT,
        }}
      />
      {columns.map((c) => (
        <Box
          key={c.key}
          role="columnheader"
          sx={{
            position: 'sticky',
            top: 0,
            zIndex: 3,
            height: HEADER_HEIGHT,
            px: 1,
            display: 'flex',
            alignItems: 'center',
            bgcolor: c.today ? '#e0f2f1' : 'background.paper',
            borderBottom: 1,
            borderInlineStart: 1,
            borderColor: 'divider',
            minWidth: 0,
          }}
        >
          <Box sx={{ flexGrow: 1, minWidth: 0, paddingInlineEnd: '28px' }}>
            <Typography sx={{ fontWeight: 700, lineHeight: 1.35 }} noWrap title={c.title}>
              {c.title}
            </Typography>
            {[c.subtitle, c.detail].filter(Boolean).map((line) => (
              <Typography
                key={line}
                variant="caption"
                color="text.secondary"
                noWrap
                component="div"
                title={line}
                sx={{ lineHeight: 1.45 }}
              >
                {line}
              </Typography>
            ))}
          </Box>
          <Tooltip title="چاپ فهرست نوبت‌های این روز">
            <IconButton
              size="small"
              aria-label={`چاپ فهرست ${c.providerName} ${c.title} ${c.subtitle}`}
              onClick={() => onPrint(c)}
              sx={{ position: 'absolute', top: 4, right: 2 }}
            >
              <PrintIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        </Box>
      ))}
      <Box sx={{ position: 'relative', bgcolor: 'background.paper' }}>
        {hours.map((m) => (
          <Typography
            key={m}
            variant="caption"
            color="text.secondary"
            sx={{
              position: 'absolute',
              top: (m - range.start) * PX_PER_MIN,
              insetInline: 0,
              textAlign: 'center',
              transform: 'translateY(-2px)',
            }}
          >
            {minutesText(m)}
          </Typography>
        ))}
      </Box>
      {columns.map((c) => (
        <ColumnBody key={c.key} column={c} range={range} onSlot={onSlot} onBooking={onBooking} />
      ))}
    </Box>
  );
}
