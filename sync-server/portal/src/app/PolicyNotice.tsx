import type { PolicyVersion } from '../../../../shared/portal/contract';
import { jalaliOfInstant } from '../lib/time';
import { Link } from './router';
import { to } from './routes';

export function PolicyNotice({ upcoming }: { upcoming: PolicyVersion }) {
  return (
    <div className="banner banner-info" role="status" data-testid="policy-notice">
      سیاست حفظ حریم خصوصی تغییر می‌کند: نسخهٔ {upcoming.version} از{' '}
      {jalaliOfInstant(upcoming.effectiveAt)} اجرا می‌شود.{' '}
      <Link to={to.privacy}>متن تازه را ببینید</Link>
    </div>
  );
}
