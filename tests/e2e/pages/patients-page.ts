/** Page model of the patients screen: tests say what they do, not how the DOM is built. */
import type { Locator, Page } from 'playwright-core';

export interface PatientForm {
  firstName?: string;
  lastName?: string;
  nationalId?: string;
  mobile?: string;
  gender?: 'زن' | 'مرد';
  /** Jalali digits as typed, e.g. '13700215' for 1370/02/15. */
  birthDateJalali?: string;
  notes?: string;
}

export class PatientsPage {
  constructor(readonly page: Page) {}

  /** The start page is the desk; the patients list is one menu item away. */
  async goto(): Promise<void> {
    await this.page.evaluate(() => {
      window.location.hash = '#/patients';
    });
    await this.page.getByRole('heading', { name: /بیماران/ }).waitFor();
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  get searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: 'جستجوی بیمار' });
  }

  get rows(): Locator {
    return this.page.locator('.MuiDataGrid-row');
  }

  row(text: string): Locator {
    return this.rows.filter({ hasText: text });
  }

  async openNew(): Promise<void> {
    await this.page.getByRole('button', { name: 'بیمار جدید' }).first().click();
    await this.dialog.waitFor();
  }

  async fill(form: PatientForm): Promise<void> {
    const d = this.dialog;
    for (const name of ['firstName', 'lastName', 'nationalId', 'mobile'] as const) {
      const value = form[name];
      if (value !== undefined) await d.locator(`input[name=${name}]`).fill(value);
    }
    if (form.gender) await d.getByRole('button', { name: form.gender, exact: true }).click();
    if (form.birthDateJalali) {
      await d.getByRole('group', { name: 'تاریخ تولد' }).click();
      await this.page.keyboard.type(form.birthDateJalali);
    }
    if (form.notes !== undefined) await d.locator('textarea[name=notes]').fill(form.notes);
  }

  async save(): Promise<void> {
    await this.dialog.getByRole('button', { name: /^(ثبت بیمار|ذخیرهٔ تغییرات)$/ }).click();
  }

  async search(text: string): Promise<void> {
    await this.searchBox.fill(text);
  }

  input(name: string): Locator {
    return this.dialog.locator(`input[name=${name}]`);
  }
}
