/**
 * Live status of what an interviewer watches. Today it polls the cached read (a versioned
 * read the server answers from its response cache until the session changes); a
 * `sessionUpdates` subscription can replace `watch` without touching the pages.
 */

export const POLL_INTERVAL_MS = 3000;

export interface Watch {
  stop(): void;
  refresh(): void;
}

/** Call `load` now and every few seconds until `done` says so or `stop` is called. */
export function watch<T>(
  load: () => Promise<T>,
  onValue: (value: T) => void,
  { done, onError, intervalMs = POLL_INTERVAL_MS }: {
    done?: (value: T) => boolean;
    onError?: (error: unknown) => void;
    intervalMs?: number;
  } = {},
): Watch {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const tick = async (): Promise<void> => {
    clearTimeout(timer);
    try {
      const value = await load();
      if (stopped) return;
      onValue(value);
      if (done?.(value)) return;
    } catch (error) {
      if (stopped) return;
      onError?.(error);
    }
    // Hidden tabs wait longer: nobody is looking, and each read is a request.
    const delay = document.hidden ? intervalMs * 5 : intervalMs;
    timer = setTimeout(tick, delay);
  };
  void tick();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
    refresh() {
      if (!stopped) void tick();
    },
  };
}
