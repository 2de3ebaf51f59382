import { useCallback, useState } from 'react';
import { asPortalError, formLevelMessages, type PortalError } from './errors';

export interface Form<T> {
  values: T;
  /** Field messages (from the schema or the server); a field's message goes once it is changed. */
  fields: Record<string, string>;
  /** Messages above the form: those no field shows. */
  messages: string[];
  busy: boolean;
  set<K extends keyof T & string>(name: K, value: T[K]): void;
  /**
   * Runs `action`; whatever it throws is shown on the form. `visible` names the inputs on screen
   * when it is not all of them (a step of a longer form).
   */
  submit(action: () => Promise<void>, visible?: readonly string[]): Promise<void>;
  fail(error: PortalError, visible?: readonly string[]): void;
}

/**
 * A form's values and problems. `extraFields` are names of other inputs the form shows messages
 * under (beyond the keys of `initial`).
 */
export function useForm<T extends Record<string, unknown>>(
  initial: T | (() => T),
  extraFields: readonly string[] = [],
): Form<T> {
  const [values, setValues] = useState<T>(initial);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [messages, setMessages] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const shownKey = [...Object.keys(values), ...extraFields].join('|');
  const fail = useCallback(
    (error: PortalError, visible?: readonly string[]) => {
      const shown = visible ?? shownKey.split('|');
      setFields(
        Object.fromEntries(Object.entries(error.fields).filter(([f]) => shown.includes(f))),
      );
      setMessages(formLevelMessages(error, shown));
    },
    [shownKey],
  );

  const set = useCallback(<K extends keyof T & string>(name: K, value: T[K]) => {
    setValues((v) => ({ ...v, [name]: value }));
    setFields((f) => {
      if (!(name in f)) return f;
      const { [name]: _gone, ...rest } = f;
      return rest;
    });
  }, []);

  const submit = useCallback(
    async (action: () => Promise<void>, visible?: readonly string[]) => {
      setBusy(true);
      setMessages([]);
      try {
        await action();
      } catch (e) {
        fail(asPortalError(e), visible);
      } finally {
        setBusy(false);
      }
    },
    [fail],
  );

  return { values, fields, messages, busy, set, submit, fail };
}
