import { useNavigate } from 'react-router';
import Button from '@mui/material/Button';
import { EmptyState } from '../components/EmptyState';

export function NotFoundPage() {
  const navigate = useNavigate();
  return (
    <EmptyState
      title="این بخش پیدا نشد"
      text="بخشی که خواستید هنوز آماده نیست یا نشانی آن اشتباه است."
      action={
        <Button variant="contained" onClick={() => navigate('/')}>
          بازگشت به صفحهٔ اصلی
        </Button>
      }
    />
  );
}
