using System.Globalization;

namespace Analytics.Domain;

/// <summary>
/// The signature block of a filed weekly ledger (填报人、审核人、联系电话、报送日期) as the store keeps it: the two
/// names only as <see cref="PersonalDataMask.Name"/> masks (<c>张*</c>) and the filing date. The phone is checked
/// when the ledger is read and then dropped: the roll-up does not need it and nothing may keep it in clear.
/// </summary>
/// <remarks>
/// It travels as one <see cref="LedgerNote"/> of the week under the reserved task key <see cref="NoteTask"/>, so it
/// is filed, revised and replaced together with the week's progress notes (same key, same revisions, no new table);
/// <see cref="IsSignature"/> tells it apart wherever notes are listed as tasks.
/// </remarks>
/// <param name="FiledBy">填报人, masked.</param>
/// <param name="ReviewedBy">审核人, masked.</param>
/// <param name="FiledOn">报送日期.</param>
public sealed record LedgerSignature(string FiledBy, string ReviewedBy, DateOnly FiledOn)
{
    /// <summary>The task key of the signature note; no task of a plan and refused as a free task title.</summary>
    public const string NoteTask = "报送信息";

    /// <summary>Masks the clear names (the phone is never passed in).</summary>
    public static LedgerSignature Of(string filedBy, string reviewedBy, DateOnly filedOn) =>
        new(PersonalDataMask.Name(filedBy), PersonalDataMask.Name(reviewedBy), filedOn);

    /// <summary>Whether <paramref name="note"/> is a signature note rather than a task's progress.</summary>
    public static bool IsSignature(LedgerNote note)
    {
        ArgumentNullException.ThrowIfNull(note);
        return string.Equals(note.Task, NoteTask, StringComparison.Ordinal);
    }

    /// <summary>The note that carries this signature for <paramref name="county"/>'s ledger of <paramref name="thursday"/>.</summary>
    public LedgerNote ToNote(string county, DateOnly thursday) => new()
    {
        County = county,
        Thursday = thursday,
        Task = NoteTask,
        Text = $"{LedgerWorkbookNames.SignFiledBy}：{PersonalDataMask.Safe(FiledBy)}\n{LedgerWorkbookNames.SignReviewedBy}：{PersonalDataMask.Safe(ReviewedBy)}\n"
            + $"{LedgerWorkbookNames.SignDate}：{FiledOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
    };

    /// <summary>The signature a note carries, or null when it is not a (well-formed) signature note.</summary>
    public static LedgerSignature? FromNote(LedgerNote note)
    {
        if (!IsSignature(note)) return null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in note.Text.Split('\n'))
        {
            var i = line.IndexOf('：', StringComparison.Ordinal);
            if (i > 0) values[line[..i].Trim()] = line[(i + 1)..].Trim();
        }
        if (!values.TryGetValue(LedgerWorkbookNames.SignDate, out var d)
            || !DateOnly.TryParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return null;
        // Masked again on the way out: a hand-edited store cannot put a clear name into a report.
        return new(PersonalDataMask.Safe(values.GetValueOrDefault(LedgerWorkbookNames.SignFiledBy)),
            PersonalDataMask.Safe(values.GetValueOrDefault(LedgerWorkbookNames.SignReviewedBy)), date);
    }
}
