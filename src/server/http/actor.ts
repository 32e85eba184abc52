import type { Locale } from '../../contract/common.js';
import type { Permission, Role } from '../../contract/roles.js';
import type { NationScope } from '../../domain/access.js';

/** The signed-in user acting on a request, with what they may do and see. */
export interface Actor {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  nationCode: string | null;
  locale: Locale;
  permissions: Set<Permission>;
  scope: NationScope;
  /** How the request authenticated: cookie sessions need CSRF checks, bearer tokens don't. */
  via:
    | { kind: 'session'; tokenHash: string; csrfToken: string }
    | { kind: 'token'; tokenId: string };
}
