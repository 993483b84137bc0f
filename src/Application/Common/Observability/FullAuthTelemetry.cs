using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace FullAuth.Application.Common.Observability;

/// <summary>
/// The service's metrics and traces: one <see cref="Meter"/> and one <see cref="ActivitySource"/>, both
/// named <c>FullAuth</c> (<c>fullauth.store.*</c> from the Redis stores share the meter name). Exported
/// through OpenTelemetry when <c>FullAuth:Otlp:Endpoint</c> is set; readable with <c>dotnet-counters</c>
/// (<c>--counters FullAuth</c>) always. Tags never carry user ids, emails or tokens.
/// </summary>
public static class FullAuthTelemetry
{
    public const string Name = "FullAuth";

    public static readonly ActivitySource ActivitySource = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Sign-in attempts; tags <c>method</c> (an <c>amr</c> value: <c>pwd</c>, ...) and <c>outcome</c>.</summary>
    public static readonly Counter<long> SignIns = Meter.CreateCounter<long>(
        "fullauth.sign_ins", unit: "{sign_in}", description: "Sign-in attempts by method and outcome (success, invalid_credentials, locked_out, inactive, email_not_verified, vetoed)");

    /// <summary>Refresh attempts; tag <c>outcome</c> (<c>success</c>, <c>refused</c>, <c>reuse</c>).</summary>
    public static readonly Counter<long> Refreshes = Meter.CreateCounter<long>(
        "fullauth.refreshes", unit: "{refresh}", description: "Refresh-token rotations by outcome (success, refused, reuse)");

    public static readonly Counter<long> ReuseDetections = Meter.CreateCounter<long>(
        "fullauth.refresh.reuse_detections", unit: "{detection}", description: "Refresh tokens presented twice: the session was revoked");

    /// <summary>Lockouts started; tag <c>source</c> (<c>login</c>, <c>reauthentication</c>).</summary>
    public static readonly Counter<long> Lockouts = Meter.CreateCounter<long>(
        "fullauth.lockouts", unit: "{lockout}", description: "Lockouts started after too many failed password checks");

    /// <summary>429 answers; tag <c>bucket</c>.</summary>
    public static readonly Counter<long> RateLimitRejections = Meter.CreateCounter<long>(
        "fullauth.rate_limit.rejections", unit: "{request}", description: "Requests refused with 429 rate_limited, by bucket");

    /// <summary>Time a hash or verify waited for a hashing slot; tag <c>outcome</c> (<c>acquired</c>, <c>busy</c>).</summary>
    public static readonly Histogram<double> HashQueueWait = Meter.CreateHistogram<double>(
        "fullauth.password_hash.queue_wait", unit: "ms", description: "Time waited for a password-hashing slot (Password:MaxConcurrentHashes)");

    /// <summary>Mails queued, delivered and given up; tag <c>outcome</c> (<c>queued</c>, <c>delivered</c>, <c>retried</c>, <c>failed</c>, <c>throttled</c>).</summary>
    public static readonly Counter<long> Mails = Meter.CreateCounter<long>(
        "fullauth.mail", unit: "{mail}", description: "Mails by outcome (queued, throttled, delivered, retried, failed)");

    /// <summary>Use-case outcomes; tags <c>use_case</c> and <c>outcome</c> (<c>success</c> or the error code).</summary>
    public static readonly Histogram<double> UseCaseDuration = Meter.CreateHistogram<double>(
        "fullauth.use_case.duration", unit: "ms", description: "Duration of each use case (Mediator message) by outcome");

    public static KeyValuePair<string, object?> Tag(string name, object? value) => new(name, value);
}
