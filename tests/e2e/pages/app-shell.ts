/** Page model of the frame around every screen: the side menu, the user area, the login page. */
import type { Locator, Page } from 'playwright-core';

export class AppShell {
  constructor(readonly page: Page) {}

  get menu(): Locator {
    return this.page.getByRole('navigation', { name: 'بخش‌ها' });
  }

  /** The titles of the sections in the side menu, in order. */
  async menuTitles(): Promise<string[]> {
    return this.menu.getByRole('button').allInnerTexts();
  }

  async open(title: string): Promise<void> {
    await this.menu.getByRole('button', { name: title }).click();
  }

  async logout(): Promise<void> {
    await this.page.getByRole('button', { name: 'خروج' }).click();
    await this.page.getByRole('heading', { name: 'ورود به میز پذیرش' }).waitFor();
  }

  async login(mobile: string, password: string): Promise<void> {
    await this.page.locator('input[name=mobile]').fill(mobile);
    await this.page.locator('input[name=password]').fill(password);
    await this.page.getByRole('button', { name: 'ورود', exact: true }).click();
    await this.page.getByTestId('session-name').waitFor();
  }

  /** Calls a contract method the way the UI does (same origin, same cookie), bypassing the menu. */
  async call(method: string, args: unknown): Promise<{ ok: boolean; error?: { code: string } }> {
    return this.page.evaluate(
      async ([m, a]) => {
        const res = await fetch('/api/call', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ method: m, args: a }),
        });
        return (await res.json()) as { ok: boolean; error?: { code: string } };
      },
      [method, args] as const,
    );
  }

  /** The one-line notice (snackbar) shown after a save. */
  get notice(): Locator {
    return this.page.locator('.MuiSnackbar-root');
  }
}
