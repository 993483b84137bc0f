// A real OpenID provider (panva/oidc-provider) for FullAuth's OAuth end-to-end tests.
// Started by the test fixture on 127.0.0.1 with its settings in environment variables:
//   OIDC_PORT, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URIS (comma separated).
// One confidential client, authorization code flow with PKCE S256 required. The dev interactions
// (a login form taking any login/password, then a consent form) stand in for a real login page.
// The login typed becomes the subject; claims: email = the login when it contains '@' (else
// login@oidc.test), email_verified = false only when the login starts with "unverified.".
import Provider from 'oidc-provider';

const port = Number(process.env.OIDC_PORT ?? 4000);
const issuer = `http://127.0.0.1:${port}`;

const provider = new Provider(issuer, {
  clients: [{
    client_id: process.env.OIDC_CLIENT_ID ?? 'fullauth',
    client_secret: process.env.OIDC_CLIENT_SECRET ?? 'fullauth-secret',
    redirect_uris: (process.env.OIDC_REDIRECT_URIS ?? 'http://localhost:3000/').split(','),
    response_types: ['code'],
    grant_types: ['authorization_code'],
    token_endpoint_auth_method: 'client_secret_basic',
  }],
  pkce: { required: () => true },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  features: { devInteractions: { enabled: true } },
  cookies: { keys: ['fullauth-oidc-test-cookie-key-0123456789'] },
  findAccount: async (ctx, sub) => ({
    accountId: sub,
    claims: async () => ({
      sub,
      email: sub.includes('@') ? sub.toLowerCase() : `${sub}@oidc.test`,
      email_verified: !sub.startsWith('unverified.'),
      name: `Test ${sub.split('@')[0]}`,
    }),
  }),
});

provider.on('server_error', (ctx, err) => console.error('server_error', err));
provider.listen(port, '127.0.0.1', () => console.log(`oidc-provider listening on ${issuer}`));
