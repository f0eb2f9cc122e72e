/**
 * Issue 14: a page's code chunk that fails to load. Either the network is down (say so, offer
 * Try again) or the server was redeployed and the chunk's hashed name no longer exists (reload
 * the app once, to get the new index.html and its chunks).
 */

/** The messages browsers and Vite give when a dynamic import or its CSS cannot be fetched. */
const CHUNK_ERROR =
  /Failed to fetch dynamically imported module|Importing a module script failed|error loading dynamically imported module|Unable to preload CSS|Loading (CSS )?chunk .* failed/i;

export function isChunkLoadError(error: unknown): boolean {
  return error instanceof Error && CHUNK_ERROR.test(error.message);
}

export const RELOAD_GUARD_KEY = 'csp.chunkReloadAt';
/** One automatic reload per this many ms: a chunk still missing after it is shown, not looped. */
const RELOAD_GUARD_MS = 60_000;

/** True when the server answers: the chunk is missing (a deploy), not the network. */
export async function serverReachable(): Promise<boolean> {
  try {
    const response = await fetch('/healthz', { cache: 'no-store' });
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Reloads the page once for a stale chunk. Returns false (and does nothing) when a reload was
 * already tried in the last minute (sessionStorage), so a broken deploy cannot loop.
 */
export function reloadOnce(now = Date.now()): boolean {
  try {
    const last = Number(window.sessionStorage.getItem(RELOAD_GUARD_KEY) ?? 0);
    if (now - last < RELOAD_GUARD_MS) return false;
    window.sessionStorage.setItem(RELOAD_GUARD_KEY, String(now));
  } catch {
    return false; // no storage: no guard, so no automatic reload
  }
  window.location.reload();
  return true;
}
