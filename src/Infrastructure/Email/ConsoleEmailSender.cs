using FullAuth.Application.Common.Interfaces;

namespace FullAuth.Infrastructure.Email;

/// <summary>
/// Development transport: prints each mail, link included, to standard output, outside the logging
/// pipeline (so log sinks never receive one-time links). Refused outside Development.
/// </summary>
internal sealed class ConsoleEmailSender(TextWriter? output = null) : IEmailSender
{
    private static readonly Lock Gate = new();

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var writer = output ?? Console.Out;
        lock (Gate)
        {
            writer.WriteLine("==================== mail (console transport) ====================");
            writer.WriteLine($"To: {message.To}");
            writer.WriteLine($"Subject: {message.Subject}");
            writer.WriteLine();
            writer.WriteLine(message.Text);
            writer.WriteLine("==================================================================");
            writer.Flush();
        }

        return Task.CompletedTask;
    }
}
