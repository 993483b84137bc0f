namespace FullAuth.Application.Common.Options;

public sealed class RegistrationOptions
{
    public const string SectionName = "FullAuth:Registration";

    public bool Enabled { get; set; } = true;
    public bool RequireVerifiedEmail { get; set; }

    /// <summary>Alias of the top-level <c>PreventEnumeration</c>; when set it wins.</summary>
    public bool? PreventEnumeration { get; set; }
}
