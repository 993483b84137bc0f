using FullAuth.Application.Tokens.IntrospectToken;

namespace FullAuth.Api.Contracts;

/// <summary>An active token's RFC 7662 answer; an inactive one is <see cref="InactiveIntrospectionResponse"/>.</summary>
public sealed record IntrospectionResponse(bool Active, string Sub, string Sid, long Exp, long? Iat, string TokenType)
{
    public static object From(TokenIntrospection result) => result.Active
        ? new IntrospectionResponse(true, result.Sub!, result.Sid!, result.Exp!.Value, result.Iat, result.TokenType!)
        : new InactiveIntrospectionResponse(false);
}

/// <summary>Exactly <c>{"active": false}</c>: nothing about an inactive or foreign token.</summary>
public sealed record InactiveIntrospectionResponse(bool Active);

/// <summary>The RFC 7009 answer: an empty object.</summary>
public sealed record RevocationResponse;
