using System.IO.Compression;
using NeuroLc.RateAdapters.Data;
using NeuroLc.RateAdapters.Training;

namespace NeuroLc.RateAdapters.Tests.Data;

public sealed class DataReaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("neurolc-rate-data-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Mnist_folder_round_trips_through_the_idx_writer(bool gzip)
    {
        MnistLikePatterns.WriteFolder(_dir, 50, 20, seed: 4, gzip);
        (Dataset train, Dataset test) = MnistFormat.Load(_dir);
        Assert.Equal(50, train.Count);
        Assert.Equal(20, test.Count);
        Assert.Equal(784, train.InputSize);
        Assert.Equal(10, train.OutputSize);
        (byte[] pixels, byte[] labels) = MnistLikePatterns.GenerateBytes(50, 4);
        Assert.Equal(labels, train.Labels);
        Assert.Equal(pixels[300] / 255f, train.Inputs[300]);
        Assert.Equal(1f, train.Targets[(7 * 10) + labels[7]]);
        Assert.Equal(30, MnistFormat.Load(_dir, limit: 30).Train.Count);
    }

    [Fact]
    public void Wrong_magic_truncation_and_count_mismatch_name_the_file()
    {
        string bad = Path.Combine(_dir, "bad-idx");
        File.WriteAllBytes(bad, [0, 0, 9, 1, 0, 0, 0, 1, 5]);
        var magic = Assert.Throws<DataFormatException>(() => IdxReader.ReadBytes(bad));
        Assert.Contains(bad, magic.Message);
        Assert.Contains("magic", magic.Message);

        string truncated = Path.Combine(_dir, "short-idx");
        File.WriteAllBytes(truncated, [0, 0, 8, 1, 0, 0, 0, 9, 5, 6]);
        var shortEx = Assert.Throws<DataFormatException>(() => IdxReader.ReadBytes(truncated));
        Assert.Contains("truncated", shortEx.Message);
        Assert.Equal(truncated, shortEx.Path);

        MnistLikePatterns.WriteFolder(_dir, 10, 10, 1, gzip: false);
        IdxReader.WriteBytes(Path.Combine(_dir, "train-labels-idx1-ubyte"), new byte[9], 9);
        var mismatch = Assert.Throws<DataFormatException>(() => MnistFormat.Load(_dir));
        Assert.Contains("9 labels for 10 images", mismatch.Message);
        Assert.Contains("train-labels-idx1-ubyte", mismatch.Message);
    }

    [Fact]
    public void Higgs_reader_takes_low_level_columns_with_a_row_limit_and_names_bad_lines()
    {
        string path = Path.Combine(_dir, "HIGGS.csv.gz");
        var lines = new List<string>();
        for (int r = 0; r < 5; r++)
        {
            lines.Add(string.Join(",", new[] { (r % 2).ToString() }.Concat(Enumerable.Range(1, 28).Select(c => $"{r}.{c:D2}e0"))));
        }

        WriteGz(path, lines);
        Dataset all = HiggsReader.Read(path);
        Assert.Equal(5, all.Count);
        Assert.Equal(21, all.InputSize);
        Assert.Equal(1, all.OutputSize);
        Assert.Equal(2.01f, all.Inputs[2 * 21]);
        Assert.Equal(2.21f, all.Inputs[(2 * 21) + 20]);
        Assert.Equal(1f, all.Targets[3]);
        Assert.Equal(3, HiggsReader.Read(path, rowLimit: 3).Count);
        Assert.Equal(3.22f, HiggsReader.Read(path, features: HiggsFeatures.HighLevel).Inputs[3 * 7]);

        lines[3] = lines[3].Replace("3.05e0", "x");
        WriteGz(path, lines);
        var ex = Assert.Throws<DataFormatException>(() => HiggsReader.Read(path));
        Assert.Contains("line 4", ex.Message);
        Assert.Contains("column 6", ex.Message);
        Assert.Contains(path, ex.Message);
        lines[3] = "1,2,3";
        WriteGz(path, lines);
        Assert.Contains("line 4", Assert.Throws<DataFormatException>(() => HiggsReader.Read(path)).Message);
    }

    [Fact]
    public void Fk_labels_follow_g_after_k_foldings()
    {
        Assert.Equal(1, SyntheticFk.Label(0, 0, 0));
        Assert.Equal(0, SyntheticFk.Label(0, 0.9, 0.9));
        Assert.Equal(0, SyntheticFk.Label(1, 0, 0));         // t(0,0) = (1,1), outside the unit disc
        Assert.Equal(1, SyntheticFk.Label(1, 0.7, 0.7));     // t = (0.02, 0.02)
        Assert.Equal(0, SyntheticFk.Label(2, 0, 0));         // t(t(0,0)) = t(1,1) = (−1,−1), outside
        Dataset data = SyntheticFk.Generate(2, 1000, 8);
        Assert.Equal(data.Inputs, SyntheticFk.Generate(2, 1000, 8).Inputs);
        Assert.All(data.Inputs, v => Assert.InRange(v, -1f, 1f));
        for (int i = 0; i < data.Count; i++)
        {
            Assert.Equal(SyntheticFk.Label(2, data.Inputs[2 * i], data.Inputs[(2 * i) + 1]), (byte)data.Targets[i]);
        }
    }

    [Fact]
    public void Splits_are_deterministic_and_partition_the_data()
    {
        Dataset data = SyntheticFk.Generate(1, 101, 3);
        (Dataset train, Dataset validation) = DataSplit.Split(data, 0.2, seed: 5);
        Assert.Equal(81, train.Count);
        Assert.Equal(20, validation.Count);
        Assert.Equal(train.Inputs, DataSplit.Split(data, 0.2, 5).Train.Inputs);
        Assert.NotEqual(train.Inputs, DataSplit.Split(data, 0.2, 6).Train.Inputs);
        var all = train.Inputs.Concat(validation.Inputs).Order().ToArray();
        Assert.Equal(data.Inputs.Order().ToArray(), all);
    }

    private static void WriteGz(string path, IEnumerable<string> lines)
    {
        using var file = File.Create(path);
        using var gz = new GZipStream(file, CompressionLevel.Fastest);
        using var writer = new StreamWriter(gz);
        foreach (string line in lines)
        {
            writer.WriteLine(line);
        }
    }
}
