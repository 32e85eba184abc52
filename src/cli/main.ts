import { parseArgs } from 'node:util';
import { type Config, ConfigError, loadConfig } from '../server/config.js';
import { type CliCommand, CommandFailed, UsageError } from './command.js';
import { COMMANDS } from './registry.js';

const commandWords = (command: CliCommand) => command.name.join(' ');

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => commandWords(c).length)) + 2;
  return `Usage: rabita <command> [options]

Commands:
${COMMANDS.map((c) => `  ${commandWords(c).padEnd(width)}${c.summary}`).join('\n')}

Run "rabita <command> --help" for a command's options. Settings come from the environment
(deploy/rabita.env lists them all).
`;
}

/** The command the words name, longest name first (`user add` before a lone `user`). */
function find(argv: string[]): CliCommand | undefined {
  return COMMANDS.filter((c) => c.name.every((word, i) => argv[i] === word)).sort(
    (a, b) => b.name.length - a.name.length,
  )[0];
}

async function main(argv: string[]): Promise<number> {
  const first = argv[0];
  if (first === undefined || first === 'help' || first === '--help' || first === '-h') {
    const named = first === 'help' ? find(argv.slice(1)) : undefined;
    process.stdout.write(named ? named.help : overview());
    return 0;
  }
  if (first === '--version' || first === '-v') {
    process.stdout.write(`${await releaseVersion()}\n`);
    return 0;
  }
  const command = find(argv);
  if (!command) {
    const words = argv
      .filter((a) => !a.startsWith('-'))
      .slice(0, 2)
      .join(' ');
    throw new UsageError(`unknown command "${words || first}"; "rabita --help" lists them`);
  }
  const args = argv.slice(command.name.length);
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(command.help);
    return 0;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args,
      options: command.options ?? {},
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    // Node's first sentence says which option, and how it was wrong; the rest is noise.
    const sentence = (error as Error).message.split(/\.\s|\n/)[0];
    throw new UsageError(`${sentence}; "rabita ${commandWords(command)} --help" lists the options`);
  }
  const { min, max } = command.positionals ?? { min: 0, max: 0 };
  if (parsed.positionals.length < min || parsed.positionals.length > max)
    throw new UsageError(
      parsed.positionals.length > max
        ? `unexpected argument "${parsed.positionals[max]}"`
        : `missing argument; usage: ${command.help.split('\n')[0]?.replace(/^Usage: /, '')}`,
    );
  let config: Config | undefined;
  return command.run({
    config: () => {
      config ??= loadConfig();
      return config;
    },
    values: parsed.values,
    positionals: parsed.positionals,
  });
}

async function releaseVersion(): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  const manifest = new URL('../../package.json', import.meta.url);
  const fallback = new URL('../../../package.json', import.meta.url);
  const raw = await readFile(manifest, 'utf8').catch(() => readFile(fallback, 'utf8'));
  return (JSON.parse(raw) as { version: string }).version;
}

/**
 * Failures the operator can act on: one line, no stack. Their modules are loaded only when a
 * failure needs sorting, so a command that never opens the database never loads them.
 */
async function isKnownFailure(error: unknown): Promise<boolean> {
  if (error instanceof CommandFailed || error instanceof ConfigError) return true;
  const [{ StartupError }, { DatabaseAccessError }, { EmbeddedDatabaseError }] = await Promise.all([
    import('../server/main.js'),
    import('../server/db/access.js'),
    import('../server/db/embedded.js'),
  ]);
  return (
    error instanceof StartupError ||
    error instanceof DatabaseAccessError ||
    error instanceof EmbeddedDatabaseError
  );
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exit(code);
  },
  async (error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`rabita: ${error.message}\n`);
      process.exit(2);
    }
    const known = await isKnownFailure(error).catch(() => false);
    const message = error instanceof Error ? error.message : String(error);
    // An unexpected failure still gets one line; its stack only when asked for.
    process.stderr.write(
      known
        ? `rabita: ${message}\n`
        : `rabita: unexpected failure: ${message}\n${
            process.env.RABITA_DEBUG === '1' && error instanceof Error
              ? `${error.stack}\n`
              : '(set RABITA_DEBUG=1 to see where it happened)\n'
          }`,
    );
    process.exit(1);
  },
);
