using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Tokens.RevokeToken;

/// <summary>RFC 7009 revocation: whoever holds a token may end its session.</summary>
public sealed record RevokeTokenCommand(string? Token, ClientInfo Client) : ICommand<Result>
{
    public override string ToString() => "RevokeTokenCommand { Token = *** }";
}
