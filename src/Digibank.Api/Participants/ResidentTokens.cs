using System.Security.Cryptography;
using System.Text;

namespace Digibank.Api.Participants;

/// <summary>The random tokens residents receive once to cancel without an account; only their hash is stored.</summary>
public static class ResidentTokens
{
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
