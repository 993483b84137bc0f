namespace FullAuth.Application.Common.Options;

public sealed class JwtOptions
{
    public const string SectionName = "FullAuth:Jwt";

    public string Algorithm { get; set; } = "HS256";
    public string Issuer { get; set; } = "fullauth";
    public string Audience { get; set; } = "fullauth";
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);
    public TimeSpan RememberMeLifetime { get; set; } = TimeSpan.FromDays(90);
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);
    public List<JwtKeyOptions> Keys { get; set; } = [];
}

public sealed class JwtKeyOptions
{
    public string? KeyId { get; set; }
    public string? PrivateKeyPem { get; set; }
    public string? PrivateKeyPath { get; set; }
}
