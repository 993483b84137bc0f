using FullAuth.Domain.Users;

namespace FullAuth.Application.Common.Interfaces;

/// <summary>What is known about a sign-in once its credential succeeded.</summary>
public sealed record SignInContext(User User, IReadOnlyList<string> Amr, string? IpAddress, string? UserAgent);

/// <summary>
/// Extension point consulted on every sign-in, whatever the method, after the credential succeeded.
/// Register any number; one that answers false vetoes with 403 <c>sign_in_not_allowed</c>.
/// </summary>
public interface ISignInPolicy
{
    ValueTask<bool> AllowSignInAsync(SignInContext context, CancellationToken cancellationToken);
}
