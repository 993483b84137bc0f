namespace FullAuth.Application.Common.Models;

/// <summary>A new or refreshed session's tokens, with what the Api needs for cookie delivery.</summary>
public sealed record SessionTokens(
    string AccessToken,
    string RefreshToken,
    int ExpiresIn,
    string SessionId,
    DateTimeOffset SessionExpiresAt,
    bool RememberMe)
{
    public override string ToString() => $"SessionTokens {{ SessionId = {SessionId}, ExpiresIn = {ExpiresIn} }}";
}

/// <summary>
/// The outcome of a successful first factor: a completed sign-in (the session's tokens and the user),
/// or, for a user with two-factor authentication on, an <see cref="MfaChallenge"/> and nothing else.
/// Check <see cref="MfaRequired"/> before reading <see cref="Tokens"/> or <see cref="User"/>;
/// <c>TokenDelivery.SignedIn</c> in the Api does, so a sign-in route needs no code of its own for MFA.
/// </summary>
public sealed class SignInResult
{
    private readonly SessionTokens? _tokens;
    private readonly UserResponse? _user;

    public SignInResult(SessionTokens tokens, UserResponse user)
    {
        _tokens = tokens;
        _user = user;
    }

    private SignInResult(MfaChallenge challenge) => MfaChallenge = challenge;

    /// <summary>Set when the first factor succeeded and the second is still due.</summary>
    public MfaChallenge? MfaChallenge { get; }

    public bool MfaRequired => MfaChallenge is not null;

    public SessionTokens Tokens => _tokens ?? throw new InvalidOperationException("An MFA challenge carries no tokens: check MfaRequired first.");

    public UserResponse User => _user ?? throw new InvalidOperationException("An MFA challenge carries no user: check MfaRequired first.");

    public static SignInResult Challenge(MfaChallenge challenge) => new(challenge);

    public override string ToString() => MfaRequired ? "SignInResult { MfaRequired = True }" : $"SignInResult {{ {Tokens} }}";
}

/// <summary>The contract's <c>MfaChallenge</c>: the opaque <c>mfa_token</c> and its lifetime in seconds.</summary>
public sealed record MfaChallenge(string MfaToken, int ExpiresIn)
{
    public override string ToString() => $"MfaChallenge {{ MfaToken = ***, ExpiresIn = {ExpiresIn} }}";
}
