using FullAuth.Domain.Tokens;

namespace FullAuth.Application.Common.Interfaces;

public interface IOneTimeTokenRepository
{
    void Add(OneTimeToken token);

    Task<OneTimeToken?> FindByHashAsync(string tokenHash, CancellationToken cancellationToken);

    /// <summary>Marks the token used if nobody did before: of concurrent callers exactly one gets true.</summary>
    Task<bool> TryConsumeAsync(string tokenId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Voids the user's unused tokens of these purposes (a new one replaces them; a password change voids resets).</summary>
    Task<int> VoidUnusedAsync(string userId, IReadOnlyCollection<string> purposes, DateTimeOffset now, CancellationToken cancellationToken);
}
