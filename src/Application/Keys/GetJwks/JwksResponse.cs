using FullAuth.Application.Common.Interfaces;

namespace FullAuth.Application.Keys.GetJwks;

public sealed record JwksResponse(IReadOnlyList<JwkResponse> Keys);
