using FullAuth.Application.Common.Interfaces;
using Microsoft.AspNetCore.DataProtection;

namespace FullAuth.Infrastructure.Mfa;

/// <summary>
/// Secrets at rest through ASP.NET Data Protection (AES-256-CBC + HMAC-SHA256 by default) with a
/// purpose of their own. The key ring is shared by every instance: in the database
/// (<c>DataProtectionKeys</c> table) or, when Redis is used, in Redis.
/// </summary>
internal sealed class DataProtectionSecretProtector(IDataProtectionProvider provider) : ISecretProtector
{
    public const string Purpose = "FullAuth.Mfa.TotpSecret.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
