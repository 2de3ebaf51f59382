import { usePageTitle } from '../lib/hooks';
import { EmptyState } from '../components/Feedback';
import { Link } from './router';
import { to } from './routes';

export function NotFoundPage() {
  usePageTitle('صفحه پیدا نشد');
  return (
    <EmptyState
      title="این صفحه پیدا نشد"
      action={
        <Link className="btn btn-primary" to={to.home}>
          رفتن به فهرست مراکز درمانی
        </Link>
      }
    >
      <p>ممکن است نشانی اشتباه تایپ شده باشد یا صفحه دیگر وجود نداشته باشد.</p>
    </EmptyState>
  );
}
