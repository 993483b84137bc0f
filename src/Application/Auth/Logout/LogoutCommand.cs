using FullAuth.Application.Common.Models;
using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Auth.Logout;

/// <summary>Ends the caller's session, identified by an access token (<see cref="Caller"/>) or a refresh token.</summary>
public sealed record LogoutCommand(Caller? Caller, string? RefreshToken, ClientInfo Client) : ICommand<Result>
{
    public override string ToString() => $"LogoutCommand {{ UserId = {Caller?.UserId}, RefreshToken = {(RefreshToken is null ? "none" : "***")} }}";
}
