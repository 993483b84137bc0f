using FullAuth.Application.Common.Results;
using Mediator;

namespace FullAuth.Application.Keys.GetJwks;

/// <summary>The public signing keys as a JWK Set; 404 when only HMAC is used.</summary>
public sealed record GetJwksQuery : IQuery<Result<JwksResponse>>;
