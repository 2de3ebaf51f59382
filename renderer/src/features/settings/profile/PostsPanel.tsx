import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Chip from '@mui/material/Chip';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import FormControlLabel from '@mui/material/FormControlLabel';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemButton from '@mui/material/ListItemButton';
import ListItemText from '@mui/material/ListItemText';
import Switch from '@mui/material/Switch';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/DeleteOutlined';
import type { BlogPost } from '../../../../../shared/sync/protocol';
import { useCall } from '../../../hooks/use-call';
import { bridge } from '../../../lib/bridge';
import { formMessage, problemOf, type FormProblem } from '../../../lib/errors';
import { jalaliDateTime } from '../../../lib/format';
import { useNotify } from '../../../state/notify-store';
import { FormSection } from '../FormSection';
import { serverProblem } from './GalleryPanel';

function PostDialog({
  post,
  onClose,
  onSaved,
}: {
  post: BlogPost | null;
  onClose(): void;
  onSaved(): void;
}) {
  const [title, setTitle] = useState(post?.title ?? '');
  const [body, setBody] = useState(post?.body ?? '');
  const [published, setPublished] = useState(post?.published ?? true);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      await bridge.call('posts.save', { ...(post ? { id: post.id } : {}), title, body, published });
      onSaved();
    } catch (e) {
      const p = problemOf(e);
      setProblem({ ...p, message: serverProblem(p, 'نوشته‌ها') ?? p.message });
    } finally {
      setBusy(false);
    }
  };
  const f = problem?.fields ?? {};
  const message = formMessage(problem, ['title', 'body']);
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="post-title">
      <DialogTitle id="post-title">{post ? 'ویرایش نوشته' : 'نوشتهٔ تازه'}</DialogTitle>
      <DialogContent dividers sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
        {message && (
          <Alert severity="error" role="alert">
            {message}
          </Alert>
        )}
        <TextField
          name="title"
          label="عنوان"
          required
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          error={!!f.title}
          helperText={f.title}
        />
        <TextField
          name="body"
          label="متن"
          required
          multiline
          minRows={8}
          value={body}
          onChange={(e) => setBody(e.target.value)}
          error={!!f.body}
          helperText={f.body ?? 'متن ساده؛ هر بند را در یک سطر جدا بنویسید.'}
        />
        <FormControlLabel
          control={
            <Switch
              name="published"
              checked={published}
              onChange={(e) => setPublished(e.target.checked)}
            />
          }
          label="در صفحهٔ عمومی مرکز نمایش داده شود"
        />
      </DialogContent>
      <DialogActions sx={{ px: 3, py: 2 }}>
        <Button onClick={onClose}>انصراف</Button>
        <Button variant="contained" disabled={busy} onClick={() => void save()}>
          ذخیرهٔ نوشته
        </Button>
      </DialogActions>
    </Dialog>
  );
}

/** Blog posts of the public profile (C2): list, write, publish or keep as draft, delete. */
export function PostsPanel({ canEdit }: { canEdit: boolean }) {
  const { data, error, reload } = useCall('posts.list', {}, []);
  const notify = useNotify((s) => s.notify);
  const [editing, setEditing] = useState<{ post: BlogPost | null } | null>(null);
  const remove = async (post: BlogPost) => {
    if (!window.confirm(`نوشتهٔ «${post.title}» پاک شود؟`)) return;
    try {
      await bridge.call('posts.remove', { id: post.id });
      notify('نوشته پاک شد.');
      reload();
    } catch (e) {
      notify(serverProblem(problemOf(e), 'نوشته‌ها') ?? '', 'error');
    }
  };
  const listProblem = serverProblem(error, 'نوشته‌ها');
  return (
    <FormSection
      title="نوشته‌ها"
      hint="خبرها و نوشته‌های آموزشی مرکز که در صفحهٔ عمومی آن نشان داده می‌شوند."
    >
      {listProblem && (
        <Alert
          severity={error?.code === 'offline' ? 'warning' : 'error'}
          sx={{ mb: 2 }}
          data-testid="posts-problem"
        >
          {listProblem}
        </Alert>
      )}
      {data && data.length === 0 && (
        <Typography color="text.secondary" sx={{ mb: 2 }}>
          هنوز نوشته‌ای نیست. نوشته‌های کوتاه دربارهٔ خدمات و توصیه‌های پیش از مراجعه، بیماران را
          آماده‌تر می‌کند.
        </Typography>
      )}
      {data && data.length > 0 && (
        <List dense aria-label="نوشته‌ها" sx={{ mb: 1 }}>
          {data.map((post) => (
            <ListItem
              key={post.id}
              disablePadding
              secondaryAction={
                canEdit && (
                  <IconButton
                    edge="end"
                    aria-label={`پاک کردن ${post.title}`}
                    onClick={() => void remove(post)}
                  >
                    <DeleteIcon />
                  </IconButton>
                )
              }
            >
              <ListItemButton disabled={!canEdit} onClick={() => setEditing({ post })}>
                <ListItemText
                  primary={
                    <Box component="span" sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
                      {post.title}
                      {!post.published && <Chip size="small" label="پیش‌نویس" />}
                    </Box>
                  }
                  secondary={`آخرین تغییر: ${jalaliDateTime(post.updatedAt)}`}
                />
              </ListItemButton>
            </ListItem>
          ))}
        </List>
      )}
      {canEdit && !error && (
        <Button
          variant="outlined"
          startIcon={<AddIcon />}
          onClick={() => setEditing({ post: null })}
        >
          نوشتهٔ تازه
        </Button>
      )}
      {editing && (
        <PostDialog
          post={editing.post}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            notify('نوشته ذخیره شد.');
            reload();
          }}
        />
      )}
    </FormSection>
  );
}
