/** Working time, holidays and free slots (C5, B3): one handler map for the registry. */
import type { Handlers } from '../registry';
import { calendarHandlers } from './calendar-handlers';
import { hoursHandlers } from './hours-handlers';

export const schedulingHandlers: Partial<Handlers> = { ...hoursHandlers, ...calendarHandlers };
