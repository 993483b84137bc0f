namespace FullAuth.Application.Common.Interfaces;

/// <summary>A rendered mail. Its bodies hold one-time links: <see cref="ToString"/> never prints them.</summary>
public sealed record EmailMessage(string To, string Subject, string Html, string Text)
{
    public override string ToString() => $"EmailMessage {{ Subject = {Subject} }}";
}

/// <summary>
/// Queues mails for background delivery with retries: enqueuing never waits on the mail server, so
/// a slow or failing server never slows or fails a request.
/// </summary>
public interface IEmailOutbox
{
    /// <summary>False when <c>Email:Transport</c> is <c>none</c>.</summary>
    bool Enabled { get; }

    /// <summary>Mails waiting for delivery or a retry.</summary>
    int Pending { get; }

    void Enqueue(EmailMessage message);
}
