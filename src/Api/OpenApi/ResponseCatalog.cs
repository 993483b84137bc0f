using FullAuth.Api.Contracts;
using FullAuth.Application.Admin.ListAudit;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Configuration.GetPublicConfig;
using FullAuth.Application.Keys.GetDiscovery;
using FullAuth.Application.Keys.GetJwks;
using FullAuth.Application.Mfa.Common;
using FullAuth.Application.Passkeys.Common;
using FullAuth.Application.Roles.Common;
using FullAuth.Application.Sessions.ListSessions;
using FullAuth.Application.Sessions.RevokeOtherSessions;

namespace FullAuth.Api.OpenApi;

/// <summary>A documented success response: its status, the body's possible shapes (none = no body) and a description.</summary>
public sealed record DocumentedResponse(int Status, string Description, params Type[] Shapes);

/// <summary>
/// The success responses of each action, as API.md describes them. Actions return <c>IActionResult</c>
/// (the body depends on the delivery mode and on settings), so the document learns the shapes from here.
/// Adding an action? Add its line: <c>OpenApiDocumentTests</c> fails for an operation without one.
/// </summary>
public static class ResponseCatalog
{
    private const string Auth = "api/v1/auth/";

    public static readonly IReadOnlyDictionary<string, DocumentedResponse[]> Responses = new Dictionary<string, DocumentedResponse[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["POST " + Auth + "register"] =
        [
            new(202, "Enumeration prevention on (default): always this fixed body; never signs in.", typeof(DetailResponse)),
            new(201, "Enumeration prevention off: signed in (LoginResponse, or the cookie-mode shape), or {user} when RequireVerifiedEmail is on.", typeof(LoginResponse), typeof(CookieLoginResponse), typeof(CreatedUserResponse)),
        ],
        ["POST " + Auth + "login"] = [new(200, "Signed in (JSON delivery: tokens in the body; cookie delivery: tokens in cookies and csrf_token in the body), or an MfaChallenge when TOTP is on.", typeof(LoginResponse), typeof(CookieLoginResponse), typeof(MfaChallengeResponse))],
        ["POST " + Auth + "refresh"] = [new(200, "Rotated. JSON delivery: a new token pair; cookie delivery: new cookies.", typeof(TokenPairResponse), typeof(CookieRefreshResponse))],
        ["POST " + Auth + "logout"] = [new(204, "The session ended (also for an unknown or already revoked token).")],
        ["GET " + Auth + "me"] = [new(200, "The caller.", typeof(UserResponse))],
        ["PATCH " + Auth + "me"] = [new(200, "The updated caller.", typeof(UserResponse))],
        ["DELETE " + Auth + "me"] = [new(204, "The account is deleted.")],
        ["POST " + Auth + "change-password"] = [new(204, "Changed; the other sessions are revoked.")],
        ["POST " + Auth + "verify-email/request"] = [new(202, "Always, whether or not the account exists or is verified.", typeof(DetailResponse))],
        ["POST " + Auth + "verify-email/confirm"] = [new(200, "The address is verified.", typeof(DetailResponse))],
        ["POST " + Auth + "password-reset/request"] = [new(202, "Always, for unknown emails too.", typeof(DetailResponse))],
        ["POST " + Auth + "password-reset/confirm"] = [new(204, "The password is set; every session is revoked.")],
        ["POST " + Auth + "email-change/request"] = [new(202, "Always.", typeof(DetailResponse))],
        ["POST " + Auth + "email-change/confirm"] = [new(200, "The address changed.", typeof(UserResponse))],
        ["GET " + Auth + "sessions"] = [new(200, "Most recently used first.", typeof(IReadOnlyList<SessionResponse>))],
        ["DELETE " + Auth + "sessions/{id}"] = [new(204, "Revoked (the current one = logout).")],
        ["POST " + Auth + "sessions/revoke-others"] = [new(200, "How many were revoked.", typeof(RevokeOtherSessionsResponse))],
        ["GET " + Auth + "csrf"] = [new(200, "A CSRF token bound to the session of a valid cookie, if any.", typeof(CsrfTokenResponse))],
        ["GET " + Auth + "roles/me"] = [new(200, "The caller's roles and effective permissions.", typeof(AccessResponse))],
        ["GET " + Auth + "roles"] = [new(200, "Every role.", typeof(IReadOnlyList<RoleResponse>))],
        ["POST " + Auth + "roles"] = [new(201, "Created.", typeof(RoleResponse))],
        ["PATCH " + Auth + "roles/{name}"] = [new(200, "Updated.", typeof(RoleResponse))],
        ["DELETE " + Auth + "roles/{name}"] = [new(204, "Deleted and unassigned.")],
        ["POST " + Auth + "roles/assign"] = [new(204, "Assigned.")],
        ["POST " + Auth + "roles/revoke"] = [new(204, "Revoked.")],
        ["GET " + Auth + "roles/users/{userId}"] = [new(200, "The user's roles and effective permissions.", typeof(AccessResponse))],
        ["GET " + Auth + "admin/users"] = [new(200, "A page of users.", typeof(PagedResponse<UserResponse>))],
        ["POST " + Auth + "admin/users"] = [new(201, "Invited: the user exists without a password and gets a set-password link.", typeof(UserResponse))],
        ["GET " + Auth + "admin/users/{id}"] = [new(200, "The user.", typeof(UserResponse))],
        ["PATCH " + Auth + "admin/users/{id}"] = [new(200, "The updated user.", typeof(UserResponse))],
        ["DELETE " + Auth + "admin/users/{id}"] = [new(204, "Deleted.")],
        ["POST " + Auth + "admin/users/{id}/revoke-sessions"] = [new(200, "How many were revoked.", typeof(RevokeOtherSessionsResponse))],
        ["POST " + Auth + "admin/users/{id}/mfa/reset"] = [new(204, "Two-factor authentication is off for the user.")],
        ["GET " + Auth + "admin/audit"] = [new(200, "A page of audit entries, newest first.", typeof(PagedResponse<AuditEntryResponse>))],
        ["POST " + Auth + "magic-link/request"] = [new(202, "Always, whether or not the address has an account.", typeof(DetailResponse))],
        ["POST " + Auth + "magic-link/confirm"] = [new(200, "Signed in (amr: email), or an MfaChallenge when TOTP is on.", typeof(LoginResponse), typeof(CookieLoginResponse), typeof(MfaChallengeResponse))],
        ["POST " + Auth + "mfa/totp/setup"] = [new(200, "The pending secret, its otpauth:// URI and QR code (SVG).", typeof(TotpSetupResponse))],
        ["POST " + Auth + "mfa/totp/enable"] = [new(200, "TOTP is on; the 10 recovery codes, shown once.", typeof(RecoveryCodesResponse))],
        ["POST " + Auth + "mfa/totp/disable"] = [new(204, "Two-factor authentication is off.")],
        ["POST " + Auth + "mfa/recovery-codes"] = [new(200, "New recovery codes; the old ones stop working.", typeof(RecoveryCodesResponse))],
        ["POST " + Auth + "mfa/verify"] = [new(200, "Signed in (amr adds otp, mfa).", typeof(LoginResponse), typeof(CookieLoginResponse))],
        ["POST " + Auth + "token/introspect"] = [new(200, "RFC 7662: the token's claims when active, else exactly {active: false}.", typeof(IntrospectionResponse), typeof(InactiveIntrospectionResponse))],
        ["POST " + Auth + "token/revoke"] = [new(200, "Always (RFC 7009); the token's session ends.")],
        ["POST " + Auth + "passkeys/register/begin"] = [new(200, "PublicKeyCredentialCreationOptionsJSON: pass it to PublicKeyCredential.parseCreationOptionsFromJSON as it is (camelCase).", typeof(CreationOptionsJson))],
        ["POST " + Auth + "passkeys/register/complete"] = [new(201, "The new passkey (failures: 400 passkey_failed).", typeof(PasskeyResponse))],
        ["POST " + Auth + "passkeys/authenticate/begin"] = [new(200, "PublicKeyCredentialRequestOptionsJSON for PublicKeyCredential.parseRequestOptionsFromJSON; allowCredentials is always a list.", typeof(RequestOptionsJson))],
        ["POST " + Auth + "passkeys/authenticate/complete"] = [new(200, "Signed in (amr: webauthn, plus mfa with user verification), or an MfaChallenge when TOTP is on and Mfa:Methods lists the passkey kind.", typeof(LoginResponse), typeof(CookieLoginResponse), typeof(MfaChallengeResponse))],
        ["GET " + Auth + "passkeys"] = [new(200, "The caller's passkeys, oldest first.", typeof(IReadOnlyList<PasskeyResponse>))],
        ["PATCH " + Auth + "passkeys/{id}"] = [new(200, "The renamed passkey.", typeof(PasskeyResponse))],
        ["DELETE " + Auth + "passkeys/{id}"] = [new(204, "Removed (400 last_login_method when it is the only way in).")],
        ["GET api/v1/config"] = [new(200, "What a frontend needs to render its sign-in page.", typeof(PublicConfigResponse))],
        ["GET .well-known/jwks.json"] = [new(200, "Public signing keys (404 when only HMAC is used).", typeof(JwksResponse))],
        ["GET .well-known/openid-configuration"] = [new(200, "Discovery for resource servers.", typeof(DiscoveryResponse))],
    };

