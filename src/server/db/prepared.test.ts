import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { preparedStatement } from './prepared.js';
import { frameworks } from './schema/index.js';

const frameworkCode = preparedStatement((db) =>
  db
    .select({ code: frameworks.code })
    .from(frameworks)
    .where(eq(frameworks.code, sql.placeholder('code')))
    .prepare('rabita_test_framework_by_code'),
);

describe('preparedStatement', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t?.close();
  });

  it("runs on the caller's transaction, seeing what it has not committed yet", async () => {
    await t.db.db
      .transaction(async (tx) => {
        await tx.insert(frameworks).values({ code: 'TST', name: { en: 'Test framework' } });
        expect(await frameworkCode(tx, { code: 'TST' })).toEqual([{ code: 'TST' }]);
        // The pool's other connections do not see it: the statement ran on the transaction's.
        expect(await frameworkCode(t.db.db, { code: 'TST' })).toEqual([]);
        throw new Error('roll back');
      })
      .catch((error: Error) => expect(error.message).toBe('roll back'));
    expect(await frameworkCode(t.db.db, { code: 'TST' })).toEqual([]);
  });

  it('runs again and again on the pool, with new values each time', async () => {
    for (let i = 0; i < 12; i++) {
      expect(await frameworkCode(t.db.db, { code: `NO${i}` })).toEqual([]);
    }
  });
});
