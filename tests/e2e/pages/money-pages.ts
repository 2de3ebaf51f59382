/** Page models of the money screens: the cashier, invoices and payments, the shop and inventory. */
import type { Locator, Page } from 'playwright-core';

/** Goes to a hash route and waits for its heading. */
export async function open(page: Page, hash: string, heading: RegExp | string): Promise<void> {
  await page.evaluate((h) => {
    window.location.hash = h;
  }, hash);
  await page.getByRole('heading', { name: heading }).first().waitFor();
}

/** Inputs and messages of whatever form or dialog is in front. */
export class Form {
  constructor(readonly scope: Locator) {}

  field(name: string): Locator {
    return this.scope.locator(`input[name="${name}"], textarea[name="${name}"]`).first();
  }

  async fill(values: Record<string, string>): Promise<void> {
    for (const [name, value] of Object.entries(values)) await this.field(name).fill(value);
  }

  /** The helper text under a field (through its aria-describedby). */
  async message(name: string): Promise<string> {
    const id = await this.field(name).getAttribute('aria-describedby');
    if (!id) return '';
    const helper = this.scope.page().locator(`[id="${id.split(' ')[0]}"]`);
    return (await helper.count()) ? helper.innerText() : '';
  }

  /** Picks an option of a select by the select's label. */
  async choose(label: string, option: string | RegExp): Promise<void> {
    await this.scope.getByRole('combobox', { name: label }).first().click();
    await this.scope
      .page()
      .getByRole('option', { name: option, ...(typeof option === 'string' ? { exact: true } : {}) })
      .first()
      .click();
  }

  async press(button: string | RegExp): Promise<void> {
    await this.scope
      .getByRole('button', {
        name: button,
        ...(typeof button === 'string' ? { exact: true } : {}),
      })
      .click();
  }

  get alert(): Locator {
    return this.scope.getByRole('alert');
  }
}

export class MoneyScreens {
  constructor(readonly page: Page) {}

  dialog(name: string | RegExp): Form {
    return new Form(this.page.getByRole('dialog', { name }));
  }

  get rows(): Locator {
    return this.page.locator('.MuiDataGrid-row');
  }

  row(text: string): Locator {
    return this.rows.filter({ hasText: text });
  }

  /** Finds a patient in a picker (by its label) by typing, and picks them. */
  async pickPatient(name: string, label = 'بیمار', scope: Locator | Page = this.page) {
    await scope.getByRole('combobox', { name: label }).fill(name.split(' ').at(-1)!);
    await this.page
      .getByRole('option', { name: new RegExp(name) })
      .first()
      .click();
  }

  // The cashier

  async openCashier(tab = 'box'): Promise<void> {
    await open(this.page, `#/cashier/${tab}`, 'صندوق و درآمد');
  }

  get box(): Locator {
    return this.page.getByRole('region', { name: 'صندوق من' });
  }

  get account(): Locator {
    return this.page.getByRole('region', { name: 'حساب مالی' });
  }

  /** Takes money in the open «receive» dialog. */
  async receive(amount: string, method: 'نقد' | 'کارت (کارتخوان)' | 'واریز بانکی', reference = '') {
    const d = this.dialog(/دریافت وجه|پیش‌پرداخت/);
    await d.field('amountRial').fill(amount);
    await d.scope.getByRole('button', { name: method }).click();
    if (reference) await d.field('reference').fill(reference);
    await d.press(/^ثبت (دریافت|پیش‌پرداخت)$/);
  }

  /** Types a Jalali day (digits only, e.g. '14050904') into the invoices tab's from/to field. */
  async filterInvoiceDate(which: 'از تاریخ' | 'تا تاریخ', jalaliDigits: string): Promise<void> {
    await this.typeFilterDay('فیلتر صورت‌حساب‌ها', which, jalaliDigits);
  }

  /** A from/to day field of a list's filters (a search region, by its name). */
  filterDay(search: string, which: 'از تاریخ' | 'تا تاریخ'): Locator {
    return this.page
      .getByRole('search', { name: search })
      .locator('.MuiFormControl-root')
      .filter({ has: this.page.getByRole('group', { name: which }) });
  }

  /** Types a Jalali day (digits only) into a filter's from/to field, clearing what it had first. */
  async typeFilterDay(
    search: string,
    which: 'از تاریخ' | 'تا تاریخ',
    jalaliDigits: string,
  ): Promise<void> {
    const field = this.filterDay(search, which);
    const clear = field.getByRole('button', { name: 'پاک کردن', exact: true });
    if (await clear.count()) await clear.click();
    await field.getByRole('group', { name: which }).click();
    await this.page.keyboard.type(jalaliDigits);
  }

  // The shop

  async scan(barcode: string): Promise<void> {
    const input = this.page.locator('input[name=barcode]');
    await input.fill(barcode);
    await input.press('Enter');
  }

  get cartLines(): Locator {
    return this.page.getByTestId('cart-line');
  }

  // Inventory

  /** Opens one of the inventory's action dialogs (receive, transfer, adjust, use in a service). */
  async inventoryAction(label: string): Promise<void> {
    await this.page.getByRole('button', { name: label, exact: true }).click();
  }

  level(good: string, warehouse: string): Locator {
    return this.rows.filter({ hasText: good }).filter({ hasText: warehouse });
  }
}
