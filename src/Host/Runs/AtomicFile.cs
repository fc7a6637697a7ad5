using System.Text;

namespace NeuroLc.Host.Runs;

/// <summary>
/// Writes a file so that a reader (or a process killed half-way) sees either the old or the new content, never a
/// mixture: write a temporary file beside it, flush it to disk, then rename it over the target.
/// </summary>
public static class AtomicFile
{
    /// <summary>Suffix of temporary files; leftovers from a killed process are ignored and swept by <see cref="SweepTemporaries"/>.</summary>
    public const string TemporarySuffix = ".tmp";

    public static void WriteAllText(string path, string text) => Write(path, stream =>
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        stream.Write(bytes, 0, bytes.Length);
    });

    /// <summary>Writes through <paramref name="write"/> into a temporary file, flushes it to disk and renames it to <paramref name="path"/>.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        string temporary = $"{path}.{Environment.ProcessId}{TemporarySuffix}";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                write(stream);
                // Flush(true) reaches the disk, so after the rename the name never points at unwritten blocks.
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Deletes temporary files left in <paramref name="folder"/> by a process that was killed while writing.</summary>
    public static void SweepTemporaries(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }
        foreach (string file in Directory.EnumerateFiles(folder, "*" + TemporarySuffix))
        {
            File.Delete(file);
        }
    }
}
