using System.Net;
using System.Net.Sockets;
using FullAuth.Application.Common.Options;
using Microsoft.Extensions.Options;

namespace FullAuth.Api.Http;

/// <summary>
/// The client address for rate limits and logs: the right-most <c>X-Forwarded-For</c> hop that is not
/// a trusted proxy, or the peer itself when the peer is not trusted. IPv6 clients are keyed per /64.
/// </summary>
public sealed class ClientIpResolver
{
    private readonly List<IPNetwork> _trusted = [];

    public ClientIpResolver(IOptions<FullAuthOptions> options)
    {
        foreach (var entry in options.Value.TrustedProxies)
        {
            if (IPNetwork.TryParse(entry, out var network))
            {
                _trusted.Add(network);
            }
            else if (IPAddress.TryParse(entry, out var address))
            {
                _trusted.Add(new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128));
            }
        }
    }

    public string? Resolve(HttpContext context)
    {
        var peer = context.Connection.RemoteIpAddress;
        if (peer is null)
        {
            return null;
        }

        var client = Normalize(peer);
        if (IsTrusted(client) && context.Request.Headers.TryGetValue("X-Forwarded-For", out var values))
        {
            var hops = values.SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToList();
            for (var i = hops.Count - 1; i >= 0; i--)
            {
                if (!IPAddress.TryParse(hops[i], out var hop))
                {
                    break;
                }

                client = Normalize(hop);
                if (!IsTrusted(client))
                {
                    break;
                }
            }
        }

        return Key(client);
    }

    /// <summary>Whether the direct peer is one of <c>TrustedProxies</c>, so its forwarding headers count.</summary>
    public bool IsTrustedPeer(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } peer && IsTrusted(Normalize(peer));

    /// <summary>IPv4 as is; IPv6 as its /64 prefix, so one host cannot rotate through its own block.</summary>
    public static string Key(IPAddress address)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private bool IsTrusted(IPAddress address) => _trusted.Exists(n => n.Contains(address));
}
