import { useRef, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import ImageList from '@mui/material/ImageList';
import ImageListItem from '@mui/material/ImageListItem';
import ImageListItemBar from '@mui/material/ImageListItemBar';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddPhotoIcon from '@mui/icons-material/AddPhotoAlternateOutlined';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import ImageIcon from '@mui/icons-material/ImageOutlined';
import type { BridgeError } from '../../../../../shared/api/bridge-error';
import { useCall } from '../../../hooks/use-call';
import { bridge } from '../../../lib/bridge';
import { problemOf, type FormProblem } from '../../../lib/errors';
import { useNotify } from '../../../state/notify-store';
import { FormSection } from '../FormSection';

const MIMES = ['image/jpeg', 'image/png', 'image/webp'] as const;
type Mime = (typeof MIMES)[number];

/** The words shown when the server cannot be reached: these parts live on it, not on the desk. */
export function serverProblem(
  error: BridgeError | FormProblem | null,
  what: string,
): string | null {
  if (!error) return null;
  if (error.code === 'offline') {
    return `${what} روی سرور مرکز نگه‌داری می‌شود و اکنون به سرور دسترسی نیست. پس از وصل شدن اینترنت دوباره امتحان کنید؛ بقیهٔ برنامه بدون اینترنت کار می‌کند.`;
  }
  return error.message;
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** The public profile's gallery (C2): upload with a caption, thumbnails, remove. */
export function GalleryPanel({ canEdit }: { canEdit: boolean }) {
  const { data, error, reload } = useCall('gallery.list', {}, ['center']);
  const notify = useNotify((s) => s.notify);
  const input = useRef<HTMLInputElement | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [caption, setCaption] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);

  const upload = async () => {
    if (!file) return;
    if (!(MIMES as readonly string[]).includes(file.type)) {
      setProblem({ message: 'فقط تصویر JPEG، PNG یا WebP پذیرفته است.', fields: {} });
      return;
    }
    setBusy(true);
    try {
      await bridge.call('gallery.upload', {
        fileName: file.name,
        mime: file.type as Mime,
        dataBase64: await readBase64(file),
        caption,
      });
      notify('تصویر به گالری افزوده شد.');
      setFile(null);
      setCaption('');
      setProblem(null);
      if (input.current) input.current.value = '';
      reload();
    } catch (e) {
      const p = problemOf(e);
      setProblem({ ...p, message: serverProblem(p, 'گالری') ?? p.message });
    } finally {
      setBusy(false);
    }
  };

  const remove = async (imageId: string) => {
    try {
      await bridge.call('gallery.remove', { imageId });
      notify('تصویر از گالری برداشته شد.');
      reload();
    } catch (e) {
      notify(serverProblem(problemOf(e), 'گالری') ?? '', 'error');
    }
  };

  const listProblem = serverProblem(error, 'گالری');
  return (
    <FormSection
      title="گالری تصاویر"
      hint="تصاویر در صفحهٔ عمومی مرکز نشان داده می‌شوند. سرور اندازهٔ آن‌ها را کوچک و اطلاعات پنهان عکس (مانند مکان) را پاک می‌کند."
    >
      {listProblem && (
        <Alert
          severity={error?.code === 'offline' ? 'warning' : 'error'}
          sx={{ mb: 2 }}
          data-testid="gallery-problem"
        >
          {listProblem}
        </Alert>
      )}
      {data?.some((item) => !item.dataUrl) && (
        <Alert severity="warning" sx={{ mb: 2 }} data-testid="gallery-problem">
          تصویرها روی سرور مرکز هستند و اکنون به سرور دسترسی نیست؛ فقط توضیح‌ها نشان داده می‌شود. پس
          از وصل شدن اینترنت دوباره نگاه کنید.
        </Alert>
      )}
      {data && data.length === 0 && (
        <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, color: 'text.secondary', mb: 2 }}>
          <ImageIcon />
          <Typography>
            هنوز تصویری نیست. عکس فضای مرکز، اتاق‌ها و دستگاه‌ها به بیماران کمک می‌کند مرکز را
            بشناسند.
          </Typography>
        </Box>
      )}
      {data && data.length > 0 && (
        <ImageList cols={4} gap={12} sx={{ mt: 0 }}>
          {data.map((item) => (
            <ImageListItem
              key={item.imageId}
              sx={{ borderRadius: 1, overflow: 'hidden', bgcolor: 'grey.100' }}
            >
              {item.dataUrl ? (
                <img
                  src={item.dataUrl}
                  alt={item.caption || 'تصویر گالری'}
                  style={{ height: 160, objectFit: 'cover' }}
                />
              ) : (
                <Box sx={{ height: 160, display: 'grid', placeItems: 'center' }}>
                  <ImageIcon color="disabled" />
                </Box>
              )}
              <ImageListItemBar
                title={item.caption || 'بدون توضیح'}
                actionIcon={
                  canEdit && (
                    <IconButton
                      aria-label={`حذف تصویر ${item.caption}`}
                      sx={{ color: '#fff' }}
                      onClick={() => void remove(item.imageId)}
                    >
                      <DeleteIcon />
                    </IconButton>
                  )
                }
              />
            </ImageListItem>
          ))}
        </ImageList>
      )}
      {canEdit && (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'flex-start', mt: 1 }}>
          <Button variant="outlined" component="label" startIcon={<AddPhotoIcon />}>
            {file ? file.name : 'انتخاب تصویر'}
            <input
              ref={input}
              hidden
              type="file"
              name="galleryFile"
              accept={MIMES.join(',')}
              onChange={(e) => setFile(e.target.files?.[0] ?? null)}
            />
          </Button>
          <TextField
            name="caption"
            label="توضیح تصویر"
            value={caption}
            onChange={(e) => setCaption(e.target.value)}
            sx={{ flex: '1 1 240px', maxWidth: 400 }}
            fullWidth={false}
          />
          <Button variant="contained" disabled={!file || busy} onClick={() => void upload()}>
            افزودن به گالری
          </Button>
          {problem && (
            <Alert severity="error" role="alert" sx={{ width: '100%' }}>
              {problem.message}
            </Alert>
          )}
        </Box>
      )}
    </FormSection>
  );
}