    /// <summary>Bodies read as raw JSON (PATCH: absent = unchanged, null = clear), described here.</summary>
    public static readonly IReadOnlyDictionary<string, (string Name, Type Type)[]> PatchBodies = new Dictionary<string, (string, Type)[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["PATCH " + Auth + "me"] = [("name", typeof(string)), ("image", typeof(string))],
        ["PATCH " + Auth + "admin/users/{id}"] = [("is_active", typeof(bool)), ("email_verified", typeof(bool)), ("name", typeof(string))],
    };

    /// <summary>Operations behind a rate-limit bucket (API.md's table): they document 429.</summary>
    public static readonly IReadOnlySet<string> RateLimited = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "POST " + Auth + "register", "POST " + Auth + "login", "POST " + Auth + "refresh",
        "POST " + Auth + "verify-email/request", "POST " + Auth + "password-reset/request", "POST " + Auth + "email-change/request",
        "POST " + Auth + "verify-email/confirm", "POST " + Auth + "password-reset/confirm", "POST " + Auth + "email-change/confirm",
        "POST " + Auth + "change-password", "DELETE " + Auth + "me",
        "POST " + Auth + "magic-link/request", "POST " + Auth + "magic-link/confirm",
        "POST " + Auth + "mfa/verify", "POST " + Auth + "mfa/totp/disable",
        "POST " + Auth + "passkeys/authenticate/begin", "POST " + Auth + "passkeys/authenticate/complete",
    };
}
