namespace FullAuth.Application.Common.Options;

/// <summary>Lifetimes of mailed one-time tokens.</summary>
public sealed class TokensOptions
{
    public const string SectionName = "FullAuth:Tokens";

    public TimeSpan EmailVerificationLifetime { get; set; } = TimeSpan.FromDays(1);
    public TimeSpan PasswordResetLifetime { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan EmailChangeLifetime { get; set; } = TimeSpan.FromMinutes(30);
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(7);
}
