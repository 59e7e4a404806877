/**
 * Pagefind's engine in its own web worker (`pagefind-worker.js`), driven without `pagefind.js`.
 *
 * Pagefind 1.6 already searches in a worker; its `pagefind.js` only starts that worker and
 * passes messages, yet carries the whole engine's glue for the main thread too: 13 KiB gzipped
 * of every first search that the worker itself downloads again. This speaks the worker's
 * messages directly — `{ id, instanceId, method, args }` in, `{ id, result }` or
 * `{ id, error }` out — as `pagefind.js` does. Pagefind is pinned (package.json); where a
 * worker cannot start, the loader falls back to `pagefind.js`.
 */
import type {
  PagefindApi,
  PagefindResult,
  PagefindResultData,
  PagefindSearchResponse,
} from './pagefind-types.ts';

/** How long a worker may take to answer its first message before it counts as broken. */
const START_TIMEOUT_MS = 5000;
/** The one engine instance this page keeps in the worker. */
const INSTANCE = 'readout';

/** A message sent, waiting for its answer. */
interface Waiting {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** A result as the worker sends it: its data is a key to ask for, not a function. */
type WorkerResult = Omit<PagefindResult, 'data'> & { data: string };

/**
 * Starts Pagefind's worker from the bundle at `bundleUrl` with engine `options` (those of
 * Pagefind's `options()`), and resolves once it answers. Rejects when workers are unavailable
 * or the worker fails to load.
 */
export async function startPagefindWorker(
  bundleUrl: string,
  options: Record<string, unknown>,
): Promise<PagefindApi> {
  const worker = new Worker(`${bundleUrl}pagefind-worker.js`);
  const pending = new Map<string, Waiting>();
  let next = 0;
  const failAll = (error: Error) => {
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  worker.addEventListener(
    'message',
    (event: MessageEvent<{ id: string; result?: unknown; error?: string }>) => {
      const { id, result, error } = event.data;
      const waiting = pending.get(id);
      if (!waiting) return;
      pending.delete(id);
      if (error !== undefined) waiting.reject(new Error(error));
      else waiting.resolve(result);
    },
  );
  worker.addEventListener('error', () => failAll(new Error('Pagefind’s worker failed')));
  const send = <T>(method: string, args: unknown[]): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = `m${next++}`;
      pending.set(id, { resolve: (value) => resolve(value as T), reject });
      worker.postMessage({ id, instanceId: INSTANCE, method, args });
    });
  // The worker keeps each result's page data until told it is no longer wanted.
  const release = new FinalizationRegistry<string>((key) => {
    void send('releaseData', [key]).catch(() => undefined);
  });

  const language = document.documentElement.lang.toLowerCase() || 'unknown';
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([
      send('init', [{ ...options, basePath: bundleUrl, language, primary: true }]),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error('Pagefind’s worker did not answer')),
          START_TIMEOUT_MS,
        );
      }),
    ]);
  } catch (error) {
    worker.terminate();
    throw error;
  } finally {
    clearTimeout(timer);
  }

  return {
    options: (more) => send('options', [more]),
    init: () => Promise.resolve(),
    filters: () => send('filters', []),
    async search(term, searchOptions = {}) {
      const response = await send<
        Omit<PagefindSearchResponse, 'results'> & { results: WorkerResult[] }
      >('search', [term, searchOptions]);
      const results = response.results.map((result): PagefindResult => {
        const key = result.data;
        const withData = { ...result, data: () => send<PagefindResultData>('getData', [key]) };
        release.register(withData, key);
        return withData;
      });
      return { ...response, results };
    },
  };
}
