namespace FullAuth.Application.Common.Options;

public sealed class RateLimitOptions
{
    public const string SectionName = "FullAuth:RateLimits";

    public bool Enabled { get; set; } = true;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
    public int Login { get; set; } = 5;
    public int Register { get; set; } = 3;
    public int Email { get; set; } = 3;
    public int Confirm { get; set; } = 10;
    public int Passkey { get; set; } = 10;
    public int Refresh { get; set; } = 30;
    public int Reauth { get; set; } = 5;

    public int LimitFor(string bucket) => bucket switch
    {
        RateLimitBuckets.Login => Login,
        RateLimitBuckets.Register => Register,
        RateLimitBuckets.Email => Email,
        RateLimitBuckets.Confirm => Confirm,
        RateLimitBuckets.Passkey => Passkey,
        RateLimitBuckets.Refresh => Refresh,
        RateLimitBuckets.Reauth => Reauth,
        _ => throw new ArgumentOutOfRangeException(nameof(bucket), bucket, "Unknown rate-limit bucket."),
    };
}

/// <summary>The contract's rate-limit buckets.</summary>
public static class RateLimitBuckets
{
    public const string Login = "login";
    public const string Register = "register";
    public const string Email = "email";
    public const string Confirm = "confirm";
    public const string Passkey = "passkey";
    public const string Refresh = "refresh";
    public const string Reauth = "reauth";
}
