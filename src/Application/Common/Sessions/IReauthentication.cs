using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using FullAuth.Domain.Users;

namespace FullAuth.Application.Common.Sessions;

/// <summary>
/// The contract's "recent authentication": the session's <c>auth_time</c> is within
/// <c>Security:ReauthenticationWindow</c>, or a correct <c>current_password</c> stands in for it.
/// A wrong one is 403 <c>invalid_current_password</c> and counts toward lockout.
/// </summary>
public interface IReauthentication
{
    Task<Result> RequireAsync(Caller caller, User user, string? currentPassword, CancellationToken cancellationToken);

    /// <summary>Checks a password that the use case requires; a wrong one is 403 <c>invalid_current_password</c>.</summary>
    Task<Result> VerifyCurrentPasswordAsync(User user, string currentPassword, CancellationToken cancellationToken);
}
