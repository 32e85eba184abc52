/** A backup or restore problem the operator can act on: the CLI prints it as one line. */
export class BackupError extends Error {}

/** The operator's words for a file system error, e.g. "permission denied" for EACCES. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOSPC':
      return 'the disk is full';
    case 'EDQUOT':
      return 'the disk quota is used up';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOENT':
      return 'no such file or folder';
    case 'ENOTDIR':
      return 'not a folder';
    default:
      return (error as Error).message ?? String(error);
  }
}
