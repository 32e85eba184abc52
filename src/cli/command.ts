import type { ParseArgsConfig } from 'node:util';
import type { Config } from '../server/config.js';

/** What a command receives: the configuration and its own parsed arguments. */
export interface CommandInput {
  /** Loaded from the environment on first use, so `--help` and bad arguments need none. */
  config(): Config;
  values: Record<string, string | boolean | Array<string | boolean> | undefined>;
  positionals: string[];
}

/**
 * One `rabita` command. The registry in main.ts parses its arguments strictly from `options`
 * (an unknown option is a usage error, exit status 2) and prints `help` for `--help`.
 */
export interface CliCommand {
  /** The words that name it: `['backup']`, `['user', 'add']`. */
  name: string[];
  /** One line for `rabita --help`. */
  summary: string;
  /** The whole text for `rabita <command> --help`, starting with its `Usage:` line. */
  help: string;
  options?: NonNullable<ParseArgsConfig['options']>;
  /** How many positional arguments it takes (default: none). */
  positionals?: { min: number; max: number };
  /** The exit status; -1 keeps the process running (a server). */
  run(input: CommandInput): Promise<number>;
}

/** Wrong arguments: one line on stderr and exit status 2. */
export class UsageError extends Error {}

/** A failure the operator can act on: one line on stderr and exit status 1, no stack. */
export class CommandFailed extends Error {}
