using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace ExercisePlanner.Testing;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a loopback port of its own, keeping what it receives.
/// It can be stopped and started again on the same port, to play a mail server that is down for a while.
/// </summary>
public sealed class LoopbackSmtp : IAsyncDisposable
{
    private CancellationTokenSource? _running;
    private SmtpServer.SmtpServer? _server;
    private Task? _serving;

    public int Port { get; } = FreePort();
    public ConcurrentQueue<MimeMessage> Received { get; } = new();
    /// <summary>Runs when a message has been stored and before the server answers "250 OK".</summary>
    public Func<MimeMessage, Task>? OnReceived { get; set; }

    public static async Task<LoopbackSmtp> StartAsync()
    {
        var smtp = new LoopbackSmtp();
        await smtp.StartAgainAsync();
        return smtp;
    }

    public async Task StartAgainAsync()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = new CancellationTokenSource();
        _serving = _server.StartAsync(_running.Token);
        // Listening once a client can connect.
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException) { await Task.Delay(20); }
        }
        throw new InvalidOperationException($"the SMTP server did not start on port {Port}");
    }

    public async Task StopAsync()
    {
        if (_server is null) return;
        _server.Shutdown();
        _running!.Cancel();
        try { await _serving!; } catch (OperationCanceledException) { }
        _server = null;
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(LoopbackSmtp owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var message = await MimeMessage.LoadAsync(new MemoryStream(buffer.ToArray()), cancellationToken);
            owner.Received.Enqueue(message);
            if (owner.OnReceived is { } hook) await hook(message);
            return SmtpResponse.Ok;
        }
    }
}
