using FullAuth.Domain.OAuth;
using FullAuth.Domain.Passkeys;
using FullAuth.Domain.Roles;
using FullAuth.Domain.Sessions;
using FullAuth.Domain.Users;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace FullAuth.Infrastructure.Persistence;

/// <summary>
/// The model, shared by every provider. Each provider has a subclass only so that its migrations live
/// apart (<c>Persistence/Migrations/{Provider}</c>).
/// </summary>
public abstract class AppDbContext(DbContextOptions options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<User> Users => Set<User>();
    public DbSet<UserRole> UserRoles => Set<UserRole>();
    public DbSet<Role> Roles => Set<Role>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<OAuthAccount> OAuthAccounts => Set<OAuthAccount>();
    public DbSet<Passkey> Passkeys => Set<Passkey>();
    public DbSet<FullAuth.Domain.Tokens.OneTimeToken> OneTimeTokens => Set<FullAuth.Domain.Tokens.OneTimeToken>();
    public DbSet<FullAuth.Domain.Audit.AuditEntry> AuditEntries => Set<FullAuth.Domain.Audit.AuditEntry>();
    public DbSet<FullAuth.Domain.Mfa.RecoveryCode> RecoveryCodes => Set<FullAuth.Domain.Mfa.RecoveryCode>();

    /// <summary>The ASP.NET Data Protection key ring (when Redis is not used), shared by every instance.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
}

public sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options) : AppDbContext(options)
{
    /// <summary>SQLite has no date type: store instants as UTC ticks so they compare and sort in SQL.</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<UtcTicksConverter>();
    }
}

public sealed class SqlServerAppDbContext(DbContextOptions<SqlServerAppDbContext> options) : AppDbContext(options);

public sealed class PostgreSqlAppDbContext(DbContextOptions<PostgreSqlAppDbContext> options) : AppDbContext(options);

public sealed class UtcTicksConverter() : Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<DateTimeOffset, long>(
    v => v.UtcTicks,
    v => new DateTimeOffset(v, TimeSpan.Zero));
