import type { Role } from '../../../contract/index.js';

export type Landing =
  | 'administration'
  | 'centreToday'
  | 'mySessions'
  | 'myNation'
  | 'myProposals'
  | 'myTraining'
  | 'dashboards';

// A user with several roles lands where their widest responsibility is (SCREENS.md).
const ORDER: readonly [Role, Landing][] = [
  ['administrator', 'administration'],
  ['registrar', 'centreToday'],
  ['course_director', 'mySessions'],
  ['instructor', 'mySessions'],
  ['npoc', 'myNation'],
  ['nominator', 'myProposals'],
  ['participant', 'myTraining'],
  ['observer', 'dashboards'],
];

export function landingOf(roles: readonly Role[]): Landing {
  for (const [role, landing] of ORDER) if (roles.includes(role)) return landing;
  return 'dashboards';
}
