/** Reports long work as one line every few seconds, never a flood. */
export interface Progress {
  add(bytes: number, files?: number): void;
  /** A last line, whatever the time since the previous one. */
  done(): void;
}

const EVERY_MS = 3_000;

/** Lines on `write` (stderr by default): "backup: 1.2 GB of 3.4 GB, 350 of 1,200 files". */
export function progressLines(
  what: string,
  total: { bytes: number; files: number },
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  now: () => number = Date.now,
): Progress {
  let bytes = 0;
  let files = 0;
  let last = now();
  const line = () =>
    write(
      `${what}: ${formatBytes(bytes)} of ${formatBytes(total.bytes)}, ${files.toLocaleString('en')} of ${total.files.toLocaleString('en')} files`,
    );
  return {
    add(more, moreFiles = 0) {
      bytes += more;
      files += moreFiles;
      if (now() - last >= EVERY_MS) {
        last = now();
        line();
      }
    },
    done: () =>
      write(`${what}: ${formatBytes(bytes)} in ${files.toLocaleString('en')} files, done`),
  };
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['kB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
