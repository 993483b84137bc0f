using System.Net;
using FullAuth.Api.FunctionalTests.Infrastructure;
using FullAuth.Application.Common.Events;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Domain.Users;
using Mediator;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static FullAuth.Api.FunctionalTests.Infrastructure.ApiClient;

namespace FullAuth.Api.FunctionalTests;

/// <summary>The extension points a fork plugs into: sign-in policies, claims enrichers and domain-event handlers.</summary>
public sealed class ExtensionPointTests
{
    [Fact]
    public async Task SignInPolicy_Veto_Returns403OnlyAfterTheCorrectPassword()
    {
        await using var factory = new FullAuthFactory();
        await using var custom = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ISignInPolicy, BlockedPrefixPolicy>()));
        var client = custom.CreateClient();
        var blocked = NewEmail(BlockedPrefixPolicy.Prefix);
        var allowed = NewEmail("allowed");
        await client.RegisterAsync(blocked);
        await client.RegisterAsync(allowed);

        var wrong = await client.LoginAsync(blocked, "not the right password");
        var right = await client.LoginAsync(blocked);

        await wrong.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "invalid_credentials");
        await right.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "sign_in_not_allowed");
        (await client.LoginAsync(allowed)).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignInPolicy_VetoOnRegistrationWithPreventionOff_Returns403AndNoTokens()
    {
        await using var factory = FullAuthFactory.With(("FullAuth:PreventEnumeration", "false"));
        await using var custom = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<ISignInPolicy, BlockedPrefixPolicy>()));
        var client = custom.CreateClient();

        var response = await client.PostJsonAsync($"{Base}/register", new { email = NewEmail(BlockedPrefixPolicy.Prefix), password = StrongPassword });

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "sign_in_not_allowed");
    }

    [Fact]
    public async Task ClaimsEnricher_AddsItsClaimButCannotOverrideReservedOnes()
    {
        await using var factory = new FullAuthFactory();
        await using var custom = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IClaimsEnricher, TenantEnricher>()));
        var client = custom.CreateClient();

        var session = await client.NewSessionAsync();

        var claims = Jwt.Payload(session.AccessToken);
        claims["tenant"]!.GetValue<string>().Should().Be("acme");
        claims["sub"]!.GetValue<string>().Should().Be(session.UserId);
        claims["roles"]!.AsArray().Should().BeEmpty();
        claims["iss"]!.GetValue<string>().Should().Be("fullauth");
        (await client.MeAsync(session.AccessToken)).StatusCode.Should().Be(HttpStatusCode.OK);

        var refreshed = await (await client.RefreshAsync(session.RefreshToken)).JsonAsync();
        var refreshedClaims = Jwt.Payload(refreshed["access_token"]!.GetValue<string>());
        refreshedClaims["tenant"]!.GetValue<string>().Should().Be("acme", "refresh runs the enrichers too");
        refreshedClaims["sub"]!.GetValue<string>().Should().Be(session.UserId);
    }

    /// <summary>
    /// Mediator is source-generated: handlers are found at compile time in the Api's references, so a
    /// handler class in this assembly is never called by the app. Instead: the app's configured
    /// publisher is the safe one, and it swallows a throwing handler while still running the rest.
    /// </summary>
    [Fact]
    public async Task NotificationPublisher_IsTheSafeOneAndSurvivesAThrowingHandler()
    {
        await using var factory = new FullAuthFactory();
        _ = factory.CreateClient();
        var publisher = factory.Services.GetRequiredService<INotificationPublisher>();
        publisher.Should().BeOfType<SafeNotificationPublisher>();
        var recorder = new RecordingHandler();
        var handlers = new NotificationHandlers<UserSignedIn>(new INotificationHandler<UserSignedIn>[] { new ThrowingHandler(), recorder }, isArray: true);
        var notification = new UserSignedIn("user", "session", ["pwd"], "127.0.0.1", "agent", DateTimeOffset.UtcNow);

        var act = async () => await publisher.Publish(handlers, notification, CancellationToken.None);

        await act.Should().NotThrowAsync();
        recorder.Received.Should().ContainSingle().Which.Should().Be(notification);
    }

    private sealed class BlockedPrefixPolicy : ISignInPolicy
    {
        public const string Prefix = "blocked";

        public ValueTask<bool> AllowSignInAsync(SignInContext context, CancellationToken cancellationToken) =>
            ValueTask.FromResult(!context.User.Email.StartsWith(Prefix, StringComparison.Ordinal));
    }

    private sealed class TenantEnricher : IClaimsEnricher
    {
        public ValueTask EnrichAsync(User user, IDictionary<string, object> claims, CancellationToken cancellationToken)
        {
            claims["tenant"] = "acme";
            claims["sub"] = "someone-else";
            claims["roles"] = new[] { "admin" };
            claims["iss"] = "evil";
            return ValueTask.CompletedTask;
        }
    }

    private sealed class ThrowingHandler : INotificationHandler<UserSignedIn>
    {
        public ValueTask Handle(UserSignedIn notification, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("handler failure");
    }

    private sealed class RecordingHandler : INotificationHandler<UserSignedIn>
    {
        public List<UserSignedIn> Received { get; } = [];

        public ValueTask Handle(UserSignedIn notification, CancellationToken cancellationToken)
        {
            Received.Add(notification);
            return ValueTask.CompletedTask;
        }
    }
}
