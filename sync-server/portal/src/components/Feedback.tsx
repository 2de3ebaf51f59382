/** Loading, empty, error and message boxes every page uses. */
import type { ReactNode } from 'react';
import type { PortalError } from '../lib/errors';
import { Link } from '../app/router';
import { to } from '../app/routes';

export function Loading({ label = 'در حال بارگذاری…' }: { label?: string }) {
  return (
    <div className="loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function Alert({
  tone = 'error',
  title,
  children,
}: {
  tone?: 'error' | 'info' | 'ok' | 'warn';
  title?: string;
  children?: ReactNode;
}) {
  return (
    <div className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {title ? <strong className="alert-title">{title}</strong> : null}
      {children}
    </div>
  );
}

/** The messages above a form (those no field shows). */
export function FormMessages({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <Alert>
      {messages.length === 1 ? (
        <p>{messages[0]}</p>
      ) : (
        <ul>
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}

export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children?: ReactNode;
  action?: ReactNode;
}) {
  return (
    <div className="empty">
      <h2 className="empty-title">{title}</h2>
      {children ? <div className="muted">{children}</div> : null}
      {action ? <div className="empty-action">{action}</div> : null}
    </div>
  );
}

/**
 * A page that could not load: no network, server down, not found, or signed out. Always offers
 * the next step (try again, go home, sign in).
 */
export function ErrorState({
  error,
  onRetry,
  next,
}: {
  error: PortalError;
  onRetry?: () => void;
  next?: string;
}) {
  const retry = onRetry ? (
    <button type="button" className="btn btn-primary" onClick={onRetry}>
      تلاش دوباره
    </button>
  ) : null;
  if (error.code === 'not-found') {
    return (
      <EmptyState
        title="پیدا نشد"
        action={
          <Link className="btn btn-primary" to={to.home}>
            فهرست مراکز درمانی
          </Link>
        }
      >
        <p>{error.message}</p>
      </EmptyState>
    );
  }
  if (error.code === 'unauthorized') {
    return (
      <EmptyState
        title="ابتدا وارد شوید"
        action={
          <Link className="btn btn-primary" to={to.login(next)}>
            ورود به حساب
          </Link>
        }
      >
        <p>{error.message}</p>
      </EmptyState>
    );
  }
  return (
    <div className="empty" role="alert" data-testid="page-error">
      <h2 className="empty-title">
        {error.isOffline ? 'اتصال برقرار نیست' : 'خطا در دریافت اطلاعات'}
      </h2>
      <p className="muted">{error.message}</p>
      {retry ? <div className="empty-action">{retry}</div> : null}
    </div>
  );
}
