using Microsoft.Playwright;

namespace FullAuth.E2E;

/// <summary>
/// One API (cookie mode), one static host for samples/web on another port, and Debian's Chromium
/// driven by Playwright, shared by the tests of a class. Playwright's own browser download is never
/// used: the browser is <c>/usr/bin/chromium</c> from the Debian package <c>chromium</c>.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;

    public ApiServer Api { get; private set; } = null!;

    public SampleClientHost Page { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string PageUrl => $"http://localhost:{Page.Port}/";

    /// <summary>The same page served from an origin that is not in <c>Cors:Origins</c> (and not the same site).</summary>
    public string ForeignPageUrl => $"http://127.0.0.1:{Page.Port}/";

    public static bool ChromiumInstalled => File.Exists(ChromiumPath);

    public async ValueTask InitializeAsync()
    {
        if (!ChromiumInstalled)
        {
            return;
        }

        var pagePort = SampleClientHost.FreePort();
        var apiPort = SampleClientHost.FreePort();
        Api = new ApiServer(apiPort, $"http://localhost:{pagePort}", await ApiSettingsAsync($"http://localhost:{pagePort}"));
        Api.StartServer();
        Page = await SampleClientHost.StartAsync(pagePort, Api.Url);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
            Timeout = 60_000,
        });
    }

    /// <summary>Settings a derived fixture adds to the API's (for example a mail transport).</summary>
    protected virtual Task<IReadOnlyDictionary<string, string?>> ApiSettingsAsync(string pageOrigin) =>
        Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>());

    /// <summary>Skips (outside CI) or fails (in CI) when Debian's chromium is not installed.</summary>
    public static void RequireChromium() =>
        FullAuth.Tests.RequiresService.Ensure(ChromiumInstalled, $"{ChromiumPath} is missing: install the Debian package chromium (apt-get install -y chromium).");

    public virtual async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (Page is not null)
        {
            await Page.DisposeAsync();
        }

        Api?.Dispose();
    }
}
