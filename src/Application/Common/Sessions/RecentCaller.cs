using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using FullAuth.Domain.Users;

namespace FullAuth.Application.Common.Sessions;

/// <summary>The prologue of every "access + recent" use case that takes no <c>current_password</c>.</summary>
public static class RecentCaller
{
    /// <summary>
    /// The caller's account if it is active (else 401 <c>unauthenticated</c>) and the session's sign-in
    /// is recent (else 403 <c>reauthentication_required</c>).
    /// </summary>
    public static async Task<Result<User>> RecentUserAsync(this IReauthentication reauthentication, IUserRepository users, Caller caller, CancellationToken cancellationToken)
    {
        var user = await users.FindByIdAsync(caller.UserId, cancellationToken);
        if (user is not { IsActive: true })
        {
            return Error.Unauthenticated;
        }

        var recent = await reauthentication.RequireAsync(caller, user, currentPassword: null, cancellationToken);
        return recent.IsSuccess ? user : recent.Error!;
    }
}
