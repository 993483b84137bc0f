using System.Security.Cryptography;
using System.Text;
using FullAuth.Application.Common.Options;
using FullAuth.Application.OAuth.Common;
using FullAuth.Infrastructure.Security;
using Microsoft.Extensions.Options;

namespace FullAuth.Infrastructure.OAuth;

/// <summary>HMAC-SHA256 under the <c>fullauth:oauth-state</c> purpose key (HKDF of <c>SecretKey</c>).</summary>
internal sealed class OAuthStateKey(IOptions<FullAuthOptions> options) : IOAuthStateKey
{
    private readonly byte[] _key = KeyDerivation.Derive(options.Value.SecretKey ?? string.Empty, KeyDerivation.OAuthState);

    public string Digest(string value) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(value))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
