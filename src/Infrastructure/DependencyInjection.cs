using System.Security.Cryptography;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Options;
using FullAuth.Infrastructure.Email;
using FullAuth.Infrastructure.OAuth;
using FullAuth.Infrastructure.Options;
using FullAuth.Infrastructure.Passkeys;
using FullAuth.Infrastructure.Persistence;
using FullAuth.Infrastructure.Persistence.Repositories;
using FullAuth.Infrastructure.Security;
using FullAuth.Infrastructure.Stores;
using FullAuth.Infrastructure.Stores.Redis;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.StackExchangeRedis;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FullAuth.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Set when Development started without a SecretKey and one was generated (tokens die on restart).</summary>
    public static bool SecretKeyGenerated { get; private set; }

    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        AddOptions(services, environment);
        AddPersistence(services, configuration);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IPasswordPolicy, PasswordPolicy>();
        services.AddSingleton<IPasswordHasher, PasswordHasher>();
        services.AddSingleton(sp => SigningKeyRing.Create(
            sp.GetRequiredService<IOptions<FullAuthOptions>>().Value.SecretKey,
            sp.GetRequiredService<IOptions<JwtOptions>>().Value));
        services.AddSingleton<IJwksProvider>(sp => sp.GetRequiredService<SigningKeyRing>());
        services.AddSingleton<IAccessTokenIssuer, JwtAccessTokenIssuer>();
        services.AddSingleton<IAccessTokenValidator, JwtAccessTokenValidator>();

        AddEmail(services, environment);
        services.AddSingleton<BackgroundWork.BackgroundWorkQueue>();
        services.AddSingleton<IBackgroundWork>(sp => sp.GetRequiredService<BackgroundWork.BackgroundWorkQueue>());
        services.AddHostedService(sp => sp.GetRequiredService<BackgroundWork.BackgroundWorkQueue>());
        services.AddSingleton<ITotpAuthenticator, FullAuth.Infrastructure.Mfa.TotpAuthenticator>();
        services.AddSingleton<IQrCodeRenderer, FullAuth.Infrastructure.Mfa.SvgQrCodeRenderer>();
        services.AddSingleton<ISecretProtector, FullAuth.Infrastructure.Mfa.DataProtectionSecretProtector>();
        services.AddOAuth();
        services.AddPasskeys();

        var healthChecks = services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", tags: ["ready"])
            .AddCheck<EmailQueueHealthCheck>("mail_queue", tags: ["ready"]);
        AddStores(services, configuration, healthChecks);
        return services;
    }

    /// <summary>
    /// Every store in memory and on Redis; each interface resolves to the backend API.md's table
    /// selects (<c>Backend</c>, <c>RedisUrl</c>, <c>Stores:*</c>, see <see cref="StoreSelection"/>).
    /// </summary>
    private static void AddStores(IServiceCollection services, IConfiguration configuration, IHealthChecksBuilder healthChecks)
    {
        services.AddMetrics();
        services.TryAddSingleton<StoreFailures>();
        services.TryAddSingleton<RedisConnection>();

        services.TryAddSingleton<InMemoryTokenBlacklist>();
        services.TryAddSingleton<InMemoryRateLimiter>();
        services.TryAddSingleton<InMemoryLockoutStore>();
        services.TryAddSingleton<InMemoryChallengeStore>();
        services.TryAddSingleton<RedisTokenBlacklist>();
        services.TryAddSingleton<RedisRateLimiter>();
        services.TryAddSingleton<RedisLockoutStore>();
        services.TryAddSingleton<RedisChallengeStore>();

        services.AddSingleton<ITokenBlacklist>(sp => Select<ITokenBlacklist, InMemoryTokenBlacklist, RedisTokenBlacklist>(sp, StoreSelection.Blacklist));
        services.AddSingleton<IRateLimiter>(sp => Select<IRateLimiter, InMemoryRateLimiter, RedisRateLimiter>(sp, StoreSelection.RateLimit));
        services.AddSingleton<ILockoutStore>(sp => Select<ILockoutStore, InMemoryLockoutStore, RedisLockoutStore>(sp, StoreSelection.Lockout));
        services.AddSingleton<IChallengeStore>(sp => Select<IChallengeStore, InMemoryChallengeStore, RedisChallengeStore>(sp, StoreSelection.Challenges));

        // Instances behind one load balancer must share Data Protection keys (TOTP secrets at rest,
        // protected payloads): when any store is on Redis, the key ring lives there, else in the database
        // (table DataProtectionKeys); one application name either way, so every instance reads the same ring.
        services.AddDataProtection();
        services.AddOptions<KeyManagementOptions>().Configure<IServiceProvider>((o, sp) =>
        {
            if (UsesRedis(sp))
            {
                var redis = sp.GetRequiredService<RedisConnection>();
                o.XmlRepository = new RedisXmlRepository(redis.GetDatabase, redis.KeyPrefix + "dataprotection:keys");
            }
            else
            {
                o.XmlRepository = new EntityFrameworkCoreXmlRepository<AppDbContext>(sp, sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>());
            }
        });
        services.AddOptions<DataProtectionOptions>().Configure(o => o.ApplicationDiscriminator = "FullAuth");

        // The readiness check needs the selection before the container exists: read it from configuration.
        var root = configuration.GetSection(FullAuthOptions.SectionName).Get<FullAuthOptions>() ?? new FullAuthOptions();
        var stores = configuration.GetSection(StoresOptions.SectionName).Get<StoresOptions>() ?? new StoresOptions();
        if (StoreSelection.Resolve(root, stores).Values.Contains(StoreSelection.Redis))
        {
            healthChecks.AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        }
    }

    private static TService Select<TService, TMemory, TRedis>(IServiceProvider sp, string store)
        where TMemory : TService
        where TRedis : TService
        where TService : notnull
    {
        var backend = StoreSelection.Resolve(
            sp.GetRequiredService<IOptions<FullAuthOptions>>().Value,
            sp.GetRequiredService<IOptions<StoresOptions>>().Value)[store];
        return backend == StoreSelection.Redis ? sp.GetRequiredService<TRedis>() : sp.GetRequiredService<TMemory>();
    }

    private static bool UsesRedis(IServiceProvider sp) =>
        StoreSelection.Resolve(
            sp.GetRequiredService<IOptions<FullAuthOptions>>().Value,
            sp.GetRequiredService<IOptions<StoresOptions>>().Value).Values.Contains(StoreSelection.Redis);

    private static void AddOptions(IServiceCollection services, IHostEnvironment environment)
    {
        services.AddOptions<FullAuthOptions>().BindConfiguration(FullAuthOptions.SectionName).ValidateOnStart();
        services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.SectionName).ValidateOnStart();
        services.AddOptions<PasswordOptions>().BindConfiguration(PasswordOptions.SectionName).ValidateOnStart();
        services.AddOptions<LockoutOptions>().BindConfiguration(LockoutOptions.SectionName).ValidateOnStart();
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.SectionName).ValidateOnStart();
        services.AddOptions<RegistrationOptions>().BindConfiguration(RegistrationOptions.SectionName).ValidateOnStart();
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName).ValidateOnStart();
        services.AddOptions<SessionOptions>().BindConfiguration(SessionOptions.SectionName).ValidateOnStart();
        services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.SectionName).ValidateOnStart();
        services.AddOptions<RolesOptions>().BindConfiguration(RolesOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RolesOptions>, RolesOptionsValidator>();
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName).ValidateOnStart();
        services.AddOptions<StoresOptions>().BindConfiguration(StoresOptions.SectionName).ValidateOnStart();
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName).ValidateOnStart();
        services.AddOptions<TokensOptions>().BindConfiguration(TokensOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmailOptions>, EmailOptionsValidator>();
        services.AddSingleton<IValidateOptions<TokensOptions>, EmailOptionsValidator>();
        services.AddOptions<MagicLinksOptions>().BindConfiguration(MagicLinksOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MagicLinksOptions>, MagicLinksOptionsValidator>();
        services.AddOptions<RedisOptions>().BindConfiguration(RedisOptions.SectionName).ValidateOnStart();
        services.AddOptions<MfaOptions>().BindConfiguration(MfaOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MfaOptions>, MfaOptionsValidator>();

        services.AddSingleton<IValidateOptions<FullAuthOptions>, FullAuthOptionsValidator>();
        services.AddSingleton<IValidateOptions<JwtOptions>, JwtOptionsValidator>();
        services.AddSingleton<IValidateOptions<PasswordOptions>, PasswordOptionsValidator>();
        services.AddSingleton<IValidateOptions<LockoutOptions>, LimitsOptionsValidator>();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, LimitsOptionsValidator>();
        services.AddSingleton<IValidateOptions<SessionOptions>, LimitsOptionsValidator>();
        services.AddSingleton<IValidateOptions<SecurityOptions>, LimitsOptionsValidator>();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, LimitsOptionsValidator>();
        services.AddSingleton<IValidateOptions<RedisOptions>, LimitsOptionsValidator>();

        if (environment.IsDevelopment())
        {
            var generated = Convert.ToBase64String(RandomNumberGenerator.GetBytes(64));
            services.PostConfigure<FullAuthOptions>(o =>
            {
                if (string.IsNullOrEmpty(o.SecretKey))
                {
                    o.SecretKey = generated;
                    SecretKeyGenerated = true;
                }
            });
        }
    }

    private static void AddEmail(IServiceCollection services, IHostEnvironment environment)
    {
        services.AddSingleton<IEmailComposer, EmailComposer>();
        // No HttpClient request logging: the outbox logs outcomes, and the URL may carry a relay key.
        services.AddHttpClient(WebhookEmailSender.ClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(5) });
        services.AddSingleton<IEmailSender>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<EmailOptions>>();
            return options.Value.EffectiveTransport(environment.IsDevelopment()) switch
            {
                "smtp" => new SmtpEmailSender(options),
                "webhook" => new WebhookEmailSender(sp.GetRequiredService<IHttpClientFactory>(), options),
                "console" => new ConsoleEmailSender(),
                _ => NoEmailSender.Instance,
            };
        });
        services.AddSingleton<EmailOutbox>();
        services.AddSingleton<IEmailOutbox>(sp => sp.GetRequiredService<EmailOutbox>());
        services.AddHostedService(sp => sp.GetRequiredService<EmailOutbox>());
    }

    private static void AddPersistence(IServiceCollection services, IConfiguration configuration)
    {
        var database = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = database.ConnectionString;
        switch (database.Provider)
        {
            case "SqlServer":
                services.AddDbContextPool<SqlServerAppDbContext>(o => o.UseSqlServer(connectionString));
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqlServerAppDbContext>());
                break;
            case "PostgreSql":
                services.AddDbContextPool<PostgreSqlAppDbContext>(o => o.UseNpgsql(connectionString));
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<PostgreSqlAppDbContext>());
                break;
            default:
                // An unknown provider fails options validation at startup; register SQLite so the container builds.
                services.AddDbContextPool<SqliteAppDbContext>(o => o.UseSqlite(connectionString).AddInterceptors(new SqlitePragmas()));
                services.AddScoped<AppDbContext>(sp => sp.GetRequiredService<SqliteAppDbContext>());
                break;
        }

        services.AddScoped<IUnitOfWork, UnitOfWork>();
        services.AddScoped<IUserRepository, UserRepository>();
        services.AddScoped<IRoleRepository, RoleRepository>();
        services.AddScoped<IRefreshTokenRepository, RefreshTokenRepository>();
        services.AddScoped<IOneTimeTokenRepository, OneTimeTokenRepository>();
        services.AddScoped<ICredentialRepository, CredentialRepository>();
        services.AddScoped<IAuditRepository, AuditRepository>();
        services.AddScoped<IMfaRepository, MfaRepository>();
    }
}
