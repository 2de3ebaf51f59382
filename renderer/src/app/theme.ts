import { createTheme } from '@mui/material/styles';
import { faIR as coreFaIR } from '@mui/material/locale';
import { faIR as gridFaIR } from '@mui/x-data-grid/locales';
import { faIR as pickersFaIR } from '@mui/x-date-pickers/locales';

/** "Vazirmatn FD" draws every digit Persian while the DOM keeps Latin digits for typing and parsing. */
export const FONT_FAMILY = '"Vazirmatn FD", Vazirmatn, Tahoma, sans-serif';

export const theme = createTheme(
  {
    direction: 'rtl',
    palette: {
      mode: 'light',
      primary: { main: '#0f6e6e', contrastText: '#ffffff' },
      secondary: { main: '#7a4fb5' },
      background: { default: '#f4f6f8', paper: '#ffffff' },
    },
    shape: { borderRadius: 10 },
    typography: {
      fontFamily: FONT_FAMILY,
      h5: { fontWeight: 700 },
      h6: { fontWeight: 700 },
      button: { fontWeight: 600 },
    },
    components: {
      MuiButton: { defaultProps: { disableElevation: true } },
      MuiTextField: { defaultProps: { size: 'small', fullWidth: true } },
      MuiPaper: { styleOverrides: { root: { backgroundImage: 'none' } } },
    },
  },
  coreFaIR,
  pickersFaIR,
  gridFaIR,
);
