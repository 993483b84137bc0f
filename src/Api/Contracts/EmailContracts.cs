namespace FullAuth.Api.Contracts;

public sealed class EmailRequest
{
    public string? Email { get; set; }
}

public sealed class TokenRequest
{
    public string? Token { get; set; }
}

public sealed class PasswordResetConfirmRequest
{
    public string? Token { get; set; }
    public string? NewPassword { get; set; }
}

public sealed class EmailChangeRequest
{
    public string? NewEmail { get; set; }
    public string? CurrentPassword { get; set; }
}
