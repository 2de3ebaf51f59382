import Box from '@mui/material/Box';
import { useRights } from '../../../hooks/use-rights';
import { GalleryPanel } from './GalleryPanel';
import { PostsPanel } from './PostsPanel';

/** The public profile's gallery and blog (C2); both live on the sync server. */
export function ProfileMediaTab() {
  const canEdit = useRights().has('settings.edit');
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2 }}>
      <GalleryPanel canEdit={canEdit} />
      <PostsPanel canEdit={canEdit} />
    </Box>
  );
}
