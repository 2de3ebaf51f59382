import { useRef } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Paper from '@mui/material/Paper';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import { TEMPLATE_PLACEHOLDERS } from '../../../../shared/domain/messages';
import { faNumber } from '../../lib/format';
import { usePreview } from './use-preview';

/**
 * One automatic message's text: the placeholders it may use (a click puts one at the caret), and a
 * live preview filled with example values, its length and how many SMS parts it takes.
 */
export function TemplateEditor({
  id,
  title,
  hint,
  text,
  auto,
  disabled,
  error,
  onText,
  onAuto,
}: {
  id: string;
  title: string;
  hint: string;
  text: string;
  auto: boolean;
  disabled: boolean;
  error?: string;
  onText(text: string): void;
  onAuto(on: boolean): void;
}) {
  const input = useRef<HTMLTextAreaElement | null>(null);
  const preview = usePreview(text);
  const insert = (key: string) => {
    const el = input.current;
    const token = `{${key}}`;
    const at = el?.selectionStart ?? text.length;
    const end = el?.selectionEnd ?? at;
    onText(text.slice(0, at) + token + text.slice(end));
    requestAnimationFrame(() => {
      el?.focus();
      el?.setSelectionRange(at + token.length, at + token.length);
    });
  };
  return (
    <Paper variant="outlined" component="section" aria-label={title} sx={{ p: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 700, flexGrow: 1 }}>
          {title}
        </Typography>
        <FormControlLabel
          control={
            <Switch
              checked={auto}
              disabled={disabled}
              onChange={(e) => onAuto(e.target.checked)}
              slotProps={{ input: { 'aria-label': `ارسال خودکار ${title}` } }}
            />
          }
          label="ارسال خودکار"
        />
      </Box>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1.5 }}>
        {hint}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr 1fr', gap: 2 }}>
        <Box>
          <TextField
            name={`smsTemplates.${id}`}
            label="متن"
            multiline
            minRows={4}
            value={text}
            disabled={disabled}
            inputRef={input}
            onChange={(e) => onText(e.target.value)}
            error={!!error}
            helperText={error}
          />
          <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap', mt: 1 }}>
            {Object.entries(TEMPLATE_PLACEHOLDERS).map(([key, label]) => (
              <Tooltip key={key} title={label}>
                <Chip
                  size="small"
                  variant="outlined"
                  label={`{${key}}`}
                  disabled={disabled}
                  onClick={() => insert(key)}
                  sx={{ direction: 'ltr', fontFamily: 'Vazirmatn, monospace' }}
                />
              </Tooltip>
            ))}
          </Box>
        </Box>
        <Box>
          <Typography variant="caption" color="text.secondary">
            پیش‌نمایش (با نمونهٔ یک نوبت)
          </Typography>
          <Box
            data-testid={`preview-${id}`}
            sx={{
              mt: 0.5,
              p: 1.5,
              borderRadius: 3,
              borderTopRightRadius: 4,
              bgcolor: '#e7f3f1',
              whiteSpace: 'pre-wrap',
              minHeight: 80,
            }}
          >
            {preview?.text || '—'}
          </Box>
          {preview && (
            <Typography variant="caption" color="text.secondary" data-testid={`preview-${id}-size`}>
              {faNumber.format(preview.length)} حرف — {faNumber.format(preview.parts)} پیامک
            </Typography>
          )}
          {preview && preview.unknown.length > 0 && (
            <Alert severity="warning" sx={{ mt: 1 }}>
              جای‌گذاری ناشناخته: {preview.unknown.map((k) => `{${k}}`).join('، ')}
            </Alert>
          )}
        </Box>
      </Box>
    </Paper>
  );
}
