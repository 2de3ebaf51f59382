/** Page model of the settings screens: center profile, departments and services, staff and rights. */
import type { Locator, Page } from 'playwright-core';

export interface ServiceForm {
  name?: string;
  department?: string;
  /** As typed, in the center's unit. */
  price?: string;
  duration?: string;
  prepayment?: boolean;
}

export interface StaffForm {
  firstName?: string;
  lastName?: string;
  mobile?: string;
  kind?: string;
  title?: string;
  specialty?: string;
  departments?: string[];
  services?: string[];
  password?: string;
}

export class SettingsPage {
  constructor(readonly page: Page) {}

  async goto(tab: 'center' | 'catalog' | 'staff' | 'rights' | 'licence'): Promise<void> {
    await this.page.evaluate((t) => {
      window.location.hash = `#/settings/${t}`;
    }, tab);
    await this.page.getByRole('heading', { name: 'تنظیمات مرکز' }).waitFor();
  }

  get dialog(): Locator {
    return this.page.getByRole('dialog');
  }

  /** A text input or textarea by its `name`, inside the open dialog or else the page. */
  field(name: string, scope: Locator | Page = this.page): Locator {
    return scope.locator(`input[name="${name}"], textarea[name="${name}"]`).first();
  }

  /** The message under a field (its helper text), found through the input's aria-describedby. */
  async fieldMessage(name: string, scope: Locator | Page = this.page): Promise<string> {
    const input = this.field(name, scope);
    const id = await input.getAttribute('aria-describedby');
    if (!id) return '';
    return scope.locator(`[id="${id.split(' ')[0]}"]`).innerText();
  }

  /** Picks an option of a select (MUI combobox) by the select's label. */
  async choose(label: string, option: string, scope: Locator | Page = this.page): Promise<void> {
    await scope.getByRole('combobox', { name: label }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  /** Adds options to a multiple autocomplete by its label. */
  async pickMany(label: string, options: string[], scope: Locator | Page): Promise<void> {
    for (const option of options) {
      await scope.getByRole('combobox', { name: label }).click();
      await this.page.getByRole('option', { name: option, exact: true }).click();
      // The list closes on each pick (Escape here would close the whole dialog).
    }
  }

  // Center

  async saveCenter(): Promise<void> {
    await this.page.getByRole('button', { name: 'ذخیرهٔ مشخصات مرکز' }).click();
  }

  weekday(name: string): Locator {
    return this.page.getByRole('group', { name: 'روزهای تعطیل هفتگی' }).getByRole('button', {
      name,
      exact: true,
    });
  }

  // Catalog

  async newDepartment(name: string): Promise<void> {
    await this.page.getByRole('button', { name: 'بخش تازه' }).first().click();
    await this.field('name', this.dialog).fill(name);
    await this.dialog.getByRole('button', { name: 'ثبت بخش' }).click();
  }

  department(name: string): Locator {
    // The button reads «name N خدمت»; its edit button is «ویرایش بخش name».
    return this.page
      .getByRole('list', { name: 'بخش‌ها' })
      .getByRole('button', { name: new RegExp(`^${name} `) });
  }

  async openNewService(): Promise<void> {
    await this.page.getByRole('button', { name: 'خدمت تازه' }).click();
    await this.dialog.waitFor();
  }

  async fillService(form: ServiceForm): Promise<void> {
    const d = this.dialog;
    if (form.name !== undefined) await this.field('name', d).fill(form.name);
    if (form.department) await this.choose('بخش', form.department, d);
    if (form.price !== undefined) await this.field('priceRial', d).fill(form.price);
    if (form.duration !== undefined) await this.field('durationMin', d).fill(form.duration);
    if (form.prepayment) await d.getByLabel('نوبت اینترنتی فقط با پیش‌پرداخت').check();
  }

  async saveService(): Promise<void> {
    await this.dialog.getByRole('button', { name: /^(ثبت خدمت|ذخیرهٔ تغییرات)$/ }).click();
  }

  get gridRows(): Locator {
    return this.page.locator('.MuiDataGrid-row');
  }

  row(text: string): Locator {
    return this.gridRows.filter({ hasText: text });
  }

  // Staff

  async openNewStaff(): Promise<void> {
    await this.page.getByRole('button', { name: 'کارمند تازه' }).click();
    await this.dialog.waitFor();
  }

  async fillStaff(form: StaffForm): Promise<void> {
    const d = this.dialog;
    for (const name of ['firstName', 'lastName', 'mobile', 'title', 'specialty'] as const) {
      const value = form[name];
      if (value !== undefined) await this.field(name, d).fill(value);
    }
    if (form.kind) await this.choose('نقش', form.kind, d);
    if (form.departments) await this.pickMany('بخش‌ها', form.departments, d);
    if (form.services) await this.pickMany('خدمت‌هایی که ارائه می‌دهد', form.services, d);
    if (form.password !== undefined) {
      await this.field('password', d).fill(form.password);
      await this.field('passwordRepeat', d).fill(form.password);
    }
  }

  async saveStaff(): Promise<void> {
    await this.dialog.getByRole('button', { name: /^(ثبت کارمند|ذخیرهٔ تغییرات)$/ }).click();
  }

  async openRights(person: string): Promise<void> {
    await this.row(person)
      .getByRole('button', { name: `دسترسی‌های ${person}` })
      .click();
    await this.dialog.getByRole('heading', { name: `دسترسی‌های ${person}` }).waitFor();
  }

  right(label: string): Locator {
    return this.dialog.getByRole('checkbox', { name: label, exact: true });
  }
}
