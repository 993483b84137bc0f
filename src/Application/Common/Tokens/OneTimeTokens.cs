using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Security;
using FullAuth.Domain.Common;
using FullAuth.Domain.Tokens;
using FullAuth.Domain.Users;
using Microsoft.Extensions.Options;

namespace FullAuth.Application.Common.Tokens;

public sealed class OneTimeTokens(
    IOneTimeTokenRepository tokens,
    IUnitOfWork unitOfWork,
    IOptions<TokensOptions> options,
    IOptions<MagicLinksOptions> magicLinkOptions,
    TimeProvider time) : IOneTimeTokens
{
    public async Task<string> IssueAsync(User user, string purpose, string email, string? sessionId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await tokens.VoidUnusedAsync(user.Id, TokenPurposes.ReplacedBy(purpose), now, cancellationToken);
        var raw = OpaqueToken.Create(24);
        tokens.Add(new OneTimeToken(Ids.New(), user.Id, purpose, OpaqueToken.Digest(raw), EmailAddress.Normalize(email), now, now + LifetimeOf(purpose), sessionId));
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return raw;
    }

    public async Task<Result<OneTimeToken>> RedeemAsync(string rawToken, IReadOnlyCollection<string> purposes, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var token = await tokens.FindByHashAsync(OpaqueToken.Digest(rawToken), cancellationToken);
        if (token is null || !purposes.Contains(token.Purpose) || !token.IsUsable(now))
        {
            return Error.InvalidToken;
        }

        return await tokens.TryConsumeAsync(token.Id, now, cancellationToken) ? token : Error.InvalidToken;
    }

    private TimeSpan LifetimeOf(string purpose)
    {
        var settings = options.Value;
        return purpose switch
        {
            TokenPurposes.VerifyEmail => settings.EmailVerificationLifetime,
            TokenPurposes.PasswordReset => settings.PasswordResetLifetime,
            TokenPurposes.EmailChange => settings.EmailChangeLifetime,
            TokenPurposes.Invitation => settings.InvitationLifetime,
            TokenPurposes.MagicLink or TokenPurposes.MagicLinkRememberMe => magicLinkOptions.Value.Lifetime,
            _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Unknown token purpose."),
        };
    }
}
