using BenchmarkDotNet.Attributes;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Options;
using FullAuth.Domain.Users;
using FullAuth.Infrastructure.Security;
using FullAuth.Infrastructure.Stores;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace FullAuth.Bench;

/// <summary>The per-request token path: issue, validate (signature + claims + blacklist), revocation check.</summary>
[MemoryDiagnoser]
public class TokenBenchmarks
{
    private JwtAccessTokenIssuer _issuer = null!;
    private JwtAccessTokenValidator _validator = null!;
    private InMemoryTokenBlacklist _blacklist = null!;
    private AccessTokenRequest _request = null!;
    private string _token = null!;

    [Params("HS256", "ES256")]
    public string Algorithm { get; set; } = "HS256";

    [GlobalSetup]
    public void Setup()
    {
        var jwt = new JwtOptions { Algorithm = Algorithm };
        if (Algorithm.StartsWith("ES", StringComparison.Ordinal))
        {
            using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
            jwt.Keys.Add(new JwtKeyOptions { PrivateKeyPem = key.ExportPkcs8PrivateKeyPem() });
        }

        var ring = SigningKeyRing.Create("benchmark-secret-0123456789-abcdefghijklmnopqrstuvwxyz", jwt);
        _blacklist = new InMemoryTokenBlacklist(TimeProvider.System);
        _issuer = new JwtAccessTokenIssuer(ring, Options.Create(jwt), TimeProvider.System);
        _validator = new JwtAccessTokenValidator(ring, _blacklist, Options.Create(jwt), TimeProvider.System, NullLoggerFactory.Instance);
        var user = new User("01a2user", "bench@example.com", "Bench", DateTimeOffset.UtcNow);
        _request = new AccessTokenRequest(user, "01a2session", DateTimeOffset.UtcNow, ["pwd"], new Dictionary<string, object>());
        _token = _issuer.Issue(_request).Token;
    }

    [Benchmark]
    public string Issue() => _issuer.Issue(_request).Token;

    [Benchmark]
    public async Task<bool> Validate() => await _validator.ValidateAsync(_token, CancellationToken.None) is not null;

    [Benchmark]
    public async Task<bool> RevocationCheck() => await _blacklist.IsRevokedAsync("jti", "sid", CancellationToken.None);
}
