using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace FullAuth.Api.FunctionalTests.Email;

/// <summary>
/// A real SMTP server on 127.0.0.1 (Debian's python3-aiosmtpd) that stores what it receives. Outside
/// CI a missing package skips the test with its name; in CI (CI=true) it fails.
/// </summary>
public sealed class SmtpSink : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private Process? _process;

    private SmtpSink(int port)
    {
        Port = port;
        Directory.CreateDirectory(MailDirectory);
    }

    public int Port { get; }

    public string MailDirectory { get; } = Path.Combine(Path.GetTempPath(), "fullauth-smtp-" + Guid.NewGuid().ToString("N"));

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts a sink on <paramref name="port"/> (a free one by default).</summary>
    public static async Task<SmtpSink> StartAsync(int? port = null)
    {
        var sink = new SmtpSink(port ?? FreePort());
        await sink.StartAsync();
        return sink;
    }

    /// <summary>A sink that is not listening yet (to test delivery once the server comes up).</summary>
    public static SmtpSink Reserve() => new(FreePort());

    public async Task StartAsync()
    {
        RequirePackage();
        var script = Path.Combine(AppContext.BaseDirectory, "Email", "smtp_sink.py");
        var info = new ProcessStartInfo(Python, [script, Port.ToString(System.Globalization.CultureInfo.InvariantCulture), MailDirectory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(info)!;
        var ready = await _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        if (ready != "ready")
        {
            throw new InvalidOperationException("The SMTP sink did not start: " + await _process.StandardError.ReadToEndAsync());
        }
    }

    /// <summary>Waits for a mail to <paramref name="to"/> whose subject contains <paramref name="subjectPart"/>.</summary>
    public async Task<MimeMessage> WaitForMailAsync(string to, string subjectPart, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (DateTime.UtcNow < deadline)
        {
            var match = Messages().FirstOrDefault(m =>
                m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase)) &&
                (m.Subject ?? string.Empty).Contains(subjectPart, StringComparison.OrdinalIgnoreCase));
            if (match is not null)
            {
                return match;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No mail to {to} with subject containing '{subjectPart}'. Received: " +
            string.Join("; ", Messages().Select(m => $"{m.To} / {m.Subject}")));
    }

    public IReadOnlyList<MimeMessage> Messages() =>
        Directory.GetFiles(MailDirectory, "*.eml").Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f)).ToList();

    public IReadOnlyList<MimeMessage> MessagesTo(string to) =>
        Messages().Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase))).ToList();

    /// <summary>The one-time token of the first link in the mail's text part that contains <paramref name="path"/>.</summary>
    public static string TokenFrom(MimeMessage message, string path)
    {
        var text = message.TextBody ?? throw new InvalidOperationException("The mail has no text part.");
        var start = text.IndexOf(path + "?token=", StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"No {path} link in: {text}");
        }

        start += path.Length + "?token=".Length;
        var end = start;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return Uri.UnescapeDataString(text[start..end]);
    }

    public void Dispose()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(MailDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static void RequirePackage()
    {
        using var probe = Process.Start(new ProcessStartInfo(Python, ["-c", "import aiosmtpd"]) { RedirectStandardError = true, UseShellExecute = false });
        probe?.WaitForExit(10_000);
        FullAuth.Tests.RequiresService.Ensure(probe is { ExitCode: 0 }, "These tests need a real SMTP server: apt-get install python3-aiosmtpd.");
    }
}
