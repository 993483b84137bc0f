using System.Security.Cryptography;
using System.Text.Json;
using FullAuth.Application.OAuth.Common;
using FullAuth.Domain.OAuth;
using Microsoft.AspNetCore.DataProtection;

namespace FullAuth.Infrastructure.OAuth;

/// <summary>Provider tokens encrypted at rest with ASP.NET Data Protection (key ring shared by every instance).</summary>
internal sealed class DataProtectionProviderTokenStore(IDataProtectionProvider dataProtection) : IProviderTokenStore
{
    private readonly IDataProtector _protector = dataProtection.CreateProtector("FullAuth.OAuth.ProviderTokens.v1");

    public void Store(OAuthAccount account, ProviderTokens tokens) =>
        account.SetProtectedTokens(_protector.Protect(JsonSerializer.Serialize(tokens)));

    public ProviderTokens? Read(OAuthAccount account)
    {
        if (account.ProtectedTokens is null)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ProviderTokens>(_protector.Unprotect(account.ProtectedTokens));
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
