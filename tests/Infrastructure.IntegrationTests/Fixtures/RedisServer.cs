using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FullAuth.Tests.Fixtures;

/// <summary>
/// A throwaway <c>redis-server</c> on 127.0.0.1 and a free port, without persistence
/// (<c>--save '' --appendonly no</c>). It can be killed and started again on the same port, and it
/// speaks enough RESP for tests to send admin commands without a client library.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly string _binary;
    private Process? _process;

    private RedisServer(string binary, int port)
    {
        _binary = binary;
        Port = port;
    }

    public int Port { get; }

    /// <summary>A StackExchange.Redis configuration string for this server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Null when <c>redis-server</c> is not installed.</summary>
    public static async Task<RedisServer?> TryStartAsync()
    {
        if (ServerBinaries.RedisServer is not { } binary)
        {
            return null;
        }

        var server = new RedisServer(binary, ServerBinaries.FreePort());
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }

        var start = new ProcessStartInfo(_binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "--bind", "127.0.0.1", "--port", Port.ToString(CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning" })
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("Could not start redis-server.");
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(15))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited with code {_process.ExitCode} while starting on port {Port}.");
            }

            try
            {
                if (await CommandAsync("PING") == "PONG")
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is SocketException or IOException)
            {
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"redis-server did not answer PING on port {Port} within 15 s.");
    }

    /// <summary>Kills the server (as a crash would) and waits until the port is closed.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        if (!_process.HasExited)
        {
            _process.Kill();
        }

        await _process.WaitForExitAsync();
        _process.Dispose();
        _process = null;
    }

    /// <summary>Sends one command and returns the reply: simple strings, integers and bulk strings as text; errors throw.</summary>
    public async Task<string?> CommandAsync(params string[] arguments)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, Port);
        var stream = client.GetStream();
        var request = new StringBuilder().Append('*').Append(arguments.Length).Append("\r\n");
        foreach (var argument in arguments)
        {
            request.Append('$').Append(Encoding.UTF8.GetByteCount(argument)).Append("\r\n").Append(argument).Append("\r\n");
        }

        await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()));
        var reader = new RespReader(stream);
        return await reader.ReadAsync();
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private sealed class RespReader(Stream stream)
    {
        private readonly byte[] _one = new byte[1];

        public async Task<string?> ReadAsync()
        {
            var line = await ReadLineAsync();
            var body = line[1..];
            switch (line[0])
            {
                case '+':
                case ':':
                    return body;
                case '-':
                    throw new InvalidOperationException("Redis error: " + body);
                case '$':
                    var length = int.Parse(body, CultureInfo.InvariantCulture);
                    if (length < 0)
                    {
                        return null;
                    }

                    var buffer = new byte[length + 2];
                    await stream.ReadExactlyAsync(buffer);
                    return Encoding.UTF8.GetString(buffer, 0, length);
                case '*':
                    var count = int.Parse(body, CultureInfo.InvariantCulture);
                    var items = new List<string?>();
                    for (var i = 0; i < count; i++)
                    {
                        items.Add(await ReadAsync());
                    }

                    return string.Join('\n', items);
                default:
                    throw new InvalidOperationException("Unexpected RESP reply: " + line);
            }
        }

        private async Task<string> ReadLineAsync()
        {
            var line = new StringBuilder();
            while (true)
            {
                if (await stream.ReadAsync(_one) == 0)
                {
                    throw new IOException("Redis closed the connection.");
                }

                if (_one[0] == '\n' && line.Length > 0 && line[^1] == '\r')
                {
                    return line.ToString(0, line.Length - 1);
                }

                line.Append((char)_one[0]);
            }
        }
    }
}
