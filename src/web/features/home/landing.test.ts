import { describe, expect, it } from 'vitest';
import { landingOf } from './landing.js';

describe('landingOf', () => {
  it.each([
    [['npoc'], 'myNation'],
    [['registrar'], 'centreToday'],
    [['administrator'], 'administration'],
    [['observer'], 'dashboards'],
    [['instructor'], 'mySessions'],
    [['nominator'], 'myProposals'],
    [['participant'], 'myTraining'],
    [['npoc', 'registrar'], 'centreToday'],
    [[], 'dashboards'],
  ] as const)('%j lands on %s', (roles, landing) => {
    expect(landingOf(roles)).toBe(landing);
  });
});
