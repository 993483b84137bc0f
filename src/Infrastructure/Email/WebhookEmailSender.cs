using System.Net.Http.Json;
using System.Text.Json.Serialization;
using FullAuth.Application.Common.Interfaces;
using FullAuth.Application.Common.Options;
using Microsoft.Extensions.Options;

namespace FullAuth.Infrastructure.Email;

/// <summary>
/// The <c>webhook</c> transport: POSTs <c>{to, subject, html, text}</c> as JSON to
/// <c>Email:Webhook:Url</c> with the configured headers (an API key for a mail relay, for example).
/// Anything but a 2xx answer, a timeout or a network error throws, so the outbox retries with backoff
/// and finally logs. Exception messages never carry the URL or a header value.
/// </summary>
internal sealed class WebhookEmailSender(IHttpClientFactory clients, IOptions<EmailOptions> options) : IEmailSender
{
    public const string ClientName = "FullAuth.EmailWebhook";

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value.Webhook;
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url)
        {
            Content = JsonContent.Create(new WebhookMail(message.To, message.Subject, message.Html, message.Text)),
        };
        foreach (var (name, value) in settings.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content.Headers.Remove(name);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        HttpResponseMessage response;
        try
        {
            response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new EmailDeliveryException($"the mail webhook did not answer within {settings.Timeout}");
        }
        catch (HttpRequestException ex)
        {
            throw new EmailDeliveryException($"the mail webhook could not be reached ({ex.HttpRequestError})");
        }

        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new EmailDeliveryException($"the mail webhook answered {(int)response.StatusCode}");
            }
        }
    }

    private sealed record WebhookMail(
        [property: JsonPropertyName("to")] string To,
        [property: JsonPropertyName("subject")] string Subject,
        [property: JsonPropertyName("html")] string Html,
        [property: JsonPropertyName("text")] string Text);
}
