import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/api-client.ts';
import { useTranslate } from '../i18n/use-translate.ts';
import { errorText } from './error-text.ts';

export interface ApiData<T> {
  data: T | undefined;
  /** A message for people when loading failed. */
  error: string | undefined;
  loading: boolean;
  /** Load again (after a change). Keeps the old data on screen meanwhile. */
  reload: () => void;
}

/**
 * Data a page shows, loaded when `key` changes. An answer that arrives after a newer request started
 * is dropped, so quick filter changes cannot show stale rows.
 */
export function useApiData<T>(load: () => Promise<T>, key: string): ApiData<T> {
  const t = useTranslate();
  const [data, setData] = useState<T>();
  const [error, setError] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((count) => count + 1), []);

  useEffect(() => {
    let current = true;
    setLoading(true);
    load().then(
      (result) => {
        if (!current) return;
        setData(result);
        setError(undefined);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!current) return;
        if (!(failure instanceof ApiError && failure.handled)) setError(errorText(failure, t));
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
    // `load` is a new function each render; `key` says when what it loads changes.
  }, [key, generation]);

  return { data, error, loading, reload };
}
