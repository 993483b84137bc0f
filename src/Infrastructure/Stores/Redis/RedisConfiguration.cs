using System.Globalization;
using StackExchange.Redis;

namespace FullAuth.Infrastructure.Stores.Redis;

/// <summary>
/// Reads <c>FullAuth:RedisUrl</c>: a StackExchange.Redis configuration string
/// (<c>host:port,password=…,ssl=true</c>) or a <c>redis://</c> / <c>rediss://</c> URL
/// (<c>redis://[user[:password]@]host[:port][/database]</c>). The result never aborts on a failed
/// connect (the app starts while Redis is down and reconnects by itself) and fails commands fast
/// while disconnected instead of queueing them.
/// </summary>
public static class RedisConfiguration
{
    public const int DefaultPort = 6379;

    /// <exception cref="FormatException">The value is neither a valid URL nor a valid configuration string (the message never contains it).</exception>
    public static ConfigurationOptions Parse(string redisUrl)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(redisUrl);
        var value = redisUrl.Trim();
        ConfigurationOptions options;
        if (value.StartsWith("redis://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("rediss://", StringComparison.OrdinalIgnoreCase))
        {
            options = ParseUrl(value);
        }
        else
        {
            try
            {
                options = ConfigurationOptions.Parse(value);
            }
            catch (ArgumentException)
            {
                // The parser's message may quote the value (and so a password): never pass it on.
                throw new FormatException("FullAuth:RedisUrl is not a valid StackExchange.Redis configuration string (host:port,password=…,ssl=true) or redis:// URL.");
            }
        }

        if (options.EndPoints.Count == 0)
        {
            throw new FormatException("FullAuth:RedisUrl names no host (expected host:port or redis://host:port).");
        }

        options.AbortOnConnectFail = false;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        options.ReconnectRetryPolicy = new LinearRetry(1000);
        options.ClientName ??= "fullauth";
        return options;
    }

    private static ConfigurationOptions ParseUrl(string value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
        {
            throw new FormatException("FullAuth:RedisUrl is not a valid redis:// URL (expected redis://[user[:password]@]host[:port][/database]).");
        }

        if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            throw new FormatException("FullAuth:RedisUrl: query strings are not supported in redis:// URLs; use a StackExchange.Redis configuration string for extra options.");
        }

        var options = new ConfigurationOptions
        {
            Ssl = uri.Scheme.Equals("rediss", StringComparison.OrdinalIgnoreCase),
        };
        options.EndPoints.Add(uri.DnsSafeHost, uri.IsDefaultPort || uri.Port < 0 ? DefaultPort : uri.Port);
        if (options.Ssl)
        {
            options.SslHost = uri.DnsSafeHost;
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            var separator = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            var user = Uri.UnescapeDataString(separator < 0 ? uri.UserInfo : uri.UserInfo[..separator]);
            var password = separator < 0 ? null : Uri.UnescapeDataString(uri.UserInfo[(separator + 1)..]);
            options.User = string.IsNullOrEmpty(user) ? null : user;
            options.Password = string.IsNullOrEmpty(password) ? null : password;
        }

        var path = uri.AbsolutePath.Trim('/');
        if (path.Length > 0)
        {
            if (!int.TryParse(path, NumberStyles.None, CultureInfo.InvariantCulture, out var database))
            {
                throw new FormatException("FullAuth:RedisUrl: the path of a redis:// URL must be a database number (for example redis://host:6379/0).");
            }

            options.DefaultDatabase = database;
        }

        return options;
    }
}
