using Microsoft.Extensions.Options;
using MimeKit;

namespace Digibank.Api.Notifications;

/// <summary>
/// Where e-mails go as <c>.eml</c> files when no SMTP server is set (<see cref="NotificationOptions.MailFolder"/>): one
/// file per message, named after its <see cref="Notification.MessageKey"/>, so erasing a person finds their files.
/// </summary>
public sealed class MailFolder(IOptions<NotificationOptions> options, IHostEnvironment environment)
{
    public string Path { get; } = System.IO.Path.GetFullPath(options.Value.MailFolder, environment.ContentRootPath);

    public string FileOf(string messageKey) => System.IO.Path.Combine(Path, $"{messageKey}.eml");

    /// <summary>
    /// Writes a message once: a message written before (sent again after a crash) keeps its file. Written beside it and
    /// then moved into place, so a crash in the middle never leaves half a message under its name.
    /// </summary>
    public async Task WriteAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var key = message.MessageId!.Split('@')[0];
        var file = FileOf(key);
        if (File.Exists(file))
        {
            return;
        }

        Directory.CreateDirectory(Path);
        var partial = $"{file}.{Guid.NewGuid():N}.partial";
        try
        {
            await message.WriteToAsync(partial, cancellationToken);
            File.Move(partial, file, overwrite: false);
        }
        catch (IOException) when (File.Exists(file))
        {
            // Written meanwhile: the message is there once.
        }
        finally
        {
            File.Delete(partial);
        }

        // What a crash in the middle of an earlier try of this message left behind.
        RemovePartials(key);
    }

    /// <summary>Removes the files of these messages (a person erased), and any left half-written.</summary>
    public void Remove(IEnumerable<string> messageKeys)
    {
        if (!Directory.Exists(Path))
        {
            return;
        }

        foreach (var key in messageKeys)
        {
            File.Delete(FileOf(key));
            RemovePartials(key);
        }
    }

    private void RemovePartials(string messageKey)
    {
        foreach (var partial in Directory.EnumerateFiles(Path, $"{messageKey}.eml.*.partial"))
        {
            File.Delete(partial);
        }
    }

    /// <summary>Removes the files written before <paramref name="cutoffUtc"/>: no message text is kept past the retention period.</summary>
    public int RemoveOlderThan(DateTime cutoffUtc)
    {
        if (!Directory.Exists(Path))
        {
            return 0;
        }

        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(Path, "*.eml*"))
        {
            if (File.GetLastWriteTimeUtc(file) < cutoffUtc)
            {
                File.Delete(file);
                removed++;
            }
        }

        return removed;
    }
}
