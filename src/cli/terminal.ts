/**
 * The terminal side of the command-line tools (`npm run plan`, `npm run rollout`): where they write, a one-line
 * progress display, and the entry that turns `main`'s result into the exit code. The commands themselves take a
 * {@link Console}, so tests capture their output.
 */
import { pathToFileURL } from 'node:url';
import type { Progress } from '../core/types';

/** Where a command writes: injectable for tests. */
export interface Console {
  out: (line: string) => void;
  err: (line: string) => void;
  /** True when stderr is a terminal: progress is shown only then. */
  isTty: boolean;
}

/** The process's stdout and stderr. */
export const nodeConsole: Console = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  isTty: process.stderr.isTTY === true,
};

/**
 * A one-line progress display on stderr, redrawn at most 10 times a second and cleared by `done`.
 * @param label what is running, e.g. "plan"
 * @param width characters of the line
 */
export function progressPrinter(
  label: string,
  width = 100,
): { update: (progress: Progress) => void; done: () => void } {
  let last = 0;
  let shown = false;
  return {
    update(progress) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      shown = true;
      const message = progress.message ? ` ${progress.message}` : '';
      const text = `${label}: ${(100 * progress.share).toFixed(0)}% objective ${progress.objective}${message}`;
      process.stderr.write(`\r${text.slice(0, width).padEnd(width)}`);
    },
    done() {
      if (shown) process.stderr.write(`\r${' '.repeat(width)}\r`);
    },
  };
}

/**
 * Runs `main` when `moduleUrl` is the script Node was started with, and sets the exit code it returns. A reader
 * that closes the pipe early (`npm run rollout | head`) ends the command quietly instead of with an EPIPE trace.
 * @param moduleUrl `import.meta.url` of the command's module
 * @param main the command
 */
export function runAsScript(moduleUrl: string, main: (argv: readonly string[]) => Promise<number>): void {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? '').href) return;
  restoreDefaultSignals();
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

/**
 * Gives SIGTERM and SIGINT back their default action (the kernel ends the process at once). A loader such as tsx
 * installs JavaScript handlers for them, and a JavaScript handler only runs when the event loop is free: during a
 * long synchronous read or solve the command would ignore the signal until the work is done. The commands hold
 * nothing that needs cleaning up (outputs are written at the end, in one call each).
 */
export function restoreDefaultSignals(): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.removeAllListeners(signal);
}
