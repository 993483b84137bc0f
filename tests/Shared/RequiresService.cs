namespace FullAuth.Tests;

/// <summary>
/// The one place the suite's policy for real parts lives (Redis, PostgreSQL, SMTP, Chromium, the
/// OpenID provider): when one is missing, a test skips on a developer machine with a message naming
/// what to install, and fails in CI (<c>CI=true</c>), so CI can never pass by skipping.
/// </summary>
public static class RequiresService
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns when <paramref name="available"/>; else skips (locally) or fails (in CI) with <paramref name="howToInstall"/>.</summary>
    public static void Ensure(bool available, string howToInstall)
    {
        if (available)
        {
            return;
        }

        if (InCi)
        {
            throw new InvalidOperationException(howToInstall + " CI=true, so this is a failure, not a skip.");
        }

        Assert.Skip(howToInstall); // RequiresService: the only skip in the suite
    }
}
