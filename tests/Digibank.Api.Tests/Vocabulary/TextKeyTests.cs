namespace Digibank.Api.Tests.Vocabulary;

public sealed class TextKeyTests
{
    [Theory]
    [InlineData("Tax-on-web", "taxonweb")]
    [InlineData("tax on web", "taxonweb")]
    [InlineData("TAX_ON_WEB!", "taxonweb")]
    [InlineData("Één café in Wijtschate", "eencafeinwijtschate")]
    [InlineData("Foto's op je smartphone", "fotosopjesmartphone")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Folding_keeps_only_lowercase_letters_and_digits_without_accents(string? text, string key) =>
        Assert.Equal(key, TextKey.Fold(text));
}
