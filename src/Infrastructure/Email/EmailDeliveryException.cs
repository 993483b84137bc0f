namespace FullAuth.Infrastructure.Email;

/// <summary>A delivery attempt failed; the message is safe to log (no addresses of servers, no secrets).</summary>
public sealed class EmailDeliveryException(string message) : Exception(message);
