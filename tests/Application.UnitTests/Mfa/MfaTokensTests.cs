using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Mfa;
using FullAuth.Application.Common.Security;
using FullAuth.Application.UnitTests.Support;
using Microsoft.Extensions.Time.Testing;

namespace FullAuth.Application.UnitTests.Mfa;

public sealed class MfaTokensTests
{
    private readonly FakeTimeProvider _time = TestData.Time();
    private readonly DictionaryChallengeStore _store = new();

    private MfaTokens Tokens() => new(_store, _time);

    [Fact]
    public async Task IssueAsync_StoresOnlyADigestFor5Minutes()
    {
        var challenge = await Tokens().IssueAsync("user-1", ["pwd"], rememberMe: true, CancellationToken.None);

        challenge.ExpiresIn.Should().Be(300);
        _store.Values.Keys.Should().ContainSingle().Which.Should().Be("mfa:" + OpaqueToken.Digest(challenge.MfaToken));
        _store.Values.Values.Single().Value.Should().NotContain(challenge.MfaToken);
        _store.Values.Values.Single().Ttl.Should().Be(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task TakeAsync_ReturnsTheBindingOnceOnly()
    {
        var tokens = Tokens();
        var challenge = await tokens.IssueAsync("user-1", ["email"], rememberMe: true, CancellationToken.None);

        var first = await tokens.TakeAsync(challenge.MfaToken, CancellationToken.None);
        var second = await tokens.TakeAsync(challenge.MfaToken, CancellationToken.None);

        first.Should().NotBeNull();
        first!.UserId.Should().Be("user-1");
        first.Amr.Should().Equal("email");
        first.RememberMe.Should().BeTrue();
        second.Should().BeNull();
    }

    [Fact]
    public async Task ReturnAsync_PutsTheTokenBackForItsRemainingLifetimeOnly()
    {
        var tokens = Tokens();
        var challenge = await tokens.IssueAsync("user-1", ["pwd"], false, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(2));
        var ticket = await tokens.TakeAsync(challenge.MfaToken, CancellationToken.None);

        await tokens.ReturnAsync(challenge.MfaToken, ticket!, CancellationToken.None);

        _store.Values.Values.Single().Ttl.Should().Be(TimeSpan.FromMinutes(3));
        (await tokens.TakeAsync(challenge.MfaToken, CancellationToken.None)).Should().NotBeNull();
    }

    [Fact]
    public async Task TakeAsync_AfterTheLifetime_IsNullEvenIfTheStoreStillHoldsIt()
    {
        var tokens = Tokens();
        var challenge = await tokens.IssueAsync("user-1", ["pwd"], false, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5) + TimeSpan.FromSeconds(1));

        (await tokens.TakeAsync(challenge.MfaToken, CancellationToken.None)).Should().BeNull();
    }

    [Fact]
    public async Task TakeAsync_UnknownToken_IsNull() =>
        (await Tokens().TakeAsync("nope", CancellationToken.None)).Should().BeNull();

    private sealed class DictionaryChallengeStore : IChallengeStore
    {
        public Dictionary<string, (string Value, TimeSpan Ttl)> Values { get; } = [];

        public ValueTask SetAsync(string key, string value, TimeSpan ttl, CancellationToken cancellationToken)
        {
            Values[key] = (value, ttl);
            return ValueTask.CompletedTask;
        }

        public ValueTask<string?> TakeAsync(string key, CancellationToken cancellationToken) =>
            ValueTask.FromResult(Values.Remove(key, out var entry) ? entry.Value : null);
    }
}
