import { useSearchParams } from 'react-router';

/**
 * A list screen's filters and page, kept in the URL: `setParam(key, value)` sets or removes one
 * (replacing the history entry, not adding one) and, unless it is the page itself, goes back to
 * the first page.
 */
export function useListParams(): [URLSearchParams, (key: string, value: string | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'page') next.delete('page');
    setParams(next, { replace: true });
  };
  return [params, setParam];
}
