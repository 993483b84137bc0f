namespace FullAuth.Application.Common.Options;

public sealed class SecurityOptions
{
    public const string SectionName = "FullAuth:Security";

    public TimeSpan ReauthenticationWindow { get; set; } = TimeSpan.FromMinutes(5);
}
