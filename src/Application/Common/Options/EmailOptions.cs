namespace FullAuth.Application.Common.Options;

public sealed class EmailOptions
{
    public const string SectionName = "FullAuth:Email";

    /// <summary><c>console</c> (Development only), <c>smtp</c>, <c>webhook</c>, <c>none</c>; unset = console in Development, else none.</summary>
    public string? Transport { get; set; }

    public string From { get; set; } = "no-reply@localhost";
    public string ProductName { get; set; } = "FullAuth";

    /// <summary>Mail links are this URL + <c>/verify-email?token=</c> etc., never the request's Host.</summary>
    public string FrontendUrl { get; set; } = "http://localhost:3000";

    /// <summary>Folder with template overrides (<c>{template}.subject.txt</c>, <c>.html</c>, <c>.txt</c>).</summary>
    public string? TemplatesPath { get; set; }

    /// <summary>Attempts per mail before it is given up (and logged); backoff doubles from 1 s up to 60 s.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Mails per hour to one address from the request routes; beyond it the answer is still 202.</summary>
    public int PerAddressHourlyLimit { get; set; } = 3;

    public SmtpOptions Smtp { get; set; } = new();

    public WebhookOptions Webhook { get; set; } = new();

    /// <summary>The transport in effect once the environment default is applied.</summary>
    public string EffectiveTransport(bool isDevelopment) =>
        (Transport ?? (isDevelopment ? "console" : "none")).Trim().ToLowerInvariant();
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? Username { get; set; }
    public string? Password { get; set; }

    /// <summary><c>Auto</c>, <c>None</c>, <c>StartTls</c>, <c>SslOnConnect</c>.</summary>
    public string Security { get; set; } = "Auto";
}

/// <summary>
/// The <c>webhook</c> transport: each mail is POSTed as JSON <c>{to, subject, html, text}</c> to
/// <see cref="Url"/> with <see cref="Headers"/> (for example an API key); values of the headers are never logged.
/// </summary>
public sealed class WebhookOptions
{
    /// <summary>Absolute <c>https</c> URL (<c>http</c> only for localhost).</summary>
    public string? Url { get; set; }

    public Dictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Per attempt; a timed-out attempt is retried like any failure.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
