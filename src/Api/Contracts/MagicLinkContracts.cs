namespace FullAuth.Api.Contracts;

public sealed class MagicLinkRequest
{
    public string? Email { get; set; }
    public bool? RememberMe { get; set; }
}
