using FullAuth.Application.Common.Events;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Mfa;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Options;
using FullAuth.Application.Common.Results;
using FullAuth.Application.Common.Security;
using FullAuth.Application.Common.Sessions;
using FullAuth.Application.UnitTests.Support;
using FullAuth.Domain.Sessions;
using FullAuth.Domain.Users;
using Mediator;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace FullAuth.Application.UnitTests.Sessions;

public sealed class SessionIssuerTests
{
    private readonly List<ISignInPolicy> _policies = [];
    private readonly List<IClaimsEnricher> _enrichers = [];
    private readonly IRefreshTokenRepository _refreshTokens = Substitute.For<IRefreshTokenRepository>();
    private readonly IUnitOfWork _unitOfWork = Substitute.For<IUnitOfWork>();
    private readonly IAccessTokenIssuer _accessTokens = Substitute.For<IAccessTokenIssuer>();
    private readonly ISessionRevoker _revoker = Substitute.For<ISessionRevoker>();
    private readonly IPublisher _publisher = Substitute.For<IPublisher>();
    private readonly IMfaTokens _mfaTokens = Substitute.For<IMfaTokens>();
    private readonly MfaOptions _mfa = new();
    private readonly JwtOptions _jwt = new();
    private readonly SessionOptions _sessionOptions = new();
    private readonly FakeTimeProvider _time = TestData.Time();
    private readonly User _user = TestData.User();
    private readonly List<RefreshToken> _added = [];
    private AccessTokenRequest? _issued;

    public SessionIssuerTests()
    {
        _refreshTokens.ListActiveSessionsAsync(Arg.Any<string>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>())
            .Returns(Array.Empty<RefreshToken>());
        _refreshTokens.When(r => r.Add(Arg.Any<RefreshToken>())).Do(ci => _added.Add(ci.Arg<RefreshToken>()));
        _accessTokens.Issue(Arg.Any<AccessTokenRequest>()).Returns(ci =>
        {
            _issued = ci.Arg<AccessTokenRequest>();
            return new IssuedAccessToken("jwt", "jti", _time.GetUtcNow() + _jwt.AccessTokenLifetime);
        });
    }

    private SessionIssuer Issuer() => new(
        _policies,
        _enrichers,
        _refreshTokens,
        _unitOfWork,
        _accessTokens,
        _revoker,
        _publisher,
        _mfaTokens,
        Microsoft.Extensions.Options.Options.Create(_mfa),
        Microsoft.Extensions.Options.Options.Create(_jwt),
        Microsoft.Extensions.Options.Options.Create(_sessionOptions),
        _time,
        NullLoggerFactory.Instance);

    [Fact]
    public async Task SignInAsync_PolicyVetoes_ReturnsSignInNotAllowedAndSavesNothing()
    {
        var allowing = Substitute.For<ISignInPolicy>();
        allowing.AllowSignInAsync(Arg.Any<SignInContext>(), Arg.Any<CancellationToken>()).Returns(true);
        var vetoing = Substitute.For<ISignInPolicy>();
        vetoing.AllowSignInAsync(Arg.Any<SignInContext>(), Arg.Any<CancellationToken>()).Returns(false);
        _policies.AddRange([allowing, vetoing]);

        var result = await Issuer().SignInAsync(_user, ["pwd"], false, TestData.Client, CancellationToken.None);

        result.Error.Should().Be(Error.SignInNotAllowed);
        await vetoing.Received(1).AllowSignInAsync(
            Arg.Is<SignInContext>(c => c.User == _user && c.Amr.SequenceEqual(new[] { "pwd" }) && c.IpAddress == TestData.Client.IpAddress),
            Arg.Any<CancellationToken>());
        _added.Should().BeEmpty();
        await _unitOfWork.DidNotReceiveWithAnyArgs().SaveChangesAsync(default);
        _accessTokens.DidNotReceiveWithAnyArgs().Issue(default!);
        await _publisher.DidNotReceiveWithAnyArgs().Publish<UserSignedIn>(default!, default);
    }

