namespace FullAuth.Application.Common.Options;

public sealed class SessionOptions
{
    public const string SectionName = "FullAuth:Sessions";

    public int MaxPerUser { get; set; } = 50;
}
