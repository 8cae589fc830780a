/**
 * The one place where the command-line tools open an input file (Node only; the browser gets a `File` whose size
 * is known). Before a byte is read the path is checked with `stat` (which never blocks): a FIFO, a device such as
 * `/dev/zero`, a socket or a directory is refused at once ("not a regular file"), and so is a file over the size
 * limit, so that a hostile path can neither hang the command nor fill its memory.
 */
import { readFileSync, statSync, type Stats } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { inputError, InputError } from './problems';

/** Default largest input file, in MiB (a 3-million-row CSV is about 100 MiB; raise with `--max-input-mb`). */
export const DEFAULT_MAX_INPUT_MB = 512;

/** Bytes in one MiB. */
const MIB = 1024 * 1024;

/** What a path is, for the "not a regular file" message. */
function kindOf(info: Stats): string {
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a FIFO (named pipe)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'not a file';
}

/**
 * Reads an input file's bytes after checking that it is a regular file of at most `maxInputMb` MiB.
 * @param file the path as the user gave it (named in every message)
 * @param maxInputMb size limit in MiB (default {@link DEFAULT_MAX_INPUT_MB})
 * @param option the command-line option that raises the limit, named in the message
 * @throws InputError `notRegularFile`, `fileTooLarge`, or `cannotRead` (no such file, no permission)
 * @example
 * await readInputFile('/dev/zero'); // InputError: /dev/zero: not a regular file (a character device) ...
 */
export async function readInputFile(
  file: string,
  maxInputMb = DEFAULT_MAX_INPUT_MB,
  option = '--max-input-mb',
): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(file);
  } catch (error) {
    throw cannotRead(file, error);
  }
  checkStats(file, info, maxInputMb, option);
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    throw cannotRead(file, error);
  }
}

/** The synchronous {@link readInputFile}, for small option files (e.g. `--costs costs.json`). */
export function readInputFileSync(
  file: string,
  maxInputMb = DEFAULT_MAX_INPUT_MB,
  option = '--max-input-mb',
): Uint8Array {
  let info;
  try {
    info = statSync(file);
  } catch (error) {
    throw cannotRead(file, error);
  }
  checkStats(file, info, maxInputMb, option);
  try {
    return new Uint8Array(readFileSync(file));
  } catch (error) {
    throw cannotRead(file, error);
  }
}

/** Refuses what is not a regular file, or is over the limit, from its `stat` alone. */
function checkStats(file: string, info: Stats, maxInputMb: number, option: string): void {
  if (!info.isFile()) throw inputError(file, 'notRegularFile', { kind: kindOf(info) });
  if (info.size > maxInputMb * MIB) {
    throw inputError(file, 'fileTooLarge', {
      sizeMb: (info.size / MIB).toFixed(1),
      limitMb: String(maxInputMb),
      option,
    });
  }
}

function cannotRead(file: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  const detail = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (code ?? String(error));
  return inputError(file, 'cannotRead', { detail });
}
