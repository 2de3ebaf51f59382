/** Page model of the change log screen. */
import type { Locator, Page } from 'playwright-core';

export class LogsPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<void> {
    await this.page.evaluate(() => {
      window.location.hash = '#/logs';
    });
    await this.page.getByRole('heading', { name: /گزارش تغییرات/ }).waitFor();
  }

  get rows(): Locator {
    return this.page.locator('.MuiDataGrid-row');
  }

  row(text: string): Locator {
    return this.rows.filter({ hasText: text });
  }

  async filterPerson(name: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'شخص' }).click();
    await this.page.getByRole('option', { name, exact: true }).click();
  }

  async filterSection(name: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'بخش' }).click();
    await this.page.getByRole('option', { name, exact: true }).click();
  }

  /** Types a Jalali day (digits only, e.g. '14050904') into the from/to field. */
  async filterDate(which: 'از تاریخ' | 'تا تاریخ', jalaliDigits: string): Promise<void> {
    await this.page.getByRole('group', { name: which }).click();
    await this.page.keyboard.type(jalaliDigits);
  }

  async clearFilters(): Promise<void> {
    await this.page.getByRole('button', { name: 'پاک کردن فیلترها' }).first().click();
  }

  async expand(row: Locator): Promise<Locator> {
    await row.getByRole('button', { name: 'نمایش جزئیات' }).click();
    return row.getByTestId('audit-changes');
  }

  async verify(): Promise<string> {
    await this.page.getByRole('button', { name: 'بررسی درستی گزارش' }).click();
    const outcome = this.page.getByTestId('verify-outcome');
    await outcome.waitFor();
    return outcome.innerText();
  }
}
