import { faIR } from '@mui/x-data-grid/locales';
import type { GridLocaleText } from '@mui/x-data-grid';
import { faNumber } from './format';

/**
 * DataGrid's Persian texts. A `localeText` prop replaces the theme's whole locale, so the faIR
 * texts are spread first; faIR leaves "from–to of count" in English (scrambled in RTL): supplied here.
 */
export const gridLocaleText: Partial<GridLocaleText> = {
  ...faIR.components.MuiDataGrid.defaultProps.localeText,
  paginationDisplayedRows: ({ from, to, count }) =>
    `${faNumber.format(from)}–${faNumber.format(to)} از ${faNumber.format(count)}`,
  paginationRowsPerPage: 'ردیف در هر صفحه:',
};
