import { useEffect, useState } from 'react';
import type { AsyncState } from './use-async';

/**
 * Loads data now and again every `intervalMs` while the page is visible; a hidden tab stops asking
 * and asks at once when it is shown again. The next request waits for the previous answer, so a
 * slow server never has requests piling up. The last answer stays on screen while the next loads.
 */
export function usePolling<T>(
  load: (signal: AbortSignal) => Promise<T>,
  intervalMs: number,
): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let running = false;
    const poll = async () => {
      if (running || controller.signal.aborted || document.visibilityState !== 'visible') return;
      running = true;
      clearTimeout(timer);
      try {
        const data = await load(controller.signal);
        if (!controller.signal.aborted) setState({ status: 'ok', data });
      } catch (error) {
        if (controller.signal.aborted) return;
        setState({
          status: 'error',
          error: error instanceof Error ? error : new Error(String(error)),
        });
      } finally {
        running = false;
      }
      if (!controller.signal.aborted) timer = setTimeout(() => void poll(), intervalMs);
    };
    const onVisibility = () => void poll();
    document.addEventListener('visibilitychange', onVisibility);
    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
    // `load` is a new closure every render; polling restarts only when the interval changes.
  }, [intervalMs]);
  return state;
}
