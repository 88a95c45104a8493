// Temp files that must not outlive the process. While a write holds the guard, SIGINT,
// SIGTERM and SIGHUP are caught: the registered temp files are removed, then the signal is
// raised again with its default action, so the exit status is still the conventional 128+N.
// A signal that arrives during a synchronous write waits for it to finish (Node runs signal
// listeners from the event loop), so the write completes or cleans up, never half-happens.
import { unlinkSync } from 'node:fs';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

const temps = new Set<string>();
let holds = 0;

function onSignal(signal: NodeJS.Signals): void {
  for (const path of temps) removeQuietly(path);
  temps.clear();
  uninstall();
  // No listener left, so Node restored the default action: this ends the process.
  process.kill(process.pid, signal);
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    /* already gone */
  }
}

function install(): void {
  for (const s of SIGNALS) process.on(s, onSignal);
}

function uninstall(): void {
  for (const s of SIGNALS) process.removeListener(s, onSignal);
}

/** Remove `path` if a signal ends the process before `forgetTemp(path)`. */
export function trackTemp(path: string): void {
  temps.add(path);
}

export function forgetTemp(path: string): void {
  temps.delete(path);
}

/**
 * Catch the signals until `release()`. The release waits two turns of the event loop
 * before it lets go, so that a signal which arrived during the write reaches the listener
 * (and ends the process) instead of being dropped with it.
 */
export function holdSignals(): { release: () => Promise<void> } {
  if (holds++ === 0) install();
  let released = false;
  return {
    release: async () => {
      if (released) return;
      released = true;
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
      if (--holds === 0) uninstall();
    },
  };
}
