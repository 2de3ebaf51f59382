/** Page model of the SMS screen (queue, balance, texts) and the SMS provider settings. */
import type { Locator, Page } from 'playwright-core';
import { Form } from './money-pages';

export class SmsScreen {
  constructor(readonly page: Page) {}

  /** The balance card (on the queue and in the provider settings). */
  get balance(): Locator {
    return this.page.getByRole('region', { name: 'مانده حساب پیامک' });
  }

  /** What the provider settings say is in use now. */
  get providerState(): Locator {
    return this.page.getByTestId('sms-provider-state');
  }

  get form(): Form {
    return new Form(this.page.locator('main'));
  }

  /** A status chip's text, e.g. «در صف ارسال (۲)»; `all` for every status. */
  count(status: string): Promise<string> {
    return this.page.getByTestId(`sms-count-${status}`).innerText();
  }

  get rows(): Locator {
    return this.page.locator('.MuiDataGrid-row');
  }

  row(text: string): Locator {
    return this.rows.filter({ hasText: text });
  }

  /** One automatic message's editor, by its title. */
  template(title: string): Locator {
    return this.page.getByRole('region', { name: title });
  }
}
