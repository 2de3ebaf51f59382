/** Page models of the appointment desk, its dialogs, and the hours settings. */
import type { Locator, Page } from 'playwright-core';

/** `540` → `09:00`, as the desk labels free slots. */
export function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export class DeskPage {
  constructor(readonly page: Page) {}

  async goto(query: Record<string, string> = {}): Promise<void> {
    const search = new URLSearchParams(query).toString();
    await this.page.evaluate((s) => {
      window.location.hash = `#/desk${s ? `?${s}` : ''}`;
    }, search);
    await this.page.getByRole('heading', { name: /میز نوبت‌دهی/ }).waitFor();
  }

  column(providerId: string, date: string): Locator {
    return this.page.locator(
      `[data-testid=desk-column][data-provider="${providerId}"][data-date="${date}"]`,
    );
  }

  freeSlots(providerId: string, date: string): Locator {
    return this.column(providerId, date).getByTestId('free-slot');
  }

  slot(providerId: string, date: string, minute: number): Locator {
    return this.column(providerId, date).getByRole('button', {
      name: new RegExp(`^زمان آزاد ${hhmm(minute)} `),
    });
  }

  booking(providerId: string, date: string, patientName: string): Locator {
    return this.column(providerId, date)
      .getByTestId('desk-booking')
      .filter({ hasText: patientName });
  }

  closedReason(providerId: string, date: string): Locator {
    return this.column(providerId, date).getByTestId('closed-reason');
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  get popover(): Locator {
    return this.page.locator('.MuiPopover-paper');
  }

  /** In the booking dialog: finds a patient by typing and picks them. */
  async pickPatient(text: string, name: string): Promise<void> {
    const input = this.dialog.getByRole('combobox', { name: 'بیمار' });
    await input.fill(text);
    await this.page
      .getByRole('option', { name: new RegExp(name) })
      .first()
      .click();
  }

  async chooseService(name: string): Promise<void> {
    await this.dialog.getByRole('combobox', { name: 'خدمت' }).click();
    await this.page.getByRole('option', { name: new RegExp(`^${name}`) }).click();
  }

  async openBooking(providerId: string, date: string, patientName: string): Promise<void> {
    await this.booking(providerId, date, patientName).click();
    await this.popover.waitFor();
  }

  async action(label: string): Promise<void> {
    await this.popover.getByRole('button', { name: label }).click();
  }

  /** Closes the booking's popover with Escape, pressed inside it (focus may have left it). */
  async closePopover(): Promise<void> {
    await this.popover.press('Escape');
    await this.popover.waitFor({ state: 'detached' });
  }
}

export class HoursSettings {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.evaluate(() => {
      window.location.hash = '#/settings/hours';
    });
    await this.page.getByRole('tab', { name: 'ساعات کاری', selected: true }).waitFor();
  }

  /** The provider's weekly hours (the center's hours share the tab). */
  get providerWeek(): Locator {
    return this.page.getByRole('region', { name: /^ساعات کاری هفتگی/ });
  }

  day(label: string): Locator {
    return this.providerWeek.getByRole('group', { name: label, exact: true });
  }

  /** Gives a weekday one block (the first one, added when missing). */
  async setDay(label: string, from: string, to: string): Promise<void> {
    const day = this.day(label);
    if ((await day.locator('input').count()) === 0) {
      await day.getByRole('button', { name: `افزودن بازه به ${label}` }).click();
    }
    await day.getByRole('textbox', { name: `${label} بازهٔ 1 از` }).fill(from);
    await day.getByRole('textbox', { name: `${label} بازهٔ 1 تا` }).fill(to);
  }

  /** Types a Jalali day (digits only, e.g. '14050910') into a date field by its label. */
  async typeDate(scope: Locator, label: string, jalaliDigits: string): Promise<void> {
    await scope.getByRole('group', { name: label }).click();
    await this.page.keyboard.type(jalaliDigits);
  }
}
