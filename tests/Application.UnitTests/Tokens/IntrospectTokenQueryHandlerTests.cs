using System.Security.Claims;
using FullAuth.Application.Common.Authorization;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Security;
using FullAuth.Application.Tokens.IntrospectToken;
using FullAuth.Application.UnitTests.Support;
using FullAuth.Domain.Sessions;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;

namespace FullAuth.Application.UnitTests.Tokens;

public sealed class IntrospectTokenQueryHandlerTests
{
    private const string AccessToken = "header.payload.signature";
    private const string RawRefresh = "opaque-refresh-token";

    private readonly IAccessTokenValidator _validator = Substitute.For<IAccessTokenValidator>();
    private readonly IRefreshTokenRepository _refreshTokens = Substitute.For<IRefreshTokenRepository>();
    private readonly IPermissionService _permissions = Substitute.For<IPermissionService>();
    private readonly Caller _caller = new("caller", "caller-session", "jti", TestData.Now, TestData.Now.AddMinutes(15));

    private IntrospectTokenQueryHandler Handler() => new(_validator, _refreshTokens, _permissions, TestData.Time(), NullLoggerFactory.Instance);

    private void GivenUser(string id, bool active = true, params string[] permissions) =>
        _permissions.GetAccessAsync(id, Arg.Any<CancellationToken>()).Returns(new UserAccess(id, active, [], permissions));

    private void GivenAccessTokenOf(string userId)
    {
        var identity = new ClaimsIdentity([new Claim("iat", TestData.Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        _validator.ValidateAsync(AccessToken, Arg.Any<CancellationToken>())
            .Returns(new ValidatedAccessToken(new Caller(userId, "sid-1", "jti-1", TestData.Now, TestData.Now.AddMinutes(15)), identity));
    }

    private RefreshToken GivenRefreshTokenOf(string userId)
    {
        var token = RefreshToken.StartSession(userId, OpaqueToken.Digest(RawRefresh), TestData.Now.AddMinutes(-5), new SessionInfo(TestData.Now.AddMinutes(-5), TestData.Now.AddDays(30), TestData.Now.AddMinutes(-5), "pwd", false, null, null));
        _refreshTokens.FindByHashAsync(OpaqueToken.Digest(RawRefresh), Arg.Any<CancellationToken>()).Returns(token);
        return token;
    }

    [Fact]
    public async Task Handle_OwnAccessToken_ActiveWithClaims()
    {
        GivenUser("caller");
        GivenAccessTokenOf("caller");

        var result = await Handler().Handle(new IntrospectTokenQuery(_caller, AccessToken), CancellationToken.None);

        result.Value.Should().Be(new TokenIntrospection(true, "caller", "sid-1", TestData.Now.AddMinutes(15).ToUnixTimeSeconds(), TestData.Now.ToUnixTimeSeconds(), TokenIntrospection.AccessToken));
        await _refreshTokens.DidNotReceive().FindByHashAsync(Arg.Any<string>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_OwnRefreshToken_ActiveWithoutTouchingIt()
    {
        GivenUser("caller");
        var stored = GivenRefreshTokenOf("caller");

        var result = await Handler().Handle(new IntrospectTokenQuery(_caller, RawRefresh), CancellationToken.None);

        result.Value.Active.Should().BeTrue();
        result.Value.TokenType.Should().Be(TokenIntrospection.RefreshToken);
        result.Value.Sid.Should().Be(stored.FamilyId);
        await _refreshTokens.DidNotReceive().TryMarkUsedAsync(Arg.Any<string>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>());
        await _refreshTokens.DidNotReceive().RevokeFamilyAsync(Arg.Any<string>(), Arg.Any<DateTimeOffset>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_ForeignTokenWithoutPermission_Inactive()
    {
        GivenUser("caller", true, "roles:read");
        GivenUser("owner");
        GivenAccessTokenOf("owner");

        var result = await Handler().Handle(new IntrospectTokenQuery(_caller, AccessToken), CancellationToken.None);

        result.Value.Should().BeSameAs(TokenIntrospection.Inactive);
    }

    [Fact]
    public async Task Handle_ForeignTokenWithPermission_Active()
    {
        GivenUser("caller", true, Permissions.TokensIntrospect);
        GivenUser("owner");
        GivenRefreshTokenOf("owner");

        var result = await Handler().Handle(new IntrospectTokenQuery(_caller, RawRefresh), CancellationToken.None);

        result.Value.Active.Should().BeTrue();
        result.Value.Sub.Should().Be("owner");
    }

    [Fact]
    public async Task Handle_TokenOfInactiveUser_Inactive()
    {
        GivenUser("caller", false);
        GivenAccessTokenOf("caller");

        var result = await Handler().Handle(new IntrospectTokenQuery(_caller, AccessToken), CancellationToken.None);

        result.Value.Should().BeSameAs(TokenIntrospection.Inactive);
    }

    [Fact]
    public async Task Handle_UsedRefreshToken_Inactive()
    {
        GivenUser("caller");
        var stored = GivenRefreshTokenOf("caller");
        typeof(RefreshToken).GetProperty(nameof(RefreshToken.UsedAt))!.SetValue(stored, TestData.Now.AddMinutes(-1));

        var result = await Handler().Handle(new IntrospectTokenQuery(_caller, RawRefresh), CancellationToken.None);

        result.Value.Should().BeSameAs(TokenIntrospection.Inactive);
    }
}
