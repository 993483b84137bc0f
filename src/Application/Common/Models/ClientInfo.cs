namespace FullAuth.Application.Common.Models;

/// <summary>Server facts about the caller that the Api adds to a command.</summary>
public sealed record ClientInfo(string? IpAddress, string? UserAgent)
{
    public static readonly ClientInfo Unknown = new(null, null);
}
