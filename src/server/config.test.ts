import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, SETTING_NAMES } from './config.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file: string) => fs.readFileSync(path.join(repo, file), 'utf8');

/** The settings a shipped env file sets (uncommented `NAME=value` lines). */
function setIn(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .map((line) => /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line))
      .filter((match) => match !== null)
      .map((match) => [match[1], match[2]]),
  );
}

describe('settings', () => {
  it('are every one documented in the shipped env file and in the operations guide', () => {
    const envFile = read('deploy/rabita.env');
    const guide = read('docs/operations.md');
    for (const name of SETTING_NAMES) {
      expect(envFile, name).toMatch(new RegExp(`^#?${name}=`, 'm'));
      expect(guide, name).toContain(`\`${name}\``);
    }
  });

  it('of the shipped env file load as they stand', () => {
    const config = loadConfig(setIn(read('deploy/rabita.env')));
    expect(config.trustProxy).toBe('loopback');
    expect(config.publicUrl).toBe('https://training.example.org');
  });

  it('name the proxies whose X-Forwarded-* is believed', () => {
    const trust = (value: string) => loadConfig({ RABITA_TRUST_PROXY: value }).trustProxy;
    expect(trust('0')).toBe(false);
    expect(trust('1')).toBe('loopback');
    expect(trust('10.0.0.5, 10.0.1.0/24')).toBe('10.0.0.5,10.0.1.0/24');
    expect(() => trust('yes')).toThrow(ConfigError);
  });

  it('read from a replica only when one is named, within a lag limit', () => {
    expect(loadConfig({}).replicaUrl).toBeUndefined();
    expect(loadConfig({ DATABASE_REPLICA_URL: '' }).replicaUrl).toBeUndefined();
    const config = loadConfig({
      DATABASE_REPLICA_URL: 'postgres://rabita_app:x@replica.internal/rabita',
      RABITA_REPLICA_MAX_LAG_SECONDS: '2.5',
    });
    expect(config.replicaUrl).toBe('postgres://rabita_app:x@replica.internal/rabita');
    expect(config.replicaMaxLagSeconds).toBe(2.5);
    expect(loadConfig({}).replicaMaxLagSeconds).toBe(10);
    expect(() => loadConfig({ DATABASE_REPLICA_URL: 'replica.internal' })).toThrow(ConfigError);
    expect(() => loadConfig({ RABITA_REPLICA_MAX_LAG_SECONDS: '0' })).toThrow(ConfigError);
  });
});
