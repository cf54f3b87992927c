using Analytics.Domain;
using Analytics.Ingest.Personal;
using Analytics.Store;

namespace Analytics.Ingest.Tests.Personal;

/// <summary>
/// The customer key belongs to the store (issue 13, items 9 and 15): its fingerprint is recorded with the
/// first filing that needed it, and a missing, different or unusable key file is a clean refusal, never
/// a silently new key. Against a real SQLite store; the store side of the fingerprint is in the store
/// contract tests (both stores).
/// </summary>
public sealed class CustomerKeyForStoreTests : IDisposable
{
    private readonly TempFolder _dir = new();
    private readonly SqliteStore _store;

    public CustomerKeyForStoreTests()
    {
        _store = new SqliteStore(_dir.File("analytics.db"));
        _store.EnsureSchema();
    }

    public void Dispose()
    {
        _store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }

    private IngestResult IngestPersonal(string name, string keyFile, string id = "A-1") =>
        new FileIngestor(_store).Ingest(FilingKind.Applications,
            TestFiles.Csv(_dir, name, [TestFiles.Application(id).With("customer_name", "张三").With("id_number", TestFiles.IdNumber())]),
            new IngestOptions { KeyFile = keyFile });

    [Fact]
    public void A_new_store_creates_the_key_and_records_its_fingerprint()
    {
        Assert.False(File.Exists(_dir.KeyFile));
        Assert.Equal(IngestOutcome.Loaded, IngestPersonal("a.csv", _dir.KeyFile).Outcome);
        Assert.True(File.Exists(_dir.KeyFile));
        var fingerprint = CustomerKeyring.OpenOrCreate(_dir.KeyFile).Fingerprint;
        Assert.Matches("^[0-9a-f]{64}$", fingerprint);
        Assert.Equal(fingerprint, _store.CustomerKeyFingerprint());
        // The fingerprint is not the key, nor a customer key.
        Assert.DoesNotContain(fingerprint, File.ReadAllText(_dir.KeyFile), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_key_file_for_a_store_with_data_is_refused_and_not_made_anew()
    {
        IngestPersonal("a.csv", _dir.KeyFile);
        var filings = _store.Filings();
        File.Delete(_dir.KeyFile);

        var ex = Assert.Throws<InvalidDataException>(() => IngestPersonal("b.csv", _dir.KeyFile, "A-2"));
        Assert.Contains(_dir.KeyFile, ex.Message, StringComparison.Ordinal);
        Assert.Contains("备份", ex.Message, StringComparison.Ordinal);
        Assert.Contains(_store.CustomerKeyFingerprint()![..16], ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.KeyFile));
        Assert.Equal(filings, _store.Filings());
    }

    [Fact]
    public void A_different_key_file_is_refused_and_nothing_is_loaded()
    {
        IngestPersonal("a.csv", _dir.KeyFile);
        var recorded = _store.CustomerKeyFingerprint();
        var other = _dir.File("other.key");
        CustomerKeyring.OpenOrCreate(other);

        var ex = Assert.Throws<InvalidDataException>(() => IngestPersonal("b.csv", other, "A-2"));
        Assert.Contains("备份", ex.Message, StringComparison.Ordinal);
        Assert.Single(_store.Filings());
        Assert.Equal(recorded, _store.CustomerKeyFingerprint());
    }

    [Fact]
    public void A_store_with_customer_keys_but_no_recorded_fingerprint_does_not_get_a_new_key()
    {
        // A store loaded before fingerprints were recorded: it holds customer keys of an unknown key.
        IngestPersonal("old.csv", _dir.File("old.key"));
        ForgetFingerprintAndKeyEveryone();
        Assert.Null(_store.CustomerKeyFingerprint());
        var ex = Assert.Throws<InvalidDataException>(() => CustomerKeyring.ForStore(_dir.KeyFile, _store));
        Assert.Contains("备份", ex.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_dir.KeyFile));
    }

    private void ForgetFingerprintAndKeyEveryone()
    {
        using var conn = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={_store.Path};Pooling=False");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "DELETE FROM analytics_meta WHERE item = 'customer_key_fingerprint'; UPDATE application_revisions SET customer_key = 'k-old';";
        cmd.ExecuteNonQuery();
    }

    [Fact]
    public void A_key_file_that_is_a_folder_is_a_clean_error()
    {
        Directory.CreateDirectory(_dir.KeyFile);
        var ex = Assert.Throws<InvalidDataException>(() => CustomerKeyring.ForStore(_dir.KeyFile, _store));
        Assert.Contains("文件夹", ex.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => CustomerKeyring.OpenOrCreate(_dir.KeyFile));
        Assert.Throws<InvalidDataException>(() => IngestPersonal("a.csv", _dir.KeyFile));
        Assert.Empty(_store.Filings());
    }

    [Fact]
    public void A_key_file_whose_folder_cannot_be_created_is_a_clean_error()
    {
        var aFile = _dir.File("not-a-folder");
        File.WriteAllText(aFile, "x");
        var key = Path.Combine(aFile, "keys", "customer.key");
        var ex = Assert.Throws<InvalidDataException>(() => CustomerKeyring.ForStore(key, _store));
        Assert.Contains("无法创建", ex.Message, StringComparison.Ordinal);
        Assert.Contains(key, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_file_too_big_to_be_a_key_is_refused_without_reading_it_whole()
    {
        File.WriteAllBytes(_dir.KeyFile, new byte[1 << 20]);
        var ex = Assert.Throws<InvalidDataException>(() => CustomerKeyring.OpenOrCreate(_dir.KeyFile));
        Assert.Contains("64 位十六进制数字", ex.Message, StringComparison.Ordinal);
        Assert.Equal("key.not_a_key", Analytics.Ingest.Messages.LocalizedErrors.TextOf(ex)?.Id);;
    }
}
