using NeuroLc.Host.Configuration;
using NeuroLc.RateAdapters.Data;
using NeuroLc.RateAdapters.Training;

namespace NeuroLc.Host.Training;

/// <summary>
/// Loads the training and validation sets a run's <see cref="DataConfig"/> names, once per distinct configuration.
/// Missing or malformed data becomes a <see cref="DataUnavailableException"/> that says how to get it.
/// </summary>
public sealed class DataCatalog
{
    /// <summary>How to get the default MNIST-format data, repeated in every "not found" message.</summary>
    public const string MnistHelp =
        "Install Fashion-MNIST with `sudo apt-get install dataset-fashion-mnist` (Debian/Ubuntu; it goes to " + MnistFormat.FashionMnistFolder + "/), " +
        "or pass --data DIR where DIR holds train-images-idx3-ubyte, train-labels-idx1-ubyte, t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte (raw or .gz).";

    /// <summary>How to get HIGGS.</summary>
    public const string HiggsHelp =
        "HIGGS is not available offline: download HIGGS.csv.gz (2.6 GB) from https://archive.ics.uci.edu/dataset/280/higgs and pass --higgs /path/to/HIGGS.csv.gz.";

    private readonly Dictionary<DataConfig, (Dataset Train, Dataset Validation)> _cache = new();

    public (Dataset Train, Dataset Validation) Load(DataConfig data)
    {
        if (!_cache.TryGetValue(data, out (Dataset Train, Dataset Validation) sets))
        {
            sets = data.Kind switch
            {
                DataKind.Fk => LoadFk(data),
                DataKind.Mnist => LoadMnist(data),
                _ => LoadHiggs(data),
            };
            _cache[data] = sets;
        }
        return sets;
    }

    private static (Dataset, Dataset) LoadFk(DataConfig data)
    {
        int train = Math.Min(data.TrainCount, data.Limit ?? int.MaxValue);
        int validation = Math.Min(data.ValidationCount, data.ValidationLimit ?? int.MaxValue);
        // An independent stream for validation: the same seed would repeat the training points.
        return (SyntheticFk.Generate(data.K, train, data.Seed), SyntheticFk.Generate(data.K, validation, data.Seed ^ 0x9E3779B97F4A7C15UL));
    }

    private static (Dataset, Dataset) LoadMnist(DataConfig data)
    {
        string folder = data.Folder ?? MnistFormat.FashionMnistFolder;
        if (!Directory.Exists(folder))
        {
            throw new DataUnavailableException($"MNIST-format data folder {folder} does not exist. {MnistHelp}");
        }
        try
        {
            (Dataset train, Dataset test) = MnistFormat.Load(folder, data.Limit);
            if (data.ValidationLimit is { } limit && limit < test.Count)
            {
                test = test.Slice(0, limit);
            }
            return (train, test);
        }
        catch (DataFormatException ex)
        {
            throw new DataUnavailableException($"{ex.Message} (the MNIST-format files in {folder} are corrupt or not IDX). {MnistHelp}", ex);
        }
        catch (IOException ex)
        {
            throw new DataUnavailableException($"{ex.Message}. {MnistHelp}", ex);
        }
    }

    private static (Dataset, Dataset) LoadHiggs(DataConfig data)
    {
        if (data.File is null)
        {
            throw new DataUnavailableException($"This experiment needs the HIGGS data set. {HiggsHelp}");
        }
        int train = Math.Min(data.TrainCount, data.Limit ?? int.MaxValue);
        int validation = Math.Min(data.ValidationCount, data.ValidationLimit ?? int.MaxValue);
        try
        {
            Dataset rows = HiggsReader.Read(data.File, train + validation);
            if (rows.Count <= validation)
            {
                throw new DataUnavailableException($"{data.File} has {rows.Count} rows, too few for {validation} validation rows. {HiggsHelp}");
            }
            // The paper trains on the first rows and tests on the last 100,000; we take the rows after the training rows.
            int trainRows = rows.Count - validation;
            return (rows.Slice(0, trainRows), rows.Slice(trainRows, validation));
        }
        catch (DataFormatException ex)
        {
            throw new DataUnavailableException($"{ex.Message}. {HiggsHelp}", ex);
        }
        catch (IOException ex)
        {
            throw new DataUnavailableException($"{ex.Message}. {HiggsHelp}", ex);
        }
    }
}
