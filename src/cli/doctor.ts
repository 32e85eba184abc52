import { ConfigError } from '../server/config.js';
import {
  checkDatabase,
  checkDisk,
  checkNode,
  checkPublicUrl,
  checkSmtp,
  checkWebBuild,
  type Finding,
} from '../server/ops/doctor-checks.js';
import type { CliCommand } from './command.js';
import { existingWebBuild } from './web-build.js';

const MARK = { ok: 'ok  ', warn: 'WARN', fail: 'FAIL' } as const;

function print(finding: Finding) {
  process.stdout.write(`${MARK[finding.status]}  ${finding.area}: ${finding.detail}\n`);
  if (finding.fix) process.stdout.write(`      -> ${finding.fix}\n`);
}

export const doctorCommand: CliCommand = {
  name: ['doctor'],
  summary: 'check configuration, database, e-mail, keys and disk, and say what to fix',
  help: `Usage: rabita doctor

Checks what a server needs, with the settings of this environment (run it as the service's user
with its env file, e.g. "sudo -u rabita env $(cat /etc/rabita/rabita.env | xargs) rabita doctor"):
the settings, Node, the web build, free disk space, the database (reachable, version, migrations,
signing key), the mail server, and the public address. It changes nothing.

Exit status: 0 nothing failed (warnings allowed), 1 something must be fixed.
`,
  async run({ config: load }) {
    const findings: Finding[] = [checkNode(), checkWebBuild(existingWebBuild())];
    let config: ReturnType<typeof load>;
    try {
      config = load();
      findings.push({ area: 'settings', status: 'ok', detail: 'every setting is valid' });
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      findings.push({
        area: 'settings',
        status: 'fail',
        detail: error.message,
        fix: 'correct it in the environment (deploy/rabita.env documents every setting)',
      });
      findings.forEach(print);
      return 1;
    }
    findings.push(checkDisk(config), checkPublicUrl(config));
    findings.push(...(await checkDatabase(config)));
    findings.push(await checkSmtp(config));
    findings.forEach(print);
    const failed = findings.filter((f) => f.status === 'fail').length;
    const warned = findings.filter((f) => f.status === 'warn').length;
    process.stdout.write(
      failed > 0
        ? `\n${failed} to fix${warned ? `, ${warned} to look at` : ''}.\n`
        : `\nNothing to fix${warned ? `; ${warned} to look at` : ''}.\n`,
    );
    return failed > 0 ? 1 : 0;
  },
};
