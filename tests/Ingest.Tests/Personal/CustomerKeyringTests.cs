using Analytics.Ingest.Personal;

namespace Analytics.Ingest.Tests.Personal;

public class CustomerKeyringTests
{
    [Fact]
    public void The_key_file_is_created_once_with_owner_only_access()
    {
        using var dir = new TempFolder();
        var path = Path.Combine(dir.Path, "sub", "customer.key");
        var first = CustomerKeyring.OpenOrCreate(path);
        var text = File.ReadAllText(path);
        var second = CustomerKeyring.OpenOrCreate(path);
        Assert.Equal(text, File.ReadAllText(path));
        Assert.Equal(first.KeyOf(null, "11010519491231002X", null), second.KeyOf(null, "11010519491231002X", null));
        if (!OperatingSystem.IsWindows())
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void The_same_person_gets_the_same_key_however_the_number_is_written()
    {
        using var dir = new TempFolder();
        var ring = CustomerKeyring.OpenOrCreate(dir.KeyFile);
        var a = ring.KeyOf("张三", "11010519491231002X", "13800001111");
        var b = ring.KeyOf("张 三", "11010519491231002x ", null);
        Assert.Equal(a, b);
        Assert.Matches("^[0-9a-f]{64}$", a);
    }

    [Theory]
    [InlineData(null, " 11010519491231002x", null, "id:11010519491231002X")]
    [InlineData("张 三", null, "+86 138 0000 1111", "np:张三|13800001111")]
    [InlineData(null, "", "13800001111", "np:|13800001111")]
    public void The_key_is_the_hmac_of_the_documented_material_so_stored_keys_stay_linked(string? name, string? id, string? phone, string material)
    {
        using var dir = new TempFolder();
        var ring = CustomerKeyring.OpenOrCreate(dir.KeyFile);
        var secret = Convert.FromHexString(File.ReadAllText(dir.KeyFile).Trim());
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(secret, System.Text.Encoding.UTF8.GetBytes(material)));
        Assert.Equal(expected, ring.KeyOf(name, id, phone));
    }

    [Fact]
    public void Without_an_ID_number_name_and_phone_make_the_key()
    {
        using var dir = new TempFolder();
        var ring = CustomerKeyring.OpenOrCreate(dir.KeyFile);
        Assert.Equal(ring.KeyOf("张三", null, "138 0000 1111"), ring.KeyOf("张三", "", "+86 13800001111"));
        Assert.NotEqual(ring.KeyOf("张三", null, "13800001111"), ring.KeyOf("李四", null, "13800001111"));
        Assert.Null(ring.KeyOf(null, null, null));
    }

    [Fact]
    public void Two_installations_give_different_keys_for_the_same_person()
    {
        using var a = new TempFolder();
        using var b = new TempFolder();
        Assert.NotEqual(CustomerKeyring.OpenOrCreate(a.KeyFile).KeyOf(null, "11010519491231002X", null),
            CustomerKeyring.OpenOrCreate(b.KeyFile).KeyOf(null, "11010519491231002X", null));
    }

    [Fact]
    public void A_key_file_that_holds_no_key_is_an_error_naming_it()
    {
        using var dir = new TempFolder();
        File.WriteAllText(dir.KeyFile, "not a key");
        var e = Assert.Throws<InvalidDataException>(() => CustomerKeyring.OpenOrCreate(dir.KeyFile));
        Assert.Contains(dir.KeyFile, e.Message, StringComparison.Ordinal);
    }
}
