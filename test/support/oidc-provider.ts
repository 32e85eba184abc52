import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

/** A person at the test provider: their subject and the claims the provider releases. */
export interface TestAccount {
  sub: string;
  email?: string;
  email_verified?: boolean;
  name?: string;
  rabita_groups?: string[];
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  accounts: Map<string, TestAccount>;
  /** The subject the next login at the provider signs in as. */
  signInAs(sub: string): void;
  /**
   * Changes the ID token the token endpoint returns (claims), re-signed with the provider's own
   * key or, with `foreignKey`, with a key nobody published; null: the token as issued.
   */
  tamper: ((claims: Record<string, unknown>) => Record<string, unknown>) | null;
  foreignKey: boolean;
  close(): Promise<void>;
}

/**
 * A real OpenID provider (the certified `oidc-provider`) on a free loopback port, with one
 * confidential client for Rabita. Logins are decided by `signInAs` instead of a login form, and
 * consent is implied, so a test drives the whole authorization code flow over HTTP.
 */
export async function startTestProvider(redirectUri: string): Promise<TestProvider> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk: JWK = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const foreign = await generateKeyPair('RS256', { extractable: true });
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, TestAccount>();
  let nextSub: string | null = null;
  const clientId = 'rabita-test';
  const clientSecret = 'a-client-secret-of-the-test-provider';
  const origin = new URL(redirectUri).origin;

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        post_logout_redirect_uris: [`${origin}/sign-in`],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ['test-cookie-key'] },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
      rabita: ['rabita_groups'],
    },
    scopes: ['openid', 'email', 'profile', 'rabita'],
    features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      Grant: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 600,
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, id) => {
      const account = accounts.get(id);
      return account ? { accountId: id, claims: () => ({ ...account }) } : undefined;
    },
    // Consent is implied: the grant covers whatever the client asked for.
    loadExistingGrant: async (ctx: KoaContextWithOIDC) => {
      const session = ctx.oidc.session;
      const client = ctx.oidc.client;
      if (!session?.accountId || !client) return undefined;
      const grant = new ctx.oidc.provider.Grant({
        clientId: client.clientId,
        accountId: session.accountId,
      });
      grant.addOIDCScope(String(ctx.oidc.params?.scope ?? 'openid'));
      grant.addOIDCClaims(['email', 'email_verified', 'name', 'rabita_groups']);
      await grant.save();
      return grant;
    },
  });

  const fixture: TestProvider = {
    issuer,
    clientId,
    clientSecret,
    accounts,
    signInAs: (sub) => {
      nextSub = sub;
    },
    tamper: null,
    foreignKey: false,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };

  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.oidc?.route !== 'token' || !fixture.tamper || !body?.id_token) return;
    const payload = JSON.parse(
      Buffer.from(body.id_token.split('.')[1] ?? '', 'base64url').toString(),
    ) as Record<string, unknown>;
    const claims = fixture.tamper(payload);
    const key = fixture.foreignKey ? foreign.privateKey : privateKey;
    body.id_token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: fixture.foreignKey ? 'unknown-key' : 'test-key' })
      .sign(key);
  });

  const callback = provider.callback();
  server.on('request', (req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      void (async () => {
        try {
          if (!nextSub) throw new Error('signInAs was not called');
          await provider.interactionFinished(
            req,
            res,
            { login: { accountId: nextSub } },
            { mergeWithLastSubmission: false },
          );
        } catch (error) {
          res.statusCode = 500;
          res.end(String(error));
        }
      })();
      return;
    }
    void callback(req, res);
  });
  return fixture;
}

/** A browser's cookies at the provider: enough of a jar for its redirects. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();
  store(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair?.indexOf('=') ?? -1;
      if (!pair || at < 1) continue;
      this.cookies.set(pair.slice(0, at), pair.slice(at + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * Follows the provider's redirects from the authorization URL until it sends the browser to
 * `redirectUri`, and returns that URL (with code, state and iss).
 */
export async function followProvider(
  authorizationUrl: string,
  redirectUri: string,
  jar = new CookieJar(),
): Promise<URL> {
  let url = authorizationUrl;
  for (let hop = 0; hop < 10; hop++) {
    if (url.startsWith(redirectUri)) return new URL(url);
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.store(response);
    const location = response.headers.get('location');
    if (!location) {
      throw new Error(
        `provider answered ${response.status}: ${(await response.text()).slice(0, 300)}`,
      );
    }
    url = new URL(location, url).href;
  }
  throw new Error('too many redirects at the provider');
}
