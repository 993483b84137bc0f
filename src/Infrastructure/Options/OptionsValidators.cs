using System.Net;
using System.Text;
using FullAuth.Application.Common.Options;
using FullAuth.Infrastructure.Security;
using FullAuth.Infrastructure.Stores.Redis;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FullAuth.Infrastructure.Options;

// Startup validation: each failure names the setting (as its environment variable would) and the fix.

internal sealed class FullAuthOptionsValidator(IHostEnvironment environment, IOptions<StoresOptions> stores)
    : IValidateOptions<FullAuthOptions>
{
    public ValidateOptionsResult Validate(string? name, FullAuthOptions options)
    {
        var errors = new List<string>();
        if (options.Backend is not null && options.Backend.Trim().ToLowerInvariant() is not (StoreSelection.Memory or StoreSelection.Redis))
        {
            errors.Add($"FullAuth:Backend '{options.Backend}' is unknown. Use 'memory' or 'redis'.");
        }

        var resolved = StoreSelection.Resolve(options, stores.Value);
        foreach (var (store, backend) in resolved)
        {
            if (backend is not (StoreSelection.Memory or StoreSelection.Redis))
            {
                errors.Add($"FullAuth:Stores:{store} '{backend}' is unknown. Use 'memory' or 'redis'.");
            }
        }

        var redisStores = resolved.Where(s => s.Value == StoreSelection.Redis).Select(s => s.Key).ToList();
        if (redisStores.Count > 0 && string.IsNullOrWhiteSpace(options.RedisUrl))
        {
            errors.Add($"FullAuth:RedisUrl is required because these stores use Redis: {string.Join(", ", redisStores)}. " +
                "Set FullAuth__RedisUrl (for example 127.0.0.1:6379) or FullAuth__Backend=memory.");
        }
        else if (!string.IsNullOrWhiteSpace(options.RedisUrl))
        {
            try
            {
                _ = RedisConfiguration.Parse(options.RedisUrl);
            }
            catch (FormatException ex)
            {
                errors.Add(ex.Message);
            }
        }

        if (options.TokenDelivery.Trim().ToLowerInvariant() is not ("json" or "cookie" or "both"))
        {
            errors.Add($"FullAuth:TokenDelivery '{options.TokenDelivery}' is unknown. Use 'json', 'cookie' or 'both'.");
        }

        if (options.Debug && !environment.IsDevelopment())
        {
            errors.Add("FullAuth:Debug is only allowed in Development. Remove FullAuth__Debug.");
        }

        foreach (var proxy in options.TrustedProxies)
        {
            if (!IPAddress.TryParse(proxy, out _) && !IPNetwork.TryParse(proxy, out _))
            {
                errors.Add($"FullAuth:TrustedProxies entry '{proxy}' is neither an IP address nor a CIDR range.");
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

internal sealed class JwtOptionsValidator(IOptions<FullAuthOptions> root, IHostEnvironment environment) : IValidateOptions<JwtOptions>
{
    public ValidateOptionsResult Validate(string? name, JwtOptions options)
    {
        var errors = new List<string>();
        var algorithm = options.Algorithm;
        if (string.IsNullOrEmpty(root.Value.SecretKey))
        {
            errors.Add("FullAuth:SecretKey is missing. Generate one with `dotnet run --project src/Api -- secret` and set FullAuth__SecretKey.");
        }
        else
        {
            var needed = SigningKeyRing.MinimumSecretBytes(algorithm);
            if (Encoding.UTF8.GetByteCount(root.Value.SecretKey) < needed && !environment.IsDevelopment())
            {
                errors.Add($"FullAuth:SecretKey must be at least {needed} bytes for {algorithm}. Generate one with `dotnet run --project src/Api -- secret`.");
            }
        }

        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            errors.Add("FullAuth:Jwt:Issuer must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            errors.Add("FullAuth:Jwt:Audience must not be empty.");
        }

        Positive(errors, "FullAuth:Jwt:AccessTokenLifetime", options.AccessTokenLifetime);
        Positive(errors, "FullAuth:Jwt:RefreshTokenLifetime", options.RefreshTokenLifetime);
        Positive(errors, "FullAuth:Jwt:RememberMeLifetime", options.RememberMeLifetime);
        if (options.ClockSkew < TimeSpan.Zero || options.ClockSkew > TimeSpan.FromMinutes(5))
        {
            errors.Add($"FullAuth:Jwt:ClockSkew {options.ClockSkew} must be between 00:00:00 and 00:05:00.");
        }

        var secret = root.Value.SecretKey;
        if (!(SigningKeyRing.IsHmac(options.Algorithm) && string.IsNullOrEmpty(secret)))
        {
            try
            {
                _ = SigningKeyRing.Create(secret, options);
            }
            catch (InvalidOperationException ex)
            {
                errors.Add(ex.Message);
            }
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    internal static void Positive(List<string> errors, string setting, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{setting} must be a positive TimeSpan (for example 00:15:00).");
        }
    }
}

internal sealed class PasswordOptionsValidator : IValidateOptions<PasswordOptions>
{
    public ValidateOptionsResult Validate(string? name, PasswordOptions options)
    {
        var errors = new List<string>();
        if (options.Hasher.ToLowerInvariant() is not ("argon2id" or "bcrypt"))
        {
            errors.Add($"FullAuth:Password:Hasher '{options.Hasher}' is unknown. Use 'argon2id' or 'bcrypt'.");
        }

        if (options.BcryptWorkFactor is < 10 or > 31)
        {
            errors.Add("FullAuth:Password:BcryptWorkFactor must be between 10 and 31.");
        }

        if (options.MinLength < 1)
        {
            errors.Add("FullAuth:Password:MinLength must be at least 1.");
        }

        if (options.MaxLength < options.MinLength || options.MaxLength > 1024)
        {
            errors.Add("FullAuth:Password:MaxLength must be at least MinLength and at most 1024.");
        }

        if (options.MaxConcurrentHashes is < 0 or > 256)
        {
            errors.Add("FullAuth:Password:MaxConcurrentHashes must be 0 (= one per core) to 256.");
        }

        JwtOptionsValidator.Positive(errors, "FullAuth:Password:QueueTimeout", options.QueueTimeout);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}

internal sealed class LimitsOptionsValidator :
    IValidateOptions<LockoutOptions>, IValidateOptions<RateLimitOptions>, IValidateOptions<SessionOptions>, IValidateOptions<SecurityOptions>, IValidateOptions<DatabaseOptions>,
    IValidateOptions<RedisOptions>
{
    public ValidateOptionsResult Validate(string? name, RedisOptions options)
    {
        var errors = new List<string>();
        if (options.KeyPrefix is null || options.KeyPrefix.Any(char.IsWhiteSpace))
        {
            errors.Add("FullAuth:Redis:KeyPrefix must not contain white space (default 'fullauth:').");
        }

        return Result(errors);
    }

    public ValidateOptionsResult Validate(string? name, LockoutOptions options)
    {
        var errors = new List<string>();
        AtLeastOne(errors, "FullAuth:Lockout:MaxFailedAttempts", options.MaxFailedAttempts);
        JwtOptionsValidator.Positive(errors, "FullAuth:Lockout:Duration", options.Duration);
        return Result(errors);
    }

    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var errors = new List<string>();
        JwtOptionsValidator.Positive(errors, "FullAuth:RateLimits:Window", options.Window);
        AtLeastOne(errors, "FullAuth:RateLimits:Login", options.Login);
        AtLeastOne(errors, "FullAuth:RateLimits:Register", options.Register);
        AtLeastOne(errors, "FullAuth:RateLimits:Email", options.Email);
        AtLeastOne(errors, "FullAuth:RateLimits:Confirm", options.Confirm);
        AtLeastOne(errors, "FullAuth:RateLimits:Passkey", options.Passkey);
        AtLeastOne(errors, "FullAuth:RateLimits:Refresh", options.Refresh);
        AtLeastOne(errors, "FullAuth:RateLimits:Reauth", options.Reauth);
        return Result(errors);
    }

    public ValidateOptionsResult Validate(string? name, SessionOptions options)
    {
        var errors = new List<string>();
        AtLeastOne(errors, "FullAuth:Sessions:MaxPerUser", options.MaxPerUser);
        return Result(errors);
    }

    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        var errors = new List<string>();
        JwtOptionsValidator.Positive(errors, "FullAuth:Security:ReauthenticationWindow", options.ReauthenticationWindow);
        return Result(errors);
    }

    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        var errors = new List<string>();
        if (options.Provider is not ("Sqlite" or "SqlServer" or "PostgreSql"))
        {
            errors.Add($"FullAuth:Database:Provider '{options.Provider}' is unknown. Use 'Sqlite', 'SqlServer' or 'PostgreSql'.");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            errors.Add("FullAuth:Database:ConnectionString must not be empty.");
        }

        return Result(errors);
    }

    private static void AtLeastOne(List<string> errors, string setting, int value)
    {
        if (value < 1)
        {
            errors.Add($"{setting} must be at least 1.");
        }
    }

    private static ValidateOptionsResult Result(List<string> errors) =>
        errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
}
