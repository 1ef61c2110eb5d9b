import { useCallback, useEffect, useState, type DependencyList } from 'react';

export type AsyncState<T> =
  { status: 'loading' } | { status: 'error'; error: Error } | { status: 'ok'; data: T };

/**
 * Loads data for a screen, cancelling the previous request when its inputs change so a slow
 * answer to an old search never replaces the answer to the new one. Returns a reload function.
 * With `keepWhileReloading`, the data on screen stays until the new answer replaces it (for
 * screens that reload after each of the analyst's edits, so the page does not flash).
 */
export function useAsync<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: DependencyList,
  { keepWhileReloading = false }: { keepWhileReloading?: boolean } = {},
): [AsyncState<T>, () => void] {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState((previous) =>
      previous.status === 'loading' || (keepWhileReloading && previous.status === 'ok')
        ? previous
        : { status: 'loading' },
    );
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ok', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({
          status: 'error',
          error: error instanceof Error ? error : new Error(String(error)),
        });
      },
    );
    return () => controller.abort();
    // The caller's deps decide when to load again; `load` itself is a new closure every render.
  }, [...deps, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return [state, reload];
}
