using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Tokens.IntrospectToken;

/// <summary>RFC 7662 introspection of an access or refresh token by an authenticated caller.</summary>
public sealed record IntrospectTokenQuery(Caller Caller, string? Token) : IQuery<Result<TokenIntrospection>>
{
    public override string ToString() => $"IntrospectTokenQuery {{ UserId = {Caller.UserId}, Token = *** }}";
}
