/** Share a booking: the phone's share sheet, or copy the link and messenger links. */
import { useState } from 'react';
import { to } from '../../app/routes';
import { shareLinks, shareText, type Shareable } from '../../lib/share';

/** `id` is the booking's: the shared link opens its receipt (for its owner, once signed in). */
export function ShareBooking({ id, booking }: { id: string; booking: Shareable }) {
  const [fallback, setFallback] = useState(false);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const url = `${location.origin}${to.receipt(id)}`;
  const text = shareText(booking);

  const share = async () => {
    if (typeof navigator.share === 'function') {
      try {
        await navigator.share({ title: 'نوبت من', text, url });
        return;
      } catch (e) {
        // The person closed the share sheet: nothing to do.
        if (e instanceof DOMException && e.name === 'AbortError') return;
      }
    }
    setFallback(true);
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(`${text}\n${url}`);
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  };

  return (
    <div className="stack tight">
      <button type="button" className="btn btn-ghost" onClick={() => void share()}>
        اشتراک‌گذاری نوبت
      </button>
      {fallback ? (
        <div className="card stack" data-testid="share-fallback">
          <button type="button" className="btn btn-ghost" onClick={() => void copy()}>
            کپی متن و پیوند
          </button>
          {copied === 'yes' ? <p role="status">متن نوبت و پیوند رسید کپی شد.</p> : null}
          {copied === 'no' ? (
            <label className="field">
              <span className="field-label">پیوند رسید را از اینجا کپی کنید:</span>
              <input
                className="field-input ltr"
                readOnly
                value={url}
                onFocus={(e) => e.target.select()}
              />
            </label>
          ) : null}
          <div className="row">
            {shareLinks(text, url).map((l) => (
              <a
                key={l.label}
                className="btn btn-ghost"
                href={l.href}
                target="_blank"
                rel="noopener noreferrer"
              >
                {l.label}
              </a>
            ))}
          </div>
          <p className="muted small">پیوند رسید فقط برای خود شما (پس از ورود) باز می‌شود.</p>
        </div>
      ) : null}
    </div>
  );
}
