using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Options;
using Microsoft.Extensions.Options;

namespace FullAuth.Application.Common.Mfa;

/// <summary><c>Mfa:RequiredForRoles</c>: whether a user must enroll TOTP before using most routes.</summary>
public interface IMfaEnrollment
{
    /// <summary>False at once when no role requires MFA (no database read).</summary>
    Task<bool> IsRequiredAsync(string userId, CancellationToken cancellationToken);
}

public sealed class MfaEnrollment(IUserRepository users, IOptions<MfaOptions> options) : IMfaEnrollment
{
    public async Task<bool> IsRequiredAsync(string userId, CancellationToken cancellationToken)
    {
        var roles = options.Value.RequiredForRoles;
        if (roles.Count == 0)
        {
            return false;
        }

        // Current state, not the token's role snapshot: a role granted a minute ago applies now.
        var user = await users.FindByIdAsync(userId, cancellationToken);
        return user is { MfaEnabled: false } && roles.Exists(user.HasRole);
    }
}
