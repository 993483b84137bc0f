namespace FullAuth.Application.OAuth.Common;

/// <summary>The providers this deployment has configured.</summary>
public interface IOAuthProviderRegistry
{
    IReadOnlyList<IOAuthProvider> All { get; }

    /// <summary>The provider with this id (case-sensitive), or null (the routes answer 404).</summary>
    IOAuthProvider? Find(string? id);
}
