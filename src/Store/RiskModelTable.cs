using System.Data;
using System.Data.Common;
using Analytics.Domain.Storage;

namespace Analytics.Store;

/// <summary>
/// The <c>risk_models</c> table (<see cref="IRiskModelStore"/>), the same SQL in both dialects: the fingerprint is
/// unique, so <c>INSERT … ON CONFLICT DO NOTHING</c> makes two concurrent saves of one model one row; the pruning
/// keeps the newest ids. A NaN figure is stored as NULL (SQLite has no NaN) and read back as NaN.
/// </summary>
internal static class RiskModelTable
{
    private const string Columns = "id, data_fingerprint, trained_at, known_at, mae_model, mae_baseline, auc_model, auc_baseline, trained_on_count, model";

    public static StoredRiskModel? Find(DbConnection conn, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM risk_models WHERE data_fingerprint = @fingerprint";
        Add(cmd, "fingerprint", fingerprint);
        using var r = cmd.ExecuteReader();
        if (!r.Read()) return null;
        return new StoredRiskModel
        {
            Id = r.GetInt64(0),
            Fingerprint = r.GetString(1),
            TrainedAt = DateTime.SpecifyKind(r.GetDateTime(2), DateTimeKind.Unspecified),
            KnownAt = DateTime.SpecifyKind(r.GetDateTime(3), DateTimeKind.Unspecified),
            MaeModel = Figure(r, 4),
            MaeBaseline = Figure(r, 5),
            AucModel = Figure(r, 6),
            AucBaseline = Figure(r, 7),
            TrainedOnCount = r.GetInt32(8),
            Model = (byte[])r.GetValue(9),
        };
    }

    /// <summary>
    /// Inserts the model unless its fingerprint is stored, then keeps the newest <paramref name="keep"/>; true when inserted.
    /// <paramref name="instant"/> gives an instant's parameter value in the dialect (text for SQLite, timestamp for PostgreSQL).
    /// </summary>
    public static bool Save(DbConnection conn, DbTransaction tx, StoredRiskModel model, int keep, Func<DateTime, (object Value, DbType Type)> instant)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(keep, 1);
        int inserted;
        using (var cmd = conn.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = """
                INSERT INTO risk_models (data_fingerprint, trained_at, known_at, mae_model, mae_baseline, auc_model, auc_baseline, trained_on_count, model)
                VALUES (@fingerprint, @trained_at, @known_at, @mae_model, @mae_baseline, @auc_model, @auc_baseline, @trained_on_count, @model)
                ON CONFLICT (data_fingerprint) DO NOTHING
                """;
            Add(cmd, "fingerprint", model.Fingerprint);
            var (trained, type) = instant(model.TrainedAt);
            Add(cmd, "trained_at", trained, type);
            var (known, _) = instant(model.KnownAt);
            Add(cmd, "known_at", known, type);
            Add(cmd, "mae_model", Figure(model.MaeModel), DbType.Double);
            Add(cmd, "mae_baseline", Figure(model.MaeBaseline), DbType.Double);
            Add(cmd, "auc_model", Figure(model.AucModel), DbType.Double);
            Add(cmd, "auc_baseline", Figure(model.AucBaseline), DbType.Double);
            Add(cmd, "trained_on_count", model.TrainedOnCount, DbType.Int32);
            Add(cmd, "model", model.Model, DbType.Binary);
            inserted = cmd.ExecuteNonQuery();
        }
        using (var prune = conn.CreateCommand())
        {
            prune.Transaction = tx;
            prune.CommandText = "DELETE FROM risk_models WHERE id NOT IN (SELECT id FROM risk_models ORDER BY id DESC LIMIT @keep)";
            Add(prune, "keep", keep, DbType.Int32);
            prune.ExecuteNonQuery();
        }
        return inserted == 1;
    }

    public static IReadOnlyList<string> Fingerprints(DbConnection conn)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT data_fingerprint FROM risk_models ORDER BY id DESC";
        using var r = cmd.ExecuteReader();
        var list = new List<string>();
        while (r.Read()) list.Add(r.GetString(0));
        return list;
    }

    private static object Figure(double value) => double.IsNaN(value) ? DBNull.Value : value;

    private static double Figure(DbDataReader r, int i) => r.IsDBNull(i) ? double.NaN : r.GetDouble(i);

    private static void Add(DbCommand cmd, string name, object value, DbType? type = null)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        if (type is { } t) p.DbType = t;
        cmd.Parameters.Add(p);
    }
}
