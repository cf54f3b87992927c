using Analytics.Domain;
using Analytics.Store.Tests.Support;

namespace Analytics.Store.Tests;

/// <summary>
/// The content hash against the one field list (issue 17 item 1): its bytes are pinned (a change would make
/// every stored row look changed once), and every stored field of <see cref="ApplicationFields"/> takes part.
/// </summary>
public class ContentHashTests
{
    // Computed by ContentHash v1 before the field list existed (main at 869d9a4); it must never change.
    private const string FullHash = "a8c00a4fabd9b28d1c872e6089f1d189";
    private const string MinimalHash = "4cdcbbf39f731d707164d721db23cfa0";

    [Fact]
    public void The_hash_of_a_known_application_is_pinned()
    {
        Assert.Equal(FullHash, Convert.ToHexStringLower(ContentHash.Of(Samples.Full())));
        Assert.Equal(MinimalHash, Convert.ToHexStringLower(ContentHash.Of(Samples.Minimal())));
    }

    public static TheoryData<string> StoredFields() => [.. ApplicationFields.All.Where(f => f.Stored).Select(f => f.Name)];

    [Theory]
    [MemberData(nameof(StoredFields))]
    public void Every_stored_field_of_the_list_changes_the_hash(string name)
    {
        var field = ApplicationFields.All.Single(f => f.Name == name);
        var full = Samples.Full();
        var minimal = Samples.Minimal();
        Assert.NotEqual(field.Get(full), field.Get(minimal));
        var changed = field.With!(minimal, field.Get(full));
        Assert.Equal(field.Get(full), field.Get(changed));
        Assert.NotEqual(ContentHash.Of(minimal), ContentHash.Of(changed));
    }

    [Fact]
    public void The_store_columns_are_the_lists_stored_fields_in_order()
    {
        Assert.Equal(ApplicationFields.StoreData.Select(f => f.Name), StoreColumns.ApplicationData);
        Assert.Equal(["utility", "application_id"], ApplicationFields.StoreKey.Select(f => f.Name));
        Assert.DoesNotContain(ApplicationFields.All, f => f.Personal && f.Stored);
    }
}
