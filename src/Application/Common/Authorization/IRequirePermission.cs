using FullAuth.Application.Common.Models;

namespace FullAuth.Application.Common.Authorization;

/// <summary>
/// Declares that a use case needs a permission: the authorization behaviour checks the caller's
/// current permissions before validation or the handler run (403 <c>forbidden</c> otherwise).
/// A fork protects its own command by implementing this.
/// </summary>
public interface IRequirePermission
{
    Caller Caller { get; }

    string RequiredPermission { get; }
}

/// <summary>Declares that a use case needs a role (checked like <see cref="IRequirePermission"/>).</summary>
public interface IRequireRole
{
    Caller Caller { get; }

    string RequiredRole { get; }
}
