import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import GlobalStyles from '@mui/material/GlobalStyles';
import ArrowForwardIcon from '@mui/icons-material/ArrowForward';
import PrintIcon from '@mui/icons-material/Print';
import { NoAccessPage } from '../../app/AccessGuard';
import type { PermissionId } from '../../../../shared/auth/rights';
import { useRights } from '../../hooks/use-rights';

/**
 * A printable page without the app frame: an A4 sheet on screen, with a back and a print button
 * that do not print. Both hosts print the same way (window.print), and tests make PDFs of it.
 */
export function PrintFrame({
  title,
  permission = 'appointments.view',
  children,
}: {
  title: string;
  /** The right the printed content needs (the core refuses the reads anyway). */
  permission?: PermissionId;
  children: ReactNode;
}) {
  const navigate = useNavigate();
  const rights = useRights();
  if (!rights.has(permission)) return <NoAccessPage section={null} />;
  return (
    <Box
      sx={{
        minHeight: '100vh',
        bgcolor: '#e9ecef',
        py: 3,
        '@media print': { bgcolor: '#fff', py: 0 },
      }}
    >
      <GlobalStyles
        styles={{
          '@page': { size: 'A4', margin: '12mm' },
          '@media print': { body: { backgroundColor: '#fff' } },
        }}
      />
      <Box
        sx={{
          width: '210mm',
          mx: 'auto',
          mb: 2,
          display: 'flex',
          gap: 1,
          '@media print': { display: 'none' },
        }}
      >
        <Button variant="contained" startIcon={<PrintIcon />} onClick={() => window.print()}>
          چاپ
        </Button>
        <Button startIcon={<ArrowForwardIcon />} onClick={() => navigate(-1)}>
          بازگشت
        </Button>
      </Box>
      <Box
        component="article"
        aria-label={title}
        sx={{
          width: '210mm',
          minHeight: '297mm',
          mx: 'auto',
          p: '12mm',
          bgcolor: '#fff',
          color: '#000',
          boxShadow: 2,
          '@media print': { width: 'auto', minHeight: 0, p: 0, boxShadow: 'none' },
        }}
      >
        {children}
      </Box>
    </Box>
  );
}
