import { Component, type ReactNode } from 'react';

/**
 * A page's code failed to load (offline while opening a page not yet downloaded, or a new
 * release replaced its chunk) or crashed: a clear message and a reload instead of a blank screen.
 */
export class RouteErrorBoundary extends Component<
  { children: ReactNode; resetKey: string },
  { failedAt: string | null }
> {
  override state = { failedAt: null as string | null };

  static getDerivedStateFromError(): { failedAt: string } {
    return { failedAt: location.pathname + location.search };
  }

  override render() {
    if (this.state.failedAt === null || this.state.failedAt !== this.props.resetKey) {
      return this.props.children;
    }
    return (
      <div className="empty" role="alert">
        <h2 className="empty-title">این صفحه باز نشد</h2>
        <p className="muted">
          {navigator.onLine
            ? 'نسخهٔ تازه‌ای از سایت منتشر شده یا خطایی رخ داده است. صفحه را دوباره بارگذاری کنید.'
            : 'اتصال اینترنت قطع است. پس از وصل شدن، صفحه را دوباره بارگذاری کنید.'}
        </p>
        <div className="empty-action">
          <button type="button" className="btn btn-primary" onClick={() => location.reload()}>
            بارگذاری دوباره
          </button>
        </div>
      </div>
    );
  }
}
