using FullAuth.Api.FunctionalTests.Infrastructure;

namespace FullAuth.Api.FunctionalTests.Cookies;

/// <summary>Cookie mode as deployed: Secure, prefixed cookies; one listed frontend origin; register signs in.</summary>
public class CookieModeFactory : FullAuthFactory
{
    public const string Origin = "https://app.example.test";

    public CookieModeFactory()
    {
        Settings["FullAuth:TokenDelivery"] = "cookie";
        Settings["FullAuth:Cors:Origins:0"] = Origin;
        Settings["FullAuth:PreventEnumeration"] = "false";
    }
}

/// <summary><c>Debug</c> in Development: plain names, no Secure flag (for http://localhost).</summary>
public sealed class DebugCookieModeFactory : CookieModeFactory
{
    public DebugCookieModeFactory()
    {
        Environment = "Development";
        Settings["FullAuth:Debug"] = "true";
        Settings["FullAuth:Email:Transport"] = "none";
    }
}

/// <summary><c>Cookies:Domain</c> set: every cookie uses <c>__Secure-</c> and carries the Domain.</summary>
public sealed class DomainCookieModeFactory : CookieModeFactory
{
    public DomainCookieModeFactory()
    {
        Settings["FullAuth:Cookies:Domain"] = "example.test";
        Settings["FullAuth:Cookies:SameSite"] = "Strict";
    }
}

public sealed class BothModeFactory : CookieModeFactory
{
    public BothModeFactory() => Settings["FullAuth:TokenDelivery"] = "both";
}

public sealed class CsrfDisabledFactory : CookieModeFactory
{
    public CsrfDisabledFactory() => Settings["FullAuth:Csrf:Enabled"] = "false";
}
