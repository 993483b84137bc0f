namespace FullAuth.Application.Common.Options;

public sealed class LockoutOptions
{
    public const string SectionName = "FullAuth:Lockout";

    public int MaxFailedAttempts { get; set; } = 5;
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
}
