/** Page model of the patient portal (sync-server/portal) at phone size. */
import fs from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { artifactPath } from '../../support/browser';

export class PortalPages {
  constructor(
    readonly page: Page,
    readonly origin: string,
  ) {}

  async open(path: string): Promise<void> {
    await this.page.goto(`${this.origin}${path}`);
    await this.page.locator('main').waitFor();
  }

  field(name: string): Locator {
    return this.page.locator(`[name="${name}"]`);
  }

  button(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { name });
  }

  /** The signed-in menu item, which shows once the session has an account. */
  get accountLink(): Locator {
    return this.page.getByTestId('nav-account');
  }

  /**
   * Saves `test-results/screens/portal-<name>.png` (the whole page). The test publishes a policy
   * version that takes effect within 30 days, so every page shot must carry its notice (P11).
   */
  async shot(name: string): Promise<void> {
    await this.page.getByTestId('policy-notice').waitFor({ state: 'attached' });
    // Let web fonts finish so the shot shows the real (Persian-digit) font.
    await this.page.evaluate(() => document.fonts.ready.then(() => undefined));
    // From the top, so the sticky header is drawn once, above the page.
    await this.page.evaluate(() => window.scrollTo(0, 0));
    // Nothing may stick out sideways at phone width (the page would scroll left and right).
    const overflow = await this.page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    if (overflow > 0)
      throw new Error(`portal-${name}: the page is ${overflow}px wider than the phone`);
    fs.mkdirSync('test-results/screens', { recursive: true });
    await this.page.screenshot({
      path: artifactPath(`screens/portal-${name}.png`),
      fullPage: true,
    });
  }

  async login(mobile: string, password: string): Promise<void> {
    await this.open('/login');
    await this.field('mobile').fill(mobile);
    await this.field('password').fill(password);
    await this.button('ورود').click();
    await this.accountLink.waitFor();
  }

  async logout(): Promise<void> {
    await this.open('/account/security');
    await this.button('خروج از حساب').click();
    await this.page.getByRole('link', { name: 'ورود', exact: true }).waitFor();
  }

  /** A booking's card in the user area. */
  bookingItem(text: string): Locator {
    return this.page.getByTestId('booking-item').filter({ hasText: text });
  }

  /** The free time buttons shown for the chosen day. */
  get slotButtons(): Locator {
    return this.page.getByRole('group', { name: 'ساعت نوبت' }).getByRole('button');
  }

  /** The day buttons that have free times. */
  get openDays(): Locator {
    return this.page
      .getByRole('group', { name: 'روز نوبت' })
      .getByRole('button', { disabled: false });
  }
}