    [Fact]
    public async Task SignInAsync_Success_StartsSessionIssuesTokensAndPublishes()
    {
        var result = await Issuer().SignInAsync(_user, ["pwd"], false, TestData.Client, CancellationToken.None);

        result.IsSuccess.Should().BeTrue();
        var session = _added.Should().ContainSingle().Subject;
        session.FamilyId.Should().Be(session.Id);
        session.UserId.Should().Be(_user.Id);
        session.TokenHash.Should().Be(OpaqueToken.Digest(result.Value.Tokens.RefreshToken));
        session.AuthTime.Should().Be(TestData.Now);
        session.Amr.Should().Be("pwd");
        session.IpAddress.Should().Be(TestData.Client.IpAddress);
        result.Value.Tokens.SessionId.Should().Be(session.FamilyId);
        result.Value.Tokens.AccessToken.Should().Be("jwt");
        result.Value.Tokens.ExpiresIn.Should().Be(900);
        result.Value.User.Id.Should().Be(_user.Id);
        await _unitOfWork.Received(1).SaveChangesAsync(Arg.Any<CancellationToken>());
        _issued!.SessionId.Should().Be(session.FamilyId);
        _issued.Amr.Should().Equal("pwd");
        await _publisher.Received(1).Publish(Arg.Is<UserSignedIn>(e => e.SessionId == session.FamilyId && e.UserId == _user.Id), Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData(false, 30)]
    [InlineData(true, 90)]
    public async Task SignInAsync_RememberMe_PicksTheMatchingLifetime(bool rememberMe, int days)
    {
        var result = await Issuer().SignInAsync(_user, ["pwd"], rememberMe, TestData.Client, CancellationToken.None);

        var session = _added.Should().ContainSingle().Subject;
        session.ExpiresAt.Should().Be(TestData.Now.AddDays(days));
        session.RememberMe.Should().Be(rememberMe);
        result.Value.Tokens.SessionExpiresAt.Should().Be(TestData.Now.AddDays(days));
        result.Value.Tokens.RememberMe.Should().Be(rememberMe);
    }

    [Fact]
    public async Task SignInAsync_ClaimsEnricher_CannotOverrideReservedClaims()
    {
        var enricher = new ForgingEnricher();
        _enrichers.Add(enricher);

        await Issuer().SignInAsync(_user, ["pwd"], false, TestData.Client, CancellationToken.None);

        _issued!.CustomClaims.Should().ContainSingle().Which.Should().Be(new KeyValuePair<string, object>("tenant", "acme"));
    }

    [Fact]
    public async Task SignInAsync_AtSessionLimit_RevokesTheOldestThroughTheRevoker()
    {
        _sessionOptions.MaxPerUser = 3;
        var newest = TestData.Session(_user.Id, "h3", createdAt: TestData.Now.AddHours(-1));
        var oldest = TestData.Session(_user.Id, "h1", createdAt: TestData.Now.AddDays(-5));
        var middle = TestData.Session(_user.Id, "h2", createdAt: TestData.Now.AddDays(-2));
        _refreshTokens.ListActiveSessionsAsync(_user.Id, Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>())
            .Returns(new[] { newest, oldest, middle });

        var result = await Issuer().SignInAsync(_user, ["pwd"], false, TestData.Client, CancellationToken.None);

        result.IsSuccess.Should().BeTrue();
        await _revoker.Received(1).RevokeAsync(_user.Id, oldest.FamilyId, "session_limit", Arg.Any<CancellationToken>());
        await _revoker.Received(1).RevokeAsync(Arg.Any<string>(), Arg.Any<string>(), Arg.Any<string>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task SignInAsync_BelowSessionLimit_RevokesNothing()
    {
        _sessionOptions.MaxPerUser = 3;
        _refreshTokens.ListActiveSessionsAsync(_user.Id, Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>())
            .Returns(new[] { TestData.Session(_user.Id, "h1"), TestData.Session(_user.Id, "h2") });

        await Issuer().SignInAsync(_user, ["pwd"], false, TestData.Client, CancellationToken.None);

        await _revoker.DidNotReceiveWithAnyArgs().RevokeAsync(default!, default!, default!, default);
    }

    [Fact]
    public async Task IssueAccessTokenAsync_ExistingSession_CarriesItsAuthTimeAndAmr()
    {
        var session = TestData.Session(_user.Id, createdAt: TestData.Now.AddDays(-1), amr: "pwd otp");
        _time.Advance(TimeSpan.FromSeconds(10));

        var (token, expiresIn) = await Issuer().IssueAccessTokenAsync(_user, session, CancellationToken.None);

        token.Should().Be("jwt");
        expiresIn.Should().Be(900);
        _issued!.AuthTime.Should().Be(TestData.Now.AddDays(-1));
        _issued.Amr.Should().Equal("pwd", "otp");
        _issued.SessionId.Should().Be(session.FamilyId);
    }

    private static User WithTotp(User user)
    {
        user.SetPendingTotpSecret("protected", TestData.Now);
        user.EnableTotp(1, TestData.Now);
        return user;
    }

    private void ChallengeIssued() =>
        _mfaTokens.IssueAsync(Arg.Any<string>(), Arg.Any<IReadOnlyList<string>>(), Arg.Any<bool>(), Arg.Any<CancellationToken>())
            .Returns(new MfaChallenge("mfa-token", 300));

    [Theory]
    [InlineData("pwd")]
    [InlineData("email")]
    [InlineData("oauth")]
    [InlineData("webauthn")]
    public async Task SignInAsync_UserWithTotpAndListedFirstFactor_AnswersChallengeAndStartsNoSession(string firstFactor)
    {
        ChallengeIssued();
        var user = WithTotp(TestData.User());

        var result = await Issuer().SignInAsync(user, [firstFactor], true, TestData.Client, CancellationToken.None);

        result.IsSuccess.Should().BeTrue();
        result.Value.MfaRequired.Should().BeTrue();
        result.Value.MfaChallenge!.MfaToken.Should().Be("mfa-token");
        await _mfaTokens.Received(1).IssueAsync(user.Id, Arg.Is<IReadOnlyList<string>>(a => a.SequenceEqual(new[] { firstFactor })), true, Arg.Any<CancellationToken>());
        _added.Should().BeEmpty();
        _accessTokens.DidNotReceiveWithAnyArgs().Issue(default!);
        await _publisher.DidNotReceiveWithAnyArgs().Publish<UserSignedIn>(default!, default);
    }

    [Fact]
    public async Task SignInAsync_PasskeyWithUserVerification_CountsAsTwoFactors()
    {
        var user = WithTotp(TestData.User());

        var result = await Issuer().SignInAsync(user, ["webauthn", "mfa"], false, TestData.Client, CancellationToken.None);

        result.Value.MfaRequired.Should().BeFalse();
        result.Value.Tokens.AccessToken.Should().Be("jwt");
        await _mfaTokens.DidNotReceiveWithAnyArgs().IssueAsync(default!, default!, default, default);
    }

    [Fact]
    public async Task SignInAsync_FirstFactorNotInMfaMethods_StartsSessionWithoutChallenge()
    {
        _mfa.Methods = ["pwd"];
        var user = WithTotp(TestData.User());

        var result = await Issuer().SignInAsync(user, ["email"], false, TestData.Client, CancellationToken.None);

        result.Value.MfaRequired.Should().BeFalse();
        _added.Should().ContainSingle();
    }

    [Fact]
    public async Task SignInAsync_UserWithoutTotp_StartsSession()
    {
        var result = await Issuer().SignInAsync(_user, ["pwd"], false, TestData.Client, CancellationToken.None);

        result.Value.MfaRequired.Should().BeFalse();
        await _mfaTokens.DidNotReceiveWithAnyArgs().IssueAsync(default!, default!, default, default);
    }

    [Fact]
    public async Task SignInAsync_PolicyVetoesUserWithTotp_IssuesNoMfaToken()
    {
        var vetoing = Substitute.For<ISignInPolicy>();
        vetoing.AllowSignInAsync(Arg.Any<SignInContext>(), Arg.Any<CancellationToken>()).Returns(false);
        _policies.Add(vetoing);

        var result = await Issuer().SignInAsync(WithTotp(TestData.User()), ["pwd"], false, TestData.Client, CancellationToken.None);

        result.Error.Should().Be(Error.SignInNotAllowed);
        await _mfaTokens.DidNotReceiveWithAnyArgs().IssueAsync(default!, default!, default, default);
    }

    [Fact]
    public async Task StartSessionAsync_UserWithTotp_SkipsPoliciesAndChallenge()
    {
        var vetoing = Substitute.For<ISignInPolicy>();
        vetoing.AllowSignInAsync(Arg.Any<SignInContext>(), Arg.Any<CancellationToken>()).Returns(false);
        _policies.Add(vetoing);

        var result = await Issuer().StartSessionAsync(WithTotp(TestData.User()), ["pwd", "otp", "mfa"], false, TestData.Client, CancellationToken.None);

        result.Value.MfaRequired.Should().BeFalse();
        _added.Single().Amr.Should().Be("pwd otp mfa");
        await vetoing.DidNotReceiveWithAnyArgs().AllowSignInAsync(default!, default);
    }

    private sealed class ForgingEnricher : IClaimsEnricher
    {
        public ValueTask EnrichAsync(User user, IDictionary<string, object> claims, CancellationToken cancellationToken)
        {
            foreach (var reserved in new[] { "iss", "aud", "sub", "jti", "sid", "iat", "nbf", "exp", "auth_time", "amr", "email", "email_verified", "roles", "typ" })
            {
                claims[reserved] = "forged";
            }

            claims["tenant"] = "acme";
            return ValueTask.CompletedTask;
        }
    }
}
