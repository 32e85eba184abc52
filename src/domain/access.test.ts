import { describe, expect, it } from 'vitest';
import { canSeeNation, nationScopeOf, permissionsOf, roleNationProblem } from './access.js';

describe('permissionsOf', () => {
  it.each([
    [['administrator'], 'users.manage', true],
    [['administrator'], 'audit.read', true],
    [['registrar'], 'partners.manage', true],
    [['registrar'], 'users.manage', false],
    [['npoc'], 'contacts.manage', true],
    [['npoc'], 'partners.manage', false],
    [['observer'], 'partners.read', true],
    [['observer'], 'contacts.manage', false],
    [['participant'], 'authenticated', true],
    [[], 'partners.read', false],
  ] as const)('%j has %s: %s', (roles, permission, expected) => {
    expect(permissionsOf(roles).has(permission)).toBe(expected);
  });

  it('never grants the public marker as a permission of its own', () => {
    expect(permissionsOf(['administrator']).has('public')).toBe(false);
  });
});

describe('nationScopeOf', () => {
  it.each([
    [{ roles: ['administrator'], nationCode: null }, { kind: 'all' }],
    [{ roles: ['registrar'], nationCode: 'KWT' }, { kind: 'all' }],
    [
      { roles: ['npoc'], nationCode: 'KWT' },
      { kind: 'nation', nationCode: 'KWT' },
    ],
    [{ roles: ['observer'], nationCode: null }, { kind: 'all' }],
    [
      { roles: ['observer'], nationCode: 'QAT' },
      { kind: 'nation', nationCode: 'QAT' },
    ],
  ] as const)('%j -> %j', (user, scope) => {
    expect(nationScopeOf(user)).toEqual(scope);
  });

  it('lets a nation scope see its own nation only', () => {
    const scope = nationScopeOf({ roles: ['npoc'], nationCode: 'KWT' });
    expect(canSeeNation(scope, 'KWT')).toBe(true);
    expect(canSeeNation(scope, 'QAT')).toBe(false);
  });
});

describe('roleNationProblem', () => {
  it.each([
    [['npoc'], null, 'must belong to a nation'],
    [['npoc'], 'KWT', null],
    [['administrator', 'npoc'], 'KWT', 'cannot be combined'],
    [['observer'], null, null],
  ] as const)('%j with nation %s', (roles, nation, expected) => {
    const problem = roleNationProblem(roles, nation);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toContain(expected);
  });
});
