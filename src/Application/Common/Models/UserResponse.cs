using FullAuth.Domain.Users;

namespace FullAuth.Application.Common.Models;

/// <summary>The contract's <c>User</c> shape.</summary>
public sealed record UserResponse(
    string Id,
    string Email,
    string? Name,
    string? Image,
    bool EmailVerified,
    bool IsActive,
    bool HasPassword,
    bool MfaEnabled,
    IReadOnlyList<string> Roles,
    DateTimeOffset CreatedAt)
{
    public static UserResponse From(User user) => new(
        user.Id,
        user.Email,
        user.Name,
        user.Image,
        user.EmailVerified,
        user.IsActive,
        user.HasPassword,
        user.MfaEnabled,
        user.RoleNames,
        user.CreatedAt);
}
