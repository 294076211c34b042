/** Loads one call's result, again whenever its input changes or reload() is called (e.g. after an edit). */
import { useCallback, useEffect, useState } from 'react';
import type { CallInput, CallName, CallOutput } from '../../src/contract/contract.js';
import { call } from '../api.js';

export function useCall<N extends CallName>(name: N, input: CallInput<N>) {
  const [data, setData] = useState<CallOutput<N> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);
  const key = JSON.stringify(input);
  useEffect(() => {
    let live = true;
    setLoading(true);
    call(name, JSON.parse(key) as CallInput<N>)
      .then(
        (value) => {
          if (!live) return;
          setData(value);
          setError(null);
        },
        (err: Error) => live && setError(err.message),
      )
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [name, key, version]);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { data, error, loading, reload, version };
}
