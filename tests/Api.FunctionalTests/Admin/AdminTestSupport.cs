using FullAuth.Api.FunctionalTests.Infrastructure;
using FullAuth.Domain.Roles;
using FullAuth.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FullAuth.Api.FunctionalTests.Admin;

/// <summary>Signs users in and gives them roles directly in the database (the API's own paths are tested separately).</summary>
public static class AdminTestSupport
{
    public sealed record SignedIn(string Email, string UserId, string AccessToken);

    public static async Task<SignedIn> UserAsync(this HttpClient client, string? email = null)
    {
        email ??= $"u-{Guid.NewGuid():N}@example.com";
        var login = await client.RegisterAndLoginAsync(email);
        return new SignedIn(email, login["user"]!["id"]!.GetValue<string>(), login["access_token"]!.GetValue<string>());
    }

    public static async Task<SignedIn> AdminAsync(this FullAuthFactory factory, HttpClient client)
    {
        var user = await client.UserAsync();
        await factory.GrantRoleAsync(user.UserId, Role.Admin);
        return user;
    }

    public static async Task GrantRoleAsync(this FullAuthFactory factory, string userId, string role, params string[] permissions)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!await db.Roles.AnyAsync(r => r.Name == role))
        {
            db.Roles.Add(new Role(role, null, permissions, DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        var user = await db.Users.SingleAsync(u => u.Id == userId);
        user.AddRole(role, DateTimeOffset.UtcNow);
        await db.SaveChangesAsync();
    }
}
