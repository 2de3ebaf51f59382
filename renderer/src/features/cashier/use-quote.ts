import { useEffect, useState } from 'react';
import type { Args, Result } from '../../../../shared/api/contract';
import { useDebounced } from '../../hooks/use-debounced';
import { bridge } from '../../lib/bridge';
import { problemOf, type FormProblem } from '../../lib/errors';

export type QuoteArgs = Args<'invoices.quote'>;
export type Quote = Result<'invoices.quote'>;

/**
 * Prices an invoice as it is being written (tariffs, insurer shares, discounts within the person's
 * limit): the core answers, so the split on screen is the one the invoice will get. `null` args
 * (an unfinished form) keep the last answer.
 */
export function useQuote(args: QuoteArgs | null): {
  quote: Quote | null;
  problem: FormProblem | null;
  pending: boolean;
} {
  const key = args ? JSON.stringify(args) : '';
  const settled = useDebounced(key, 250);
  const [answer, setAnswer] = useState<{
    key: string;
    quote: Quote | null;
    problem: FormProblem | null;
  }>({ key: '', quote: null, problem: null });

  useEffect(() => {
    if (!settled) return undefined;
    let current = true;
    bridge.call('invoices.quote', JSON.parse(settled) as QuoteArgs).then(
      (quote) => current && setAnswer({ key: settled, quote, problem: null }),
      (e: unknown) =>
        current && setAnswer((a) => ({ key: settled, quote: a.quote, problem: problemOf(e) })),
    );
    return () => {
      current = false;
    };
  }, [settled]);

  if (!key) return { quote: null, problem: null, pending: false };
  return {
    quote: answer.problem ? null : answer.quote,
    problem: answer.key === settled ? answer.problem : null,
    pending: answer.key !== key,
  };
}
