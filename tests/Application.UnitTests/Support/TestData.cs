using FullAuth.Application.Common.Models;
using FullAuth.Domain.Roles;
using FullAuth.Domain.Sessions;
using FullAuth.Domain.Users;
using Microsoft.Extensions.Time.Testing;

namespace FullAuth.Application.UnitTests.Support;

/// <summary>Builders for the domain objects the handler tests need.</summary>
internal static class TestData
{
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static readonly ClientInfo Client = new("203.0.113.7", "UnitTest/1.0");

    public static FakeTimeProvider Time() => new(Now);

    public static User User(string email = "alice@example.com", string? passwordHash = "$argon2id$stored", bool active = true, bool verified = true, string[]? roles = null)
    {
        var user = new User("user-" + Guid.NewGuid().ToString("N")[..8], email, "Alice", Now.AddDays(-10));
        if (passwordHash is not null)
        {
            user.SetPasswordHash(passwordHash, Now.AddDays(-10));
        }

        if (verified)
        {
            user.MarkEmailVerified(Now.AddDays(-10));
        }

        if (!active)
        {
            user.SetActive(false, Now.AddDays(-1));
        }

        foreach (var role in roles ?? [])
        {
            user.AddRole(role, Now.AddDays(-10));
        }

        return user;
    }

    public static User Admin() => User(roles: [Role.Admin]);

    public static RefreshToken Session(
        string userId,
        string tokenHash = "hash",
        DateTimeOffset? createdAt = null,
        DateTimeOffset? expiresAt = null,
        string amr = "pwd",
        bool rememberMe = false)
    {
        var created = createdAt ?? Now.AddHours(-1);
        return RefreshToken.StartSession(
            userId,
            tokenHash,
            created,
            new SessionInfo(created, expiresAt ?? created.AddDays(30), created, amr, rememberMe, "198.51.100.1", "Browser/1.0"));
    }

    /// <summary>The domain has no public way to mark a token used or revoked (the repository does it in SQL).</summary>
    public static RefreshToken MarkUsed(this RefreshToken token, DateTimeOffset at)
    {
        typeof(RefreshToken).GetProperty(nameof(RefreshToken.UsedAt))!.SetValue(token, (DateTimeOffset?)at);
        return token;
    }

    public static RefreshToken MarkRevoked(this RefreshToken token, DateTimeOffset at)
    {
        typeof(RefreshToken).GetProperty(nameof(RefreshToken.RevokedAt))!.SetValue(token, (DateTimeOffset?)at);
        return token;
    }

    public static Caller Caller(User user, string sessionId = "sid-current", DateTimeOffset? authTime = null) =>
        new(user.Id, sessionId, "jti-1", authTime ?? Now.AddMinutes(-1), Now.AddMinutes(14));

    public static SignInResult SignIn(User user, string sessionId = "sid-new") =>
        new(new SessionTokens("access", "refresh", 900, sessionId, Now.AddDays(30), false), UserResponse.From(user));
}
