import { writeFile } from 'node:fs/promises';
import { PlanYear } from '../contract/plans.js';
import type { Config } from '../server/config.js';
import { systemContext } from '../server/features/context.js';
import { runPlan } from '../server/features/plans/run.js';
import { AppError } from '../server/http/errors.js';
import { openDatabase } from '../server/main.js';
import { CommandFailed, UsageError } from './command.js';

const print = (line: string) => process.stdout.write(`${line}\n`);

/**
 * `rabita plan YEAR [--out FILE]`: proposes a new version of the year's plan as the API does,
 * prints its summary and writes the whole version as JSON. Nothing reaches the calendar until
 * the version is accepted.
 */
export async function runPlanCommand(
  config: () => Config,
  yearText: string,
  options: { out?: string; seconds?: string },
): Promise<number> {
  const year = PlanYear.safeParse(yearText);
  if (!year.success) throw new UsageError(`YEAR must be a year from 2000 to 2100, not ${yearText}`);
  const seconds = options.seconds === undefined ? 60 : Number(options.seconds);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 600) {
    throw new UsageError('--seconds takes a whole number from 1 to 600');
  }
  const database = await openDatabase(config());
  try {
    await database.migrate();
    const plan = await runPlan(
      (work) => database.handle.db.transaction((tx) => work(systemContext(tx, 'cli-plan'))),
      year.data,
      { timeLimitSeconds: seconds },
    );
    const share = plan.bound > 0 ? ((plan.score / plan.bound) * 100).toFixed(1) : '100.0';
    print(
      `Plan ${plan.year} version ${plan.version} (${plan.method}, solver ${plan.solverStatus}, ${(plan.solveMs / 1000).toFixed(1)} s)`,
    );
    print(
      `  sessions: ${plan.sessions.filter((s) => !s.existing).length} proposed, ${plan.sessions.filter((s) => s.existing).length} already in the calendar`,
    );
    print(`  seats: ${plan.seatsMet} of ${plan.seatsDemanded} planned seats met`);
    print(
      `  weighted seats: ${plan.score} of a proven bound of ${plan.bound.toFixed(1)} (${share}%)`,
    );
    const reasons = new Map<string, number>();
    for (const u of plan.unmet) reasons.set(u.reason, (reasons.get(u.reason) ?? 0) + u.seats);
    for (const [reason, seats] of reasons) print(`  unmet: ${seats} seats (${reason})`);
    for (const c of plan.conflicts)
      print(`  conflict: ${c.kind} in week ${c.week}: ${c.sessions.join(', ')}`);
    if (options.out) {
      try {
        await writeFile(options.out, `${JSON.stringify(plan, null, 2)}\n`);
      } catch {
        throw new CommandFailed(`cannot write ${options.out}`);
      }
      print(`Written to ${options.out}`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    process.stderr.write(`rabita: ${error.message}\n`);
    return 1;
  } finally {
    await database.close();
  }
}
