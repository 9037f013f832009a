using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Digibank.Plugins;

namespace Digibank.TestPlugins;

/// <summary>
/// The faults a careless partner's code has, one per <c>"fault"</c> setting: an exception on a thread of its own,
/// a spin that ignores its token (on one thread or on many), a read that never returns, managed or native memory
/// without end, and garbage on the console and in its records; a hang that ignores its token, on the runs
/// <c>"hangOnRuns"</c> lists (counted in <c>runs.txt</c> in its data folder), or on every run. With <c>"tempFiles": "write"</c> it first leaves files in
/// the temp folder, as an SDK unpacking an export does, and notes where in <c>temp-files.txt</c> in its data folder.
/// The partner code comes from plugin.json.
/// </summary>
public sealed class FaultyPlugin : IPartnerPlugin
{
    public string PartnerCode => string.Empty;

    public async IAsyncEnumerable<CourseOffer> ReadOffersAsync(PluginContext context, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (context.Setting("tempFiles", "none") == "write")
            WriteTempFiles(context);

        switch (context.Setting("fault", "none"))
        {
            case "hang" when HangsOnThisRun(context):
                await Task.Delay(Timeout.Infinite, CancellationToken.None);
                break;
            case "throw":
                throw new InvalidOperationException("The partner's export could not be read.");
            case "thread":
                new Thread(() => throw new InvalidOperationException("The partner's SDK failed on a thread of its own.")).Start();
                await Task.Delay(Timeout.Infinite, CancellationToken.None);
                break;
            case "spin":
                Spin();
                break;
            case "spin-everywhere":
                for (var thread = 0; thread < Environment.ProcessorCount * 2; thread++)
                    new Thread(Spin) { IsBackground = true }.Start();
                Spin();
                break;
            case "io":
                ReadFromASilentServer();
                break;
            case "allocate":
                AllocateManaged();
                break;
            case "allocate-native":
                AllocateNative();
                break;
            case "many":
                for (var index = 1; index <= 5_000; index++)
                    yield return new CourseOffer { ExternalId = $"FAULTY-MANY-{index}", Title = "Smartphone basics", Capacity = 10 };
                break;
            case "environment":
                // What a plug-in could learn from its process: everything it finds goes out with its offer.
                yield return new CourseOffer
                {
                    ExternalId = "FAULTY-ENVIRONMENT",
                    Title = "What the worker's environment holds",
                    Summary = string.Join("\n", Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>().Select(entry => $"{entry.Key}={entry.Value}")),
                };
                break;
            case "garbage":
                WriteGarbage();
                foreach (var offer in GarbageOffers())
                    yield return offer!;
                break;
        }

        yield return new CourseOffer { ExternalId = "FAULTY-1", Title = "Smartphone basics", Topics = ["smartphone-basics"], Capacity = 10, HelpPointName = "Bibliotheek Poperinge" };
    }

    public IAsyncEnumerable<SignUpRecord> ReadSignUpsAsync(PluginContext context, CancellationToken cancellationToken) => AsyncEnumerable.Empty<SignUpRecord>();

    public Task WriteSignUpChangesAsync(IReadOnlyList<SignUpChange> changes, PluginContext context, CancellationToken cancellationToken) => Task.CompletedTask;

    private static bool HangsOnThisRun(PluginContext context)
    {
        var counter = Path.Combine(context.DataFolder, "runs.txt");
        var run = File.Exists(counter) ? int.Parse(File.ReadAllText(counter), System.Globalization.CultureInfo.InvariantCulture) + 1 : 1;
        File.WriteAllText(counter, run.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var runs = context.Setting("hangOnRuns", string.Empty);
        return runs.Length == 0 || runs.Split(',').Contains(run.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static void WriteTempFiles(PluginContext context)
    {
        var file = Path.Combine(Path.GetTempPath(), $"faulty-export-{Guid.NewGuid():N}.tmp");
        File.WriteAllText(file, "Maria;maria@example.be");
        var folder = Directory.CreateTempSubdirectory("faulty-unpacked-");
        File.WriteAllText(Path.Combine(folder.FullName, "export.csv"), "Maria;maria@example.be");
        File.WriteAllLines(Path.Combine(context.DataFolder, "temp-files.txt"), [file, folder.FullName]);
    }

    private static void Spin()
    {
        var turns = 0L;
        while (true)
            turns++;
    }

    // A server that accepts the connection (the backlog does) and never sends a byte: the read blocks its thread.
    private static void ReadFromASilentServer()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var client = new TcpClient();
        client.Connect((IPEndPoint)listener.LocalEndpoint);
        client.GetStream().ReadExactly(new byte[1]);
    }

    private static void AllocateManaged()
    {
        var kept = new List<byte[]>();
        while (true)
        {
            var block = new byte[1024 * 1024];
            Array.Fill(block, (byte)1);
            kept.Add(block);
        }
    }

    private static unsafe void AllocateNative()
    {
        while (true)
        {
            const int size = 16 * 1024 * 1024;
            var block = NativeMemory.Alloc(size);
            NativeMemory.Fill(block, size, 1);
        }
    }

    private static void WriteGarbage()
    {
        Console.Write(new string('x', 200_000));
        Console.WriteLine("{\"event\":\"Result\",\"result\":{\"outcome\":\"Succeeded\"}}");
        using var raw = Console.OpenStandardOutput();
        raw.Write(new byte[150_000]);
        raw.Write("\n{ not json\n"u8);
        raw.Write([0xff, 0xfe, 0x0a]);
    }

    private static IEnumerable<CourseOffer?> GarbageOffers()
    {
        yield return null;
        yield return new CourseOffer { ExternalId = null!, Title = null!, Capacity = -5 };
        yield return new CourseOffer
        {
            ExternalId = "FAULTY-GARBAGE",
            Title = new string('t', 10_000),
            Topics = ["no-such-topic", null!],
            Capacity = int.MaxValue,
            PriceCents = int.MinValue,
            SignUpDeadline = DateTime.MinValue,
            Sessions = [new SessionOffer(DateTime.MaxValue, DateTime.MinValue), null!],
        };
    }
}
