import { useEffect, useState } from 'react';
import type { Result } from '../../../../shared/api/contract';
import { useDebounced } from '../../hooks/use-debounced';
import { bridge } from '../../lib/bridge';

export type Preview = Result<'messages.preview'>;

/**
 * A text as the patient will receive it, filled with example values by the core, with its length
 * and SMS parts; refreshed shortly after each keystroke.
 */
export function usePreview(template: string): Preview | null {
  const settled = useDebounced(template, 150);
  const [preview, setPreview] = useState<{ template: string; value: Preview } | null>(null);
  useEffect(() => {
    let current = true;
    bridge.call('messages.preview', { template: settled }).then(
      (value) => current && setPreview({ template: settled, value }),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [settled]);
  return preview?.value ?? null;
}
